"""The relationship brief: `relation_brief(con, a, b, since=None) -> dict` in the contract's shape
(`../shared/contract/extract-json.md`, "The relationship brief"), plus extra fields, and its
Markdown and HTML renderings.  Every item carries its sources (article, url, outlet, evidence).
"""
from __future__ import annotations

import html
from datetime import datetime, timezone
from typing import Any, Optional

from . import analytics, ensure_fresh
from .names import country_name

DASH = "\u2014"


def _event_dict(e: dict) -> dict:
    """A merged event in the shape of a contract event, plus num_articles, num_sources and mentions."""
    return {
        "id": e["id"],
        "source": {"actor": e["source_name"] if e.get("source_is_person") else None, "country": e["source_country"],
                   "cameo": e["source_cameo"], "name": e["source_name"], "role": e.get("source_role")},
        "target": {"actor": e["target_name"] if e.get("target_is_person") else None, "country": e["target_country"],
                   "cameo": e["target_cameo"], "name": e["target_name"], "role": e.get("target_role")},
        "plover": {"type": e["plover_type"], "mode": e["plover_mode"], "contexts": list(e["plover_contexts"] or [])},
        "cameo": {"code": e["cameo_code"], "root": e["cameo_root"], "goldstein": e["cameo_goldstein"],
                  "quad_class": e["cameo_quad_class"]},
        "when": e["modality"],
        "date": e["date"],
        "location": {"name": e["location_name"], "country": e["location_country"], "lat": e["location_lat"],
                     "lon": e["location_lon"]},
        "sectors": list(e["sectors"] or []),
        "confidence": e["confidence"],
        "evidence": {"start": e["evidence_start"], "end": e["evidence_end"], "text": e["evidence_text"],
                     "article": e["best_article"]},
        "num_articles": e["num_articles"],
        "num_sources": e["num_sources"],
        "num_independent": e["num_independent"],
        "mentions": [{"article": m["article_id"], "url": m["url"], "outlet": m["outlet"], "title": m.get("title"),
                      "published": m["published"], "confidence": m["confidence"],
                      "evidence": {"start": m["evidence_start"], "end": m["evidence_end"], "text": m["evidence_text"]}}
                     for m in e.get("mentions", [])],
    }


def _sources(items: list[dict]) -> list[dict]:
    """One source per article (an article can report an event in two sentences)."""
    out, seen = [], set()
    for s in items or []:
        if s.get("article_id") in seen:
            continue
        seen.add(s.get("article_id"))
        out.append({"article": s.get("article_id"), "url": s.get("url"), "outlet": s.get("outlet"),
                    "published": s.get("published"), "evidence": s.get("evidence_text")})
    return out


def _per_article(mentions: list[dict]) -> list[dict]:
    seen: set = set()
    return [m for m in mentions if not (m["article"] in seen or seen.add(m["article"]))]


def relation_brief(con, a: str, b: str, since: Optional[str] = None, *, max_events: int = 200,
                   refresh: bool = True) -> dict[str, Any]:
    """Everything the memory knows about the relationship of a and b (country/IGO codes)."""
    if refresh:
        ensure_fresh(con)
    a, b = a.upper(), b.upper()
    events = analytics.dyad_events(con, a, b, since=since, limit=max_events)
    visits = analytics.ledger_rows(con, "mem_visits", a, b, since)
    visits.sort(key=lambda v: (str(v["date"] or ""), v["id"]))
    invitations = analytics.ledger_rows(con, "mem_invitations", a, b, since)
    agreements = analytics.ledger_rows(con, "mem_agreements", a, b, since)
    agreements.sort(key=lambda x: (str(x["date"] or ""), x["title"] or ""))
    trend = analytics.cooperation_index(con, a, b, since)
    flags = []
    for v in visits:
        v["sources"] = _sources(v["sources"])
        for c in v["claims"]:
            if c.get("agrees") is False:
                flags.append({"kind": "gap_claim", "visit": v["id"], "claim": c["text"], "article": c["article"],
                              "computed_gap_years": v["gap_years"], "previous_at_level": v["previous_at_level"],
                              "message": f"the article says \u201c{c['text']}\u201d but the ledger gives "
                                         f"{v['gap_years']} years ({v['previous_at_level']} \u2192 {v['date']})"})
    for x in agreements:
        x["sources"] = _sources(x["sources"])
    for inv in invitations:
        inv["invitee_name"] = country_name(inv["invitee"])
    reported = [e for e in events if e["modality"] == "reported"]
    return {
        "dyad": [a, b],
        "names": {a: country_name(a), b: country_name(b)},
        "since": since,
        "generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "summary": {
            "events": len(reported), "reports": sum(e["num_articles"] for e in reported),
            "first": min((e["date"] for e in reported if e["date"]), default=None),
            "last": max((e["date"] for e in reported if e["date"]), default=None),
            "visits": sum(1 for v in visits if v["status"] == "held"),
            "open_invitations": sum(1 for i in invitations if i["outstanding"]),
            "agreements_signed": sum(1 for x in agreements if x["status"] == "signed"),
            "cooperation_index": _overall(trend),
        },
        "last_contacts": analytics.last_contacts(con, a, b),
        "events": [_event_dict(e) for e in events],
        "visits": visits,
        "invitations": invitations,
        "agreements": agreements,
        "trend": trend,
        "sectors": analytics.sector_totals(con, a, b, since),
        "sectors_over_time": analytics.sectors_over_time(con, a, b, since),
        "timeline": analytics.dyad_timeline(con, a, b, since),
        "quotes": analytics.dyad_quotes(con, a, b, since),
        "flags": flags,
    }


def _overall(trend: list[dict]) -> Optional[float]:
    pairs = [(t["cooperation_index"], t["events"]) for t in trend if t["cooperation_index"] is not None]
    n = sum(w for _, w in pairs)
    return round(sum(v * w for v, w in pairs) / n, 2) if n else None


# ---------------------------------------------------------------- Markdown

def _src_md(items: list[dict], limit: int = 4) -> str:
    out = []
    for s in items[:limit]:
        label = s.get("outlet") or (s.get("article") or "")[:10]
        out.append(f"[{_md(label)}]({s['url']})" if s.get("url") else _md(label))
    more = len(items) - limit
    return ", ".join(out) + (f" +{more}" if more > 0 else "")


def _md(s: Any) -> str:
    s = "" if s is None else str(s)
    return s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def _who(e: dict, side: str) -> str:
    r = e[side]
    name = r.get("actor")
    return f"{r['country'] or '?'}" + (f" ({name})" if name else "")


def render_markdown(brief: dict) -> str:
    a, b = brief["dyad"]
    n = brief["names"]
    s = brief["summary"]
    L = [f"# {n[a]} \u2013 {n[b]}: relationship brief", ""]
    L.append(f"{s['events']} events from {s['reports']} reports"
             + (f", {s['first']} to {s['last']}" if s["first"] else "")
             + (f" (since {brief['since']})" if brief.get("since") else "")
             + f"; {s['visits']} visits, {s['agreements_signed']} agreements signed, "
             f"{s['open_invitations']} open invitations; cooperation index {s['cooperation_index']}.")
    L.append("")
    if brief["flags"]:
        L += ["## Check", ""] + [f"- **{_md(f['message'])}**" for f in brief["flags"]] + [""]
    L += ["## Last contacts", ""]
    for c in brief["last_contacts"]:
        L.append(f"- {c['date']}: {c['plover_type'].lower()}{' (' + c['plover_mode'] + ')' if c['plover_mode'] else ''}"
                 f" {c['source_country']} \u2192 {c['target_country']}"
                 + (f", {_md(c['location_name'])}" if c["location_name"] else "")
                 + f" \u2014 {c['num_sources']} source(s)")
    L += ["", "## Visits", "", "| date | visitor \u2192 host | level | place | previous at level | gap | claims | sources |",
          "|---|---|---|---|---|---|---|---|"]
    for v in brief["visits"]:
        if v.get("same_as"):
            continue
        claims = "; ".join(f"\u201c{_md(c['text'])}\u201d " + {True: "agrees", False: "**disagrees**", None: "unchecked"}[c["agrees"]]
                           for c in v["claims"])
        L.append(f"| {v['date']}{' (' + v['status'] + ')' if v['status'] != 'held' else ''} | {v['visitor']} "
                 f"\u2192 {v['host']}{' (' + _md(v['visitor_actor']) + ')' if v.get('visitor_actor') else ''} | "
                 f"{v['level']} | {_md(v['place'] or '')} | {v['previous_at_level'] or DASH} | "
                 f"{'' if v['gap_years'] is None else str(v['gap_years']) + ' y'} | {claims} | {_src_md(v['sources'])} |")
    L += ["", "## Invitations", ""]
    for i in brief["invitations"]:
        hist = " \u2192 ".join(f"{h['status']} {h['date']}" for h in i["history"])
        L.append(f"- {i['inviter']} invites {i['invitee']}"
                 + (f" ({_md(i['invitee_actor'])})" if i.get("invitee_actor") else "")
                 + f" to {_md(i['to'] or '?')}: **{i['status']}**"
                 + (f", outstanding since {i['since']}" if i["outstanding"] else "") + f" \u2014 {hist}")
    if not brief["invitations"]:
        L.append("- none recorded")
    L += ["", "## Agreements", "", "| date | title | domain | status | sources |", "|---|---|---|---|---|"]
    for x in brief["agreements"]:
        L.append(f"| {x['date']} | {_md(x['title'])} | {_md(x['domain'])} | {x['status']} | {_src_md(x['sources'])} |")
    L += ["", "## Trend", ""]
    if brief.get("chart"):
        L += [f"![trend]({brief['chart'].get('png_name') or brief['chart'].get('png')})", ""]
    L += ["| period | events | cooperative | conflictual | cooperation index | share of all events (\u2030) |",
          "|---|---|---|---|---|---|"]
    for t in brief["trend"]:
        L.append(f"| {t['period']} | {t['events']} | {t['cooperative'] or 0} | {t['conflictual'] or 0} | "
                 f"{t['cooperation_index']} | {t['share_permille']} |")
    L += ["", "## Sectors", "", ", ".join(f"{k} ({v})" for k, v in brief["sectors"].items()) or "none", ""]
    L += ["## Quotes", ""]
    for q in brief["quotes"][:8]:
        L.append(f"- {_md(q['speaker'] or q['speaker_country'])} ({q['speaker_country']}) on {q['about']}: "
                 f"\u201c{_md(q['text'])}\u201d \u2014 {_src_md([{'url': q['url'], 'outlet': q['outlet'], 'article': q['article']}])}"
                 f"{'' if q['about_other'] else ' (context)'}")
    if not brief["quotes"]:
        L.append("- none recorded")
    L += ["", "## Events", ""]
    for e in brief["events"]:
        L.append(f"- {e['date'] or '?'} [{e['when']}] {e['plover']['type']}"
                 f"{'/' + e['plover']['mode'] if e['plover']['mode'] else ''} {_who(e, 'source')} \u2192 {_who(e, 'target')}"
                 f" \u2014 {e['num_articles']} article(s), {e['num_sources']} source(s): "
                 f"{_src_md([{'url': m['url'], 'outlet': m['outlet'], 'article': m['article']} for m in _per_article(e['mentions'])])}")
        if e["evidence"]["text"]:
            L.append(f"  > {_md(e['evidence']['text'])}")
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------- HTML

def _h(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _safe_url(u: Optional[str]) -> Optional[str]:
    return u if u and u.lower().startswith(("http://", "https://")) else None


def _src_html(items: list[dict], limit: int = 4) -> str:
    out = []
    for s in items[:limit]:
        label = _h(s.get("outlet") or (s.get("article") or "")[:10])
        u = _safe_url(s.get("url"))
        out.append(f'<a href="{_h(u)}" rel="noopener noreferrer">{label}</a>' if u else label)
    return ", ".join(out)


def render_html(brief: dict) -> str:
    a, b = brief["dyad"]
    n = brief["names"]
    s = brief["summary"]
    P = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
         f"<title>{_h(n[a])} \u2013 {_h(n[b])}: relationship brief</title>",
         "<style>body{font:15px/1.45 system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}"
         "table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #ddd;"
         "padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f4f4f4}.bad{color:#b00020;font-weight:600}"
         ".ok{color:#2e7d32}blockquote{margin:.2em 0 .8em 1em;color:#555;border-left:3px solid #ccc;padding-left:.6em}"
         "img{max-width:100%}</style></head><body>",
         f"<h1>{_h(n[a])} \u2013 {_h(n[b])}</h1>",
         f"<p>{s['events']} events from {s['reports']} reports"
         + (f", {_h(s['first'])} to {_h(s['last'])}" if s["first"] else "")
         + f"; {s['visits']} visits, {s['agreements_signed']} agreements signed, {s['open_invitations']} open "
           f"invitations; cooperation index {_h(s['cooperation_index'])}.</p>"]
    if brief["flags"]:
        P.append("<h2>Check</h2><ul>" + "".join(f"<li class='bad'>{_h(f['message'])}</li>" for f in brief["flags"]) + "</ul>")
    P.append("<h2>Visits</h2><table><tr><th>date</th><th>visitor \u2192 host</th><th>level</th><th>place</th>"
             "<th>previous at level</th><th>gap</th><th>claims</th><th>sources</th></tr>")
    for v in brief["visits"]:
        if v.get("same_as"):
            continue
        claims = "".join(f"<div class='{'bad' if c['agrees'] is False else 'ok'}'>\u201c{_h(c['text'])}\u201d "
                         f"{ {True: 'agrees', False: 'disagrees', None: 'unchecked'}[c['agrees']]}</div>" for c in v["claims"])
        P.append(f"<tr><td>{_h(v['date'])} {_h('' if v['status'] == 'held' else v['status'])}</td>"
                 f"<td>{_h(v['visitor'])} \u2192 {_h(v['host'])} {_h(v.get('visitor_actor') or '')}</td>"
                 f"<td>{_h(v['level'])}</td><td>{_h(v['place'])}</td><td>{_h(v['previous_at_level'] or '')}</td>"
                 f"<td>{_h('' if v['gap_years'] is None else v['gap_years'])}</td><td>{claims}</td>"
                 f"<td>{_src_html(v['sources'])}</td></tr>")
    P.append("</table><h2>Invitations</h2><ul>")
    for i in brief["invitations"]:
        hist = " \u2192 ".join(f"{_h(h['status'])} {_h(h['date'])}" for h in i["history"])
        P.append(f"<li>{_h(i['inviter'])} invites {_h(i['invitee'])} {_h(i.get('invitee_actor') or '')} to "
                 f"{_h(i['to'] or '?')}: <b>{_h(i['status'])}</b>"
                 + (f", outstanding since {_h(i['since'])}" if i["outstanding"] else "") + f" \u2014 {hist}</li>")
    P.append("</ul><h2>Agreements</h2><table><tr><th>date</th><th>title</th><th>domain</th><th>status</th><th>sources</th></tr>")
    for x in brief["agreements"]:
        P.append(f"<tr><td>{_h(x['date'])}</td><td>{_h(x['title'])}</td><td>{_h(x['domain'])}</td>"
                 f"<td>{_h(x['status'])}</td><td>{_src_html(x['sources'])}</td></tr>")
    P.append("</table><h2>Trend</h2>")
    if brief.get("chart"):
        P.append(f"<img alt='events and cooperation index per month' src='{_h(brief['chart'].get('svg_name') or brief['chart'].get('svg'))}'>")
    P.append("<table><tr><th>period</th><th>events</th><th>cooperation index</th><th>share (\u2030)</th></tr>"
             + "".join(f"<tr><td>{_h(t['period'])}</td><td>{t['events']}</td><td>{_h(t['cooperation_index'])}</td>"
                       f"<td>{_h(t['share_permille'])}</td></tr>" for t in brief["trend"]) + "</table>")
    P.append("<h2>Sectors</h2><p>" + (_h(", ".join(f"{k} ({v})" for k, v in brief["sectors"].items())) or "none") + "</p>")
    P.append("<h2>Quotes</h2>")
    for q in brief["quotes"][:8]:
        P.append(f"<blockquote>\u201c{_h(q['text'])}\u201d \u2014 {_h(q['speaker'] or q['speaker_country'])} "
                 f"({_h(q['speaker_country'])}), {_src_html([{'url': q['url'], 'outlet': q['outlet'], 'article': q['article']}])}"
                 "</blockquote>")
    P.append("<h2>Events</h2><ul>")
    for e in brief["events"]:
        P.append(f"<li>{_h(e['date'])} [{_h(e['when'])}] {_h(e['plover']['type'])} {_h(_who(e, 'source'))} \u2192 "
                 f"{_h(_who(e, 'target'))} \u2014 {e['num_articles']} article(s), {e['num_sources']} source(s): "
                 f"{_src_html([{'url': m['url'], 'outlet': m['outlet'], 'article': m['article']} for m in _per_article(e['mentions'])])}"
                 + (f"<blockquote>{_h(e['evidence']['text'])}</blockquote>" if e["evidence"]["text"] else "") + "</li>")
    P.append("</ul></body></html>")
    return "\n".join(P) + "\n"
