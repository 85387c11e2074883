"""Generate the ingest fixtures: a small CC-NEWS-like WARC.gz, an RSS 2.0 feed and an Atom feed.

    .venv/bin/python tests/data/make_fixtures.py        # rewrites tests/data/news.warc.gz, news.rss, news.atom

All article texts below were written for this project (fictional events, no real article copied).
The WARC holds, in order: warcinfo, then for each page a request and a response record; one
response is a 404 and one page is in French (both must be skipped by the reader), one response
is a PDF (not HTML: ignored).
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

ARTICLES = [
    {
        "url": "https://harbour-ledger.example/2025/04/03/chile-norway-salmon-talks",
        "title": "Chile and Norway open talks on aquaculture rules",
        "date": "2025-04-03",
        "outlet": "Harbour Ledger",
        "paragraphs": [
            "SANTIAGO, April 3 - Chile's foreign minister received his Norwegian counterpart in Santiago "
            "on Thursday for two days of talks on fish farming standards and shipping.",
            "The two ministers agreed to set up a joint working group on aquaculture that will report "
            "before the end of the year, according to a statement from the Chilean foreign ministry.",
            "\"We share the same coastline problems, only at opposite ends of the planet,\" the Norwegian "
            "minister told reporters after the meeting.",
        ],
    },
    {
        "url": "https://daily-meridian.example/world/ghana-togo-border-accord",
        "title": "Ghana and Togo sign border security accord",
        "date": "2024-11-18",
        "outlet": "Daily Meridian",
        "paragraphs": [
            "ACCRA, Nov 18 - Ghana and Togo signed an agreement on Monday to share intelligence about "
            "armed groups operating along their common border, officials in Accra said.",
            "The accord was signed by the two countries' interior ministers and foresees joint patrols "
            "from next spring.",
            "Togo's minister said the deal would help farmers return to fields abandoned last year.",
        ],
    },
    {
        "url": "https://daily-meridian.example/sport/marathon-record",
        "title": "Local runner breaks city marathon record",
        "date": "2024-10-06",
        "outlet": "Daily Meridian",
        "paragraphs": [
            "A 27-year-old schoolteacher broke the city marathon record on Sunday, finishing in two hours "
            "and nine minutes despite strong winds along the river.",
            "Organisers said more than twelve thousand people took part, a record for the event.",
        ],
    },
    {
        "url": "https://steppe-wire.example/2025/02/10/kazakhstan-uzbekistan-water",
        "title": "Kazakhstan and Uzbekistan agree on water sharing",
        "date": "2025-02-10",
        "outlet": "Steppe Wire",
        "paragraphs": [
            "ASTANA, Feb 10 - Kazakhstan and Uzbekistan agreed on Monday to coordinate the release of "
            "water from reservoirs on the Syr Darya during the summer irrigation season.",
            "The agreement was reached during a visit by Uzbekistan's prime minister to Astana, where he "
            "also met the president of Kazakhstan.",
        ],
    },
]

FRENCH = {
    "url": "https://gazette-alpine.example/monde/accord",
    "title": "Accord sur le transport",
    "paragraphs": [
        "La France et la Suisse ont signé mardi un accord sur le transport ferroviaire des marchandises "
        "à travers les Alpes, a indiqué le ministère des affaires étrangères.",
        "Les deux gouvernements veulent réduire le nombre de camions sur les routes de montagne.",
    ],
}


def page_html(a: dict, lang: str = "en") -> bytes:
    paras = "\n".join(f"<p>{p}</p>" for p in a["paragraphs"])
    meta = ""
    if a.get("date"):
        meta += f'<meta property="article:published_time" content="{a["date"]}T08:00:00Z">\n'
    if a.get("outlet"):
        meta += f'<meta property="og:site_name" content="{a["outlet"]}">\n'
    html = f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{a['title']}</title>
{meta}<link rel="canonical" href="{a['url']}"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>{a['title']}</h1>
{paras}
</article>
<footer>Copyright the publisher. All rights reserved.</footer></body></html>"""
    return html.encode("utf-8")


def make_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        w = WARCWriter(out, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "communique fixture generator",
                                                            "description": "test fixture"}))

        def page(url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8",
                 date: str = "2025-04-03T10:00:00Z") -> None:
            req = w.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                       http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "x")],
                                                                     is_http_request=True))
            w.write_record(req)
            http = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
            w.write_record(rec)

        for a in ARTICLES[:2]:
            page(a["url"], page_html(a))
        page("https://daily-meridian.example/missing", b"<html><body>Not found</body></html>", status="404 Not Found")
        page(FRENCH["url"], page_html(FRENCH, lang="fr"))
        page("https://harbour-ledger.example/report.pdf", b"%PDF-1.4 not really", ctype="application/pdf")
        for a in ARTICLES[2:]:
            page(a["url"], page_html(a))


def make_rss(path: Path) -> None:
    items = []
    for a in ARTICLES:
        body = "".join(f"<p>{p}</p>" for p in a["paragraphs"])
        y, m, d = a["date"].split("-")
        months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
        pub = f"Mon, {d} {months[int(m) - 1]} {y} 09:30:00 +0000"
        items.append(f"""  <item>
    <title>{a['title']}</title>
    <link>{a['url']}</link>
    <guid>{a['url']}</guid>
    <pubDate>{pub}</pubDate>
    <description><![CDATA[{a['paragraphs'][0]}]]></description>
    <content:encoded><![CDATA[{body}]]></content:encoded>
  </item>""")
    items.append("""  <item>
    <title>Empty item</title>
    <link>https://daily-meridian.example/empty</link>
    <description></description>
  </item>""")
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>World Desk Digest</title>
  <link>https://world-desk.example/</link>
  <description>A fictional feed for tests</description>
  <language>en-gb</language>
{chr(10).join(items)}
</channel>
</rss>
"""
    path.write_text(xml, encoding="utf-8")


def make_atom(path: Path) -> None:
    entries = []
    for a in ARTICLES[:2]:
        body = "".join(f"<p>{p}</p>" for p in a["paragraphs"])
        entries.append(f"""  <entry>
    <title>{a['title']}</title>
    <link href="{a['url']}"/>
    <id>{a['url']}</id>
    <updated>{a['date']}T09:30:00Z</updated>
    <content type="html"><![CDATA[{body}]]></content>
  </entry>""")
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Desk</title>
  <id>urn:communique:test-feed</id>
  <updated>2025-04-03T09:30:00Z</updated>
{chr(10).join(entries)}
</feed>
"""
    path.write_text(xml, encoding="utf-8")


def main(out: Path = HERE) -> None:
    out.mkdir(parents=True, exist_ok=True)
    make_warc(out / "news.warc.gz")
    make_rss(out / "news.rss")
    make_atom(out / "news.atom")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
