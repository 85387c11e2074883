"""Bad inputs give one-line errors naming the input (and the record), and reading goes on."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.ingest.readers import read_path
from communique.ingest.records import NotEnglish

DATA = Path(__file__).parent / "data"
GOOD = ("Kenya and Tanzania agreed on Thursday to build a new border post at Namanga to speed up "
        "trade between the two countries, their trade ministers said.")


def _gz_members(data: bytes) -> list[int]:
    out, i = [], data.find(b"\x1f\x8b\x08")
    while i != -1:
        out.append(i)
        i = data.find(b"\x1f\x8b\x08", i + 1)
    return out


def make_bad(kind: str, d: Path) -> Path:
    """One bad input of each kind, written into folder `d`."""
    if kind == "truncated_gzip":
        p = d / "cut.jsonl.gz"
        data = gzip.compress(("\n".join(json.dumps({"text": f"{GOOD} Line {i}."}) for i in range(2000))).encode())
        p.write_bytes(data[: len(data) // 2])
    elif kind == "truncated_warc":
        p = d / "cut.warc.gz"
        data = (DATA / "news.warc.gz").read_bytes()
        p.write_bytes(data[:-300])
    elif kind == "broken_warc_record":
        p = d / "broken.warc.gz"
        b = bytearray((DATA / "news.warc.gz").read_bytes())
        m = _gz_members(bytes(b))
        for j in range(m[5] + 20, m[5] + 60):
            b[j] ^= 0x55
        p.write_bytes(bytes(b))
    elif kind == "bad_warc_header":
        p = d / "badheader.warc"
        raw = gzip.decompress((DATA / "news.warc.gz").read_bytes())
        k = raw.index(b"WARC/1.", 2000)
        p.write_bytes(raw[:k] + b"NOT A HEADER\r\nx: y\r\n\r\n" + raw[k + 7:])
    elif kind == "html_no_text":
        p = d / "empty.html"
        p.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav>"
                     "<script>var a = 1;</script></body></html>")
    elif kind == "undecodable":
        p = d / "latin.txt"
        p.write_bytes(b"The minister \xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8 said \x80\x81\x82\x83\x84\x85\x86 more.")
    elif kind == "huge":
        p = d / "huge.txt"
        with open(p, "wb") as f:
            f.seek(50 * 1024 * 1024 - 1)
            f.write(b"x")
    elif kind == "malformed_json":
        p = d / "bad.jsonl"
        p.write_text('{"text": "' + GOOD + '"}\n{"text": "unterminated\n{"no_text": 1}\n[1, 2]\n')
    elif kind == "binary":
        p = d / "blob.txt"
        p.write_bytes(bytes(range(256)) * 40)
    elif kind == "empty":
        p = d / "nothing.txt"
        p.write_bytes(b"")
    elif kind == "csv_without_text":
        p = d / "table.csv"
        p.write_text("a,b\n1,2\n")
    elif kind == "not_parquet":
        p = d / "fake.parquet"
        p.write_bytes(b"PAR1 this is not parquet at all")
    elif kind == "broken_feed":
        p = d / "feed.rss"
        p.write_text("<rss><channel><title>t</title>")
    else:
        raise ValueError(kind)
    return p


CASES = {  # kind -> (error code, text that must be in the message besides the path)
    "truncated_gzip": ("E008", "after line"),
    "truncated_warc": ("E009", "record 15"),
    "broken_warc_record": ("E009", "record 6"),
    "bad_warc_header": ("E009", "record 4"),
    "html_no_text": ("E007", ""),
    "undecodable": ("E004", "offset"),
    "huge": ("E010", "52428800"),
    "malformed_json": ("E005", ":2:"),
    "binary": ("E003", ""),
    "empty": ("E002", ""),
    "csv_without_text": ("E006", ""),
    "not_parquet": ("E001", "Parquet"),
    "broken_feed": ("E001", "feed"),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_bad_input_one_line_error_naming_it(tmp_path, kind):
    p = make_bad(kind, tmp_path)
    errs = [i for i in read_path(p) if isinstance(i, InputError) and not isinstance(i, NotEnglish)]
    code, detail = CASES[kind]
    assert errs, f"no error for {kind}"
    first = str(errs[0])
    assert first.startswith(f"[{code}]") and str(p) in first and detail in first
    assert all("\n" not in str(e) for e in errs)


def test_run_goes_on_after_every_bad_input(tmp_path):
    for kind in CASES:
        make_bad(kind, tmp_path)
    (tmp_path / "zz_good.txt").write_text(GOOD)
    items = list(read_path(tmp_path))
    good = [i for i in items if isinstance(i, dict)]
    errs = [i for i in items if isinstance(i, InputError) and i.code != "E011"]
    # the good file, the good JSONL line, the readable part of the truncated gzip and every intact WARC page
    assert any(g["text"] == GOOD for g in good)
    assert sum(1 for g in good if g["source_path"].endswith("bad.jsonl")) == 1
    assert sum(1 for g in good if g["source_path"].endswith("cut.jsonl.gz")) > 100
    assert sum(1 for g in good if g["source_path"].endswith("broken.warc.gz")) == 4
    assert sum(1 for g in good if g["source_path"].endswith("badheader.warc")) == 4  # the broken one is a request
    assert {e.code for e in errs} == {c for c, _ in CASES.values()}


def test_malformed_json_lines_each_reported(tmp_path):
    p = make_bad("malformed_json", tmp_path)
    errs = [str(i) for i in read_path(p) if isinstance(i, InputError)]
    assert [e.split("]")[0] for e in errs] == ["[E005", "[E006", "[E005"]
    assert [f"{p}:{n}:" in e for n, e in zip((2, 3, 4), errs)] == [True, True, True]


def test_overlong_jsonl_line_reported_and_skipped(tmp_path, monkeypatch):
    from communique.ingest import readers
    monkeypatch.setattr(readers, "LINE_LIMIT", 1000)
    p = tmp_path / "long.jsonl"
    p.write_text(json.dumps({"text": "word " * 5000}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    items = list(read_path(p))
    assert isinstance(items[0], InputError) and items[0].code == "E010" and f"{p}:1" in str(items[0])
    assert items[1]["text"] == GOOD and items[1]["record"] == 2


def test_missing_path(tmp_path):
    (err,) = list(read_path(tmp_path / "nope.txt"))
    assert err.code == "E001" and "nope.txt" in str(err)
