"""Every reader yields records in the input contract's shape, streaming, from every supported format."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.ingest.readers import read_path
from communique.ingest.records import NotEnglish

DATA = Path(__file__).parent / "data"

ART1 = ("Brazil's foreign minister travelled to Luanda on Wednesday to discuss oil investment with "
        "the government of Angola, officials in both capitals said.")
ART2 = ("The defence ministers of Poland and Lithuania met in Vilnius on Friday and agreed to hold "
        "joint exercises near the border next month.")
ART3 = ("Indonesia summoned the ambassador of Australia on Monday to protest against remarks made by "
        "an Australian senator about fishing rights.")
KEYS = {"text", "url", "title", "published", "outlet", "language", "source_path", "record"}


def records(path, **kw):
    return [r for r in read_path(path, **kw) if isinstance(r, dict)]


def errors(path, **kw):
    return [r for r in read_path(path, **kw) if isinstance(r, InputError)]


def test_plain_text_with_front_matter(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(f"---\ntitle: Oil talks\npublished: 2024-06-05\noutlet: Atlantic Wire\nurl: https://aw.example/1\n---\n{ART1}\n")
    (r,) = records(p)
    assert KEYS <= set(r)
    assert r["text"] == ART1
    assert (r["title"], r["published"], r["outlet"], r["url"]) == ("Oil talks", "2024-06-05", "Atlantic Wire",
                                                                  "https://aw.example/1")
    assert r["source_path"] == str(p) and r["language"] == "en"


def test_plain_text_crlf_and_bom_normalised(tmp_path):
    p = tmp_path / "b.txt"
    p.write_bytes(b"\xef\xbb\xbf" + ART1.replace(", officials", ",\r\nofficials").encode() + b"\r\n")
    (r,) = records(p)
    assert "\r" not in r["text"] and not r["text"].startswith("\ufeff")


@pytest.mark.parametrize("suffix,opener", [(".jsonl", open), (".jsonl.gz", gzip.open), (".ndjson", open)])
def test_jsonl_plain_and_gzipped(tmp_path, suffix, opener):
    p = tmp_path / f"batch{suffix}"
    with opener(p, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": ART1, "url": "https://x.example/1", "published": "2024-06-05T10:00:00Z",
                            "outlet": "Wire", "section": "world"}) + "\n")
        f.write("\n")
        f.write(json.dumps({"text": ART2, "title": "Drills", "date": "2024-07-01"}) + "\n")
    rs = records(p)
    assert [r["text"] for r in rs] == [ART1, ART2]
    assert rs[0]["published"] == "2024-06-05" and rs[0]["metadata"] == {"section": "world"}
    assert rs[1]["published"] == "2024-07-01" and rs[1]["title"] == "Drills"
    assert [r["record"] for r in rs] == [1, 3]  # line numbers


def test_json_object_and_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": ART1}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": ART2}, {"body": ART3}]))
    assert [r["text"] for r in records(tmp_path / "one.json")] == [ART1]
    assert [r["text"] for r in records(tmp_path / "many.json")] == [ART2, ART3]


@pytest.mark.parametrize("sep,suffix", [(",", ".csv"), ("\t", ".tsv")])
def test_csv_and_tsv(tmp_path, sep, suffix):
    import csv
    p = tmp_path / f"t{suffix}"
    with open(p, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=sep)
        w.writerow(["Headline", "Body", "Link", "Date", "Source", "Desk"])
        w.writerow(["Oil", ART1, "https://x.example/1", "2024-06-05", "Wire", "world"])
        w.writerow(["Drills", ART2 + "\nSecond paragraph.", "https://x.example/2", "2024-07-01", "Wire", "world"])
    rs = records(p)
    assert [r["title"] for r in rs] == ["Oil", "Drills"]
    assert rs[1]["text"].endswith("Second paragraph.") and rs[0]["url"] == "https://x.example/1"
    assert rs[0]["metadata"] == {"desk": "world"} and [r["record"] for r in rs] == [1, 2]


def test_parquet(tmp_path):
    import datetime as dt
    import pyarrow as pa
    import pyarrow.parquet as pq
    t = pa.table({"text": [ART1, ART2, ART3], "url": ["u1", "u2", "u3"],
                  "published": [dt.date(2024, 1, 2), dt.date(2024, 1, 3), None]})
    pq.write_table(t, tmp_path / "x.parquet", row_group_size=2)
    rs = records(tmp_path / "x.parquet")
    assert [r["text"] for r in rs] == [ART1, ART2, ART3]
    assert [r["published"] for r in rs] == ["2024-01-02", "2024-01-03", None]


def test_html_main_text_title_date_outlet(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(f"""<!DOCTYPE html><html lang="en"><head><title>Drills near the border</title>
<meta property="og:site_name" content="Baltic Courier">
<meta property="article:published_time" content="2024-07-05T06:00:00Z"></head>
<body><nav>Home | World | Sport | Weather</nav><article><h1>Drills near the border</h1>
<p>{ART2}</p><p>{ART3}</p></article><footer>All rights reserved.</footer></body></html>""")
    (r,) = records(p)
    assert r["title"] == "Drills near the border"
    assert r["published"] == "2024-07-05" and r["outlet"] == "Baltic Courier"
    assert r["text"].startswith("The defence ministers") and "Home | World" not in r["text"]
    assert "All rights reserved" not in r["text"]


def test_warc_fixture_yields_articles_and_skips_the_rest():
    items = list(read_path(DATA / "news.warc.gz"))
    recs = [i for i in items if isinstance(i, dict)]
    assert [r["url"].rsplit("/", 1)[-1] for r in recs] == [
        "chile-norway-salmon-talks", "ghana-togo-border-accord", "marathon-record", "kazakhstan-uzbekistan-water"]
    assert recs[0]["published"] == "2025-04-03" and recs[0]["outlet"] == "Harbour Ledger"
    assert recs[0]["text"].startswith("SANTIAGO, April 3")
    # the French page is skipped (counted), the 404 and the PDF are not articles at all
    skipped = [i for i in items if isinstance(i, NotEnglish)]
    assert len(skipped) == 1 and "'fr'" in str(skipped[0])
    assert len(items) == 5


def test_plain_warc_same_as_gzipped(tmp_path):
    raw = gzip.decompress((DATA / "news.warc.gz").read_bytes())
    (tmp_path / "news.warc").write_bytes(raw)
    assert [r["text"] for r in records(tmp_path / "news.warc")] == [r["text"] for r in records(DATA / "news.warc.gz")]


@pytest.mark.parametrize("name,outlet,n", [("news.rss", "World Desk Digest", 4), ("news.atom", "Atom Desk", 2)])
def test_feeds(name, outlet, n):
    items = list(read_path(DATA / name))
    recs = [i for i in items if isinstance(i, dict)]
    assert len(recs) == n
    assert all(r["outlet"] == outlet for r in recs)
    assert recs[0]["url"].endswith("chile-norway-salmon-talks") and recs[0]["published"] == "2025-04-03"
    assert "joint working group" in recs[0]["text"] and "<p>" not in recs[0]["text"]


def test_feed_url_needs_fetch():
    (err,) = list(read_path("https://world-desk.example/feed.xml"))
    assert isinstance(err, InputError) and "--fetch" in str(err) and "world-desk.example" in str(err)


def test_folder_recursive_sorted_skipping_docs(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ART2)
    (tmp_path / "a.txt").write_text(ART1)
    (tmp_path / "README.md").write_text("# about this folder\nnot an article at all, just notes for people")
    (tmp_path / ".hidden.txt").write_text(ART3)
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": ART3}) + "\n")
    assert [r["text"] for r in records(tmp_path)] == [ART1, ART2, ART3]


def test_non_english_skipped_not_miscoded(tmp_path):
    p = tmp_path / "mixed.jsonl"
    lines = [{"text": ART1},
             {"text": "Der Außenminister Polens traf am Freitag seinen litauischen Amtskollegen in Vilnius, "
                      "um über die gemeinsame Sicherheit an der Grenze zu sprechen."},
             {"text": "El ministro de Asuntos Exteriores de Brasil viajó el miércoles a Luanda para hablar de "
                      "inversiones petroleras con el gobierno de Angola."},
             {"text": ART2, "language": "fr"}]
    p.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    items = list(read_path(p))
    assert [i["text"] for i in items if isinstance(i, dict)] == [ART1]
    langs = sorted(str(i).split("'")[1] for i in items if isinstance(i, NotEnglish))
    assert langs == ["de", "es", "fr"]
    # opt out: everything is read
    assert len(records(p, english_only=False)) == 4


def test_progress_bytes_cover_the_input(tmp_path):
    p = tmp_path / "big.jsonl.gz"
    with gzip.open(p, "wt") as f:
        for i in range(300):
            f.write(json.dumps({"text": f"{ART1} Item {i}."}) + "\n")
    seen = []
    assert len(records(p, on_bytes=seen.append)) == 300
    assert sum(seen) == p.stat().st_size


def test_html_date_from_markup_never_from_body_text(tmp_path):
    body = ("<p>The treaty signed on March 3, 2021 was discussed again by the foreign ministers of Chile "
            "and Peru, who met in Lima this week.</p><p>The last visit took place in 2004.</p>")
    (tmp_path / "undated.html").write_text(f"<html><head><title>T</title></head><body><article>{body}</article></body></html>")
    (tmp_path / "timed.html").write_text(f"<html><head><title>T</title></head><body><article>"
                                         f"<time datetime='2024-06-01'>1 June 2024</time>{body}</article></body></html>")
    assert records(tmp_path / "undated.html")[0]["published"] is None
    assert records(tmp_path / "timed.html")[0]["published"] == "2024-06-01"
