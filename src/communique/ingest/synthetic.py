"""Generated news articles of realistic length and mix, for benchmarks and ingest tests.

`articles(n, seed)` yields records ``{"text", "title", "published", "url", "outlet"}``.
About a third are about international relations (visits, calls, agreements, sanctions,
protests, aid); the rest is what most news is: sport, markets, weather, local affairs,
technology, health, culture. Text comes from templates written for this project, with
varied vocabulary; people are invented, places are real. Deterministic for a given seed.
"""
from __future__ import annotations

import datetime as _dt
import random
from typing import Iterator

COUNTRIES = [  # name, adjective, capital
    ("Kazakhstan", "Kazakh", "Astana"), ("Oman", "Omani", "Muscat"), ("Chile", "Chilean", "Santiago"),
    ("Norway", "Norwegian", "Oslo"), ("Ghana", "Ghanaian", "Accra"), ("Togo", "Togolese", "Lome"),
    ("Japan", "Japanese", "Tokyo"), ("India", "Indian", "New Delhi"), ("Brazil", "Brazilian", "Brasilia"),
    ("Kenya", "Kenyan", "Nairobi"), ("Poland", "Polish", "Warsaw"), ("Egypt", "Egyptian", "Cairo"),
    ("Indonesia", "Indonesian", "Jakarta"), ("Mexico", "Mexican", "Mexico City"), ("Canada", "Canadian", "Ottawa"),
    ("Turkey", "Turkish", "Ankara"), ("Vietnam", "Vietnamese", "Hanoi"), ("Peru", "Peruvian", "Lima"),
    ("Morocco", "Moroccan", "Rabat"), ("Finland", "Finnish", "Helsinki"), ("Qatar", "Qatari", "Doha"),
    ("Uzbekistan", "Uzbek", "Tashkent"), ("Argentina", "Argentine", "Buenos Aires"), ("Senegal", "Senegalese", "Dakar"),
]
FIRST = ["Amina", "Jonas", "Leila", "Marek", "Sofia", "Tomas", "Yuki", "Rafael", "Ingrid", "Omar", "Priya",
         "Daniel", "Chen", "Fatima", "Lucas", "Nadia", "Erik", "Aisha", "Mateo", "Hana", "Kwame", "Olga"]
LAST = ["Okafor", "Lindqvist", "Haddad", "Novak", "Moreau", "Tanaka", "Silva", "Kowalski", "Rahman", "Berg",
        "Mensah", "Petrov", "Alvarez", "Nakamura", "Duarte", "Farouk", "Jensen", "Sato", "Kariuki", "Ivanova"]
OUTLETS = ["Harbour Ledger", "Daily Meridian", "Steppe Wire", "Northern Courier", "Evening Tribune",
           "Coastal Herald", "Capital Observer", "Morning Dispatch"]
ROLES = ["foreign minister", "prime minister", "president", "trade minister", "defence minister",
         "energy minister", "deputy foreign minister"]
SECTORS = ["transport", "agriculture", "energy", "digital technology", "education", "tourism", "water management",
           "mining", "health care", "logistics", "fisheries", "banking"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CITIES = ["the northern district", "the old port", "the riverside quarter", "the eastern suburbs", "the city centre",
          "the industrial zone", "the university district", "the harbour front"]
TEAMS = ["Rovers", "United", "Athletic", "City", "Wanderers", "Olympic", "Rangers", "Albion"]
COMPANIES = ["Norvance", "Tellurix", "Brightmill", "Castellan Foods", "Orbis Freight", "Lumen Grid",
             "Kestrel Pharma", "Halden Steel", "Quayside Retail", "Vireo Software"]

IR_LEADS = [
    "{cap1}, {mon} {day} - {Adj1} {role1} {p1} received the {adj2} {role2}, {p2}, on {wd} for talks on {sec1} and {sec2}.",
    "{cap1}, {mon} {day} - {C1} and {C2} agreed on {wd} to expand cooperation in {sec1}, officials in both capitals said.",
    "{cap2}, {mon} {day} - The {adj1} {role1} paid an official visit to {C2} on {wd}, the first at this level in {gap} years.",
    "{cap1}, {mon} {day} - {C1} imposed new sanctions on {C2} on {wd}, accusing its government of violating a {sec1} agreement.",
    "{cap1}, {mon} {day} - {C1} summoned the {adj2} ambassador on {wd} to protest against remarks by a {adj2} minister.",
    "{cap2}, {mon} {day} - {Adj1} {role1} {p1} held a telephone call with {adj2} {role2} {p2} on {wd}, the ministry said.",
    "{cap1}, {mon} {day} - {C1} pledged {money} million dollars in aid to {C2} on {wd} after floods destroyed crops and roads.",
]
IR_BODY = [
    "The two sides discussed ways to increase trade, which reached {money} million dollars last year, and signed {n} memorandums of understanding on {sec1}, {sec2} and {sec3}.",
    "\"Our countries have a long history of friendship and we intend to give it new substance,\" {p1} told reporters after the meeting.",
    "The {adj2} side invited {p1} to visit {cap2} next year, and the invitation was accepted, according to a statement.",
    "{p2} said the {adj2} government was ready to open a direct air route and to simplify visa rules for business travellers.",
    "Officials said a joint commission on economic cooperation would meet in {cap2} in the autumn to review progress on the projects.",
    "The last visit by a {adj2} {role2} to {C1} took place in {year}, when the two countries signed a treaty on investment protection.",
    "Analysts in {cap1} said the visit reflected a wider effort by {C1} to diversify its partners beyond its immediate neighbours.",
    "The ministry of foreign affairs of {C2} condemned the decision and said it would respond \"in a proportionate manner\".",
    "{p1} also expressed condolences over the victims of the recent earthquake and offered assistance to the affected regions.",
    "Both delegations praised the progress made on the {sec1} corridor and called for the agreement to be ratified by parliament.",
    "The {adj1} embassy in {cap2} said the ambassador had been recalled for consultations and that talks were suspended.",
    "In a joint statement, the ministers reaffirmed their support for the peaceful settlement of disputes and for the United Nations charter.",
]
OTHER_LEADS = {
    "sport": ["The {team1} beat the {team2} {s1}-{s2} on {wd} evening to move to the top of the league table.",
              "A {age}-year-old sprinter set a new national record in the 400 metres at the regional championships on {wd}."],
    "markets": ["Shares of {co} rose {pct} percent on {wd} after the company reported higher quarterly profits than analysts expected.",
                "Fuel prices climbed for the third week in a row, with the average price of a litre of diesel reaching a new high."],
    "weather": ["Heavy rain flooded several streets in {city} on {wd}, and forecasters warned that more storms were on the way.",
                "Temperatures are expected to reach {temp} degrees this weekend, the hottest spell so far this summer."],
    "local": ["The city council approved a plan on {wd} to build {n} new bicycle lanes in {city} over the next two years.",
              "A fire broke out in a warehouse in {city} early on {wd}; firefighters brought it under control within three hours."],
    "tech": ["{co} unveiled a new smartphone on {wd} with a larger battery and a camera designed for low light.",
             "A software update for home routers fixed a flaw that could let attackers read network traffic, the maker said."],
    "health": ["The regional hospital opened a new children's ward on {wd}, adding {n}0 beds and a dedicated emergency room.",
               "Doctors urged residents to get vaccinated against influenza before the winter season begins."],
    "culture": ["A new exhibition of contemporary photography opened at the municipal museum on {wd} and runs until the end of the month.",
                "The film festival announced its programme on {wd}, with {n}0 films competing for the main prize."],
}
OTHER_BODY = [
    "Organisers said the turnout was higher than last year, and local businesses reported a busy weekend.",
    "The coach said the team had worked hard in training and that the result was deserved. \"We kept our shape and took our chances,\" he said.",
    "Residents were advised to avoid the area and to follow updates from the emergency services.",
    "The company expects revenue to grow by {pct} percent next year, driven by demand for its newest products.",
    "Tickets are available online and at the box office, with discounts for students and pensioners.",
    "The council will hold a public consultation before construction begins, a spokesperson for the mayor's office said.",
    "Experts said the trend was likely to continue as long as costs for raw materials remained high.",
    "Volunteers helped clean up the debris on Sunday morning, and the road reopened to traffic in the afternoon.",
    "The museum said it hoped the show would attract younger visitors who rarely come to exhibitions.",
    "Parents welcomed the decision but said more needed to be done to reduce waiting times at clinics.",
    "The match was watched by a crowd of {n},{n}00 people, the largest of the season so far.",
    "Analysts noted that the market had been volatile for weeks and advised investors to stay cautious.",
    "The new service will be available from next month in {city} and later in other parts of the region.",
    "According to the weather service, the wettest day of the year so far was recorded in the hills north of the city.",
    "Local shop owners said the works had cut the number of customers, and asked for compensation.",
    "The school's head teacher said pupils had raised money for the project through a series of bake sales.",
]
FILLER = [
    "It was not immediately clear how long the process would take.",
    "Further details are expected to be published in the coming days.",
    "The figures are provisional and may be revised later in the year.",
    "A final decision is expected before the end of the month.",
    "The proposal has drawn both support and criticism from residents.",
    "Similar measures were introduced in neighbouring regions last year with mixed results.",
]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]


def _slots(rng: random.Random, date: _dt.date) -> dict:
    (c1, a1, k1), (c2, a2, k2) = rng.sample(COUNTRIES, 2)
    t1, t2 = rng.sample(TEAMS, 2)
    s1, s2, s3 = rng.sample(SECTORS, 3)
    return {
        "C1": c1, "C2": c2, "adj1": a1, "adj2": a2, "Adj1": a1, "cap1": k1.upper(), "cap2": k2.upper(),
        "role1": rng.choice(ROLES), "role2": rng.choice(ROLES),
        "p1": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "p2": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "sec1": s1, "sec2": s2, "sec3": s3, "wd": WEEKDAYS[date.weekday()], "mon": MONTHS[date.month - 1],
        "day": date.day, "gap": rng.randint(5, 25), "year": date.year - rng.randint(5, 25),
        "money": rng.randint(5, 900), "n": rng.randint(2, 9), "team1": t1, "team2": t2,
        "s1": rng.randint(1, 4), "s2": rng.randint(0, 3), "age": rng.randint(18, 34), "co": rng.choice(COMPANIES),
        "pct": rng.randint(2, 19), "city": rng.choice(CITIES), "temp": rng.randint(28, 39),
    }


def _fill(template: str, s: dict) -> str:
    out = template.format(**s)
    return out[0].upper() + out[1:] if out else out


def article(rng: random.Random, index: int, ir_share: float = 0.3) -> dict:
    date = _dt.date(2020, 1, 1) + _dt.timedelta(days=rng.randint(0, 6 * 365))
    s = _slots(rng, date)
    is_ir = rng.random() < ir_share
    if is_ir:
        lead = rng.choice(IR_LEADS)
        body = rng.sample(IR_BODY, rng.randint(4, 8)) + rng.sample(OTHER_BODY, rng.randint(1, 3))
        topic = "world"
    else:
        topic = rng.choice(sorted(OTHER_LEADS))
        lead = rng.choice(OTHER_LEADS[topic])
        body = rng.sample(OTHER_BODY, rng.randint(5, 10))
    body += rng.sample(FILLER, rng.randint(1, 4))
    rng.shuffle(body)
    paragraphs = [_fill(lead, s)] + [_fill(b, s) for b in body]
    # realistic length: news articles run 300-900 words; repeat-free padding by re-slotting
    while sum(len(p.split()) for p in paragraphs) < rng.randint(300, 700):
        s2 = _slots(rng, date)
        pool = (IR_BODY if is_ir else OTHER_BODY) + FILLER
        paragraphs.append(_fill(rng.choice(pool), s2 | {k: s[k] for k in ("C1", "C2", "adj1", "adj2", "p1", "p2")}))
    title = paragraphs[0].split(" - ", 1)[-1].split(",")[0][:90]
    outlet = rng.choice(OUTLETS)
    slug = "-".join(title.lower().split()[:6]).strip(".,")
    return {"text": "\n\n".join(paragraphs) + f"\n\n(Article {index})", "title": title,
            "published": date.isoformat(), "url": f"https://{outlet.lower().replace(' ', '-')}.example/{topic}/{index}-{slug}",
            "outlet": outlet}


def articles(n: int, seed: int = 7, ir_share: float = 0.3) -> Iterator[dict]:
    """`n` generated articles; the `(Article i)` trailer makes every text (and id) unique."""
    rng = random.Random(seed)
    for i in range(n):
        yield article(rng, i, ir_share)
