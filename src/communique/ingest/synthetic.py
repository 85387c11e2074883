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
    "{p3}, an analyst in {cap1}, said the visit reflected a wider effort by {C1} to diversify its partners beyond its {n} immediate neighbours.",
    "The ministry of foreign affairs of {C2} condemned the decision and said it would respond \"in a proportionate manner\".",
    "{p1} also expressed condolences over the {n2} victims of the earthquake in {C2} in {month} and offered assistance to the affected regions.",
    "Both delegations praised the progress made on the {sec1} corridor and called for the agreement to be ratified by parliament.",
    "The {adj1} embassy in {cap2} said the ambassador had been recalled for consultations and that talks were suspended.",
    "In a joint statement issued in {cap2} on {wd}, the ministers reaffirmed their support for the peaceful settlement of disputes and for the United Nations charter.",
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
# Body sentences carry slots every few words (names, towns, figures, days): two unrelated generated
# articles then share few 5-word shingles, as unrelated real articles do (a small pool of fixed
# sentences would make every generated article a near-copy of every other for the dedup stage).
OTHER_BODY = [
    "Organisers in {town} said {n2} people attended on {wd}, more than last year, and {shops} reported a busy weekend.",
    "{coach}, the {team1} coach, said the {mins} minutes of training each day had paid off. \"We kept our shape against {team2} and took our chances,\" {pron} said.",
    "Residents of {street} were advised by the {town} fire service to avoid the area until {hour} and to follow updates online.",
    "{co} expects revenue to grow by {pct} percent in {year2}, driven by demand in {town} and {town2} for its newest products.",
    "Tickets for the {town} event cost {price} and are available online, with discounts for students, said {p3} of the organising committee.",
    "The {town} council will hold a public consultation in {month} before work on {street} begins, {p3}, a spokesperson for the mayor, said.",
    "{p3}, an economist at {co}, said the rise of {pct} percent was likely to continue as long as {commodity} prices remained high.",
    "About {n2} volunteers cleared debris from {street} on {wd} morning, and the road reopened to traffic by {hour}.",
    "The {town} museum said it hoped the show, which cost {price} to stage, would draw visitors from {town2} and beyond.",
    "Parents in {town} welcomed the decision, but {p3} of the local parents' association said waiting times of {n} weeks were still too long.",
    "The match at {venue} was watched by {n2} spectators, the largest crowd there since {year2}.",
    "{p3}, an analyst with {co}, noted that the {commodity} market had swung by {pct} percent in {n} weeks and advised caution.",
    "From {month}, the new service will run in {town} every {n} minutes, and in {town2} later in the year.",
    "The weather service recorded {rain} millimetres of rain at its {town} station, the wettest {wd} since {year2}.",
    "Shop owners on {street} said the works had cut customer numbers by {pct} percent and asked {town} council for compensation.",
    "{p3}, head teacher of the {town} primary school, said pupils had raised {price} for the project through {n} bake sales.",
    "Police in {town} said {n} people were questioned after the incident on {street} and that no arrests had been made.",
    "A spokesperson for {co} declined to comment on {wd}, saying only that talks with {co2} were continuing.",
    "{p3}, who has lived on {street} for {yrs} years, said she had never seen anything like it.",
    "The {town} branch of the union said {n2} members would vote in {month} on the offer made by {co2}.",
]
FILLER = [
    "It was not immediately clear whether the {town} authorities would review the decision before {month}.",
    "Further details from {co} are expected on {wd}, according to {p3}.",
    "The {year2} figures for {town} are provisional and may be revised in {month}.",
    "A final decision by the {town} board is expected before {hour} on {wd}.",
    "The plan for {street} has drawn both support and criticism from {n2} residents who wrote to the council.",
    "Similar measures were introduced in {town2} in {year2} with mixed results, {p3} noted.",
]
TOWNS = ["Ashford", "Brenmoor", "Calder Vale", "Dunmere", "Eastwick", "Fallowby", "Greyhaven", "Holmbridge",
         "Ivybank", "Kettering Cross", "Larkspur", "Millbrook", "Northam", "Oakridge", "Pembury", "Queensford",
         "Redcliff", "Stonehurst", "Thornfield", "Upton Vale", "Westmoor", "Yarrowby", "Alderley", "Birchmont",
         "Coldwater", "Deepdale", "Elmstead", "Foxley", "Glenrose", "Harrowgate", "Kilburnie", "Lindenfeld"]
STREET_NAMES = ["Mill", "Station", "Church", "Harbour", "Victoria", "Chapel", "Bridge", "Park", "Market", "School",
                "Orchard", "Quarry", "Meadow", "Castle", "Riverside", "Elm", "Linden", "Canal"]
STREET_KINDS = ["Road", "Street", "Lane", "Avenue", "Terrace", "Way"]
COMMODITIES = ["copper", "wheat", "coffee", "cocoa", "timber", "steel", "natural gas", "cotton", "sugar", "aluminium"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]
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
        "p3": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "coach": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "pron": rng.choice(["he", "she"]), "town": (tw := rng.sample(TOWNS, 2))[0], "town2": tw[1],
        "street": f"{rng.choice(STREET_NAMES)} {rng.choice(STREET_KINDS)}", "n2": rng.randint(12, 4800),
        "hour": f"{rng.randint(1, 11)} {rng.choice(['a.m.', 'p.m.'])}", "year2": date.year - rng.randint(1, 30),
        "price": f"{rng.randint(3, 950)} euros", "month": rng.choice(MONTH_NAMES), "co2": rng.choice(COMPANIES),
        "commodity": rng.choice(COMMODITIES), "venue": f"{rng.choice(TOWNS)} {rng.choice(['Park', 'Arena', 'Stadium', 'Ground'])}",
        "rain": rng.randint(20, 180), "yrs": rng.randint(2, 60), "mins": rng.randint(40, 180), "shops": rng.choice(["shops", "cafes", "hotels", "restaurants", "market traders"]),
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
