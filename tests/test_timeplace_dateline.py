"""Datelines at the head of an article: place, country, date completed with the published year."""
from __future__ import annotations

import pytest
import spacy

import communique.components  # noqa: F401  (registers the Doc extensions)
from communique.pipeline import make_doc
from communique.timeplace import complete_dateline_date, read_dateline


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _dl(blank, text, published):
    return read_dateline(make_doc(blank, text, {"published": published}))


@pytest.mark.parametrize("text,published,place,country,date,head", [
    ("ASTANA, Kazakhstan, February 25. The two presidents met.", "2025-02-25", "Astana", "KAZ",
     "2025-02-25", "ASTANA, Kazakhstan, February 25."),
    ("ASTANA, Feb 25 (Trend) - The president received the envoy.", "2025-02-25", "Astana", "KAZ",
     "2025-02-25", "ASTANA, Feb 25 (Trend) -"),
    ("MUSCAT (Reuters) — Oman said on Monday it would mediate.", "2025-03-04", "Muscat", "OMN",
     "2025-03-04", "MUSCAT (Reuters) —"),
    ("Geneva, 3 March 2026 — Delegations returned to the table.", "2026-03-04", "Geneva", "CHE",
     "2026-03-03", "Geneva, 3 March 2026 —"),
    ("WASHINGTON, Dec. 31 (AP) - The State Department said.", "2026-01-02", "Washington", "USA",
     "2025-12-31", "WASHINGTON, Dec. 31 (AP) -"),
    ("NUR-SULTAN, Kazakhstan, March 3. Officials met.", "2021-03-04", "Astana", "KAZ", "2021-03-03",
     "NUR-SULTAN, Kazakhstan, March 3."),
    ("KIEV, Ukraine, June 2 -- Talks resumed.", "2019-06-02", "Kyiv", "UKR", "2019-06-02",
     "KIEV, Ukraine, June 2 --"),
    ("Analysis\nBRUSSELS, 12 May 2025 – EU ministers met.", "2025-05-13", "Brussels", "BEL", "2025-05-12",
     "BRUSSELS, 12 May 2025 –"),
    ("date 2024-11-05 TASHKENT, November 5. Uzbekistan hosted the forum.", "2024-11-05", "Tashkent", "UZB",
     "2024-11-05", "TASHKENT, November 5."),
    ("BAKU, Azerbaijan, Jan. 10 (Xinhua) -- A delegation arrived.", "2026-01-10", "Baku", "AZE",
     "2026-01-10", "BAKU, Azerbaijan, Jan. 10 (Xinhua) --"),
    ("NEW DELHI: India and Oman signed a trade pact on Monday.", "2025-02-25", "New Delhi", "IND", "2025-02-25",
     "NEW DELHI:"),
    ("MOSCOW — Russia and Kazakhstan agreed to expand trade.", "2025-02-25", "Moscow", "RUS", "2025-02-25",
     "MOSCOW —"),
    ("Paris, France (AFP) — The talks ended.", "2025-02-25", "Paris", "FRA", "2025-02-25", "Paris, France (AFP) —"),
    ("PALM BEACH, Fla. (AP) — The president hosted the prime minister.", "2025-03-04", "Palm Beach", "USA",
     "2025-03-04", "PALM BEACH, Fla. (AP) —"),
    ("UNITED NATIONS (AP) — The Security Council met.", "2025-03-04", "New York", "USA", "2025-03-04",
     "UNITED NATIONS (AP) —"),
    ("ISLAMABAD/NEW DELHI, May 7 (Reuters) - Both sides claimed.", "2025-05-07", "Islamabad", "PAK",
     "2025-05-07", "ISLAMABAD/NEW DELHI, May 7 (Reuters) -"),
    ("BISHKEK, 24 January. /Kabar/. The president signed.", "2025-01-24", "Bishkek", "KGZ", "2025-01-24",
     "BISHKEK, 24 January."),
    ("Geneva — The talks resumed after a pause.", "2025-03-04", "Geneva", "CHE", "2025-03-04", "Geneva —"),
    ("Doha, Qatar – Mediators met both delegations.", "2025-03-04", "Doha", "QAT", "2025-03-04", "Doha, Qatar –"),
    ("SMALLVILLE, March 5 (Local News) - The mayor spoke.", "2025-03-05", "Smallville", None, "2025-03-05",
     "SMALLVILLE, March 5 (Local News) -"),
])
def test_dateline_found(blank, text, published, place, country, date, head):
    d = _dl(blank, text, published)
    assert (d["place"], d["country"], d["date"]) == (place, country, date)
    assert text[d["start"]:d["end"]] == head


@pytest.mark.parametrize("text", [
    "Kazakhstan and Oman discussed joint projects in transport.",
    "UPDATE - The minister said the talks would continue.",
    "BREAKING: Ceasefire announced.",
    "Analysis: what the summit means.",
    "NATO - a short history.",
    "Kazakhstan - Oman relations are growing.",
    "Smallville — A local story.",
    "The President of Kazakhstan received the minister, the press service said.",
    "TALKS IN GENEVA END WITHOUT A DEAL\nThe delegations left.",
    "",
])
def test_no_dateline(blank, text):
    d = _dl(blank, text, "2025-02-25")
    assert d["place"] is None and d["country"] is None and d["start"] is None and d["end"] is None
    assert d["date"] == "2025-02-25"  # falls back to the published date


def test_no_published_date(blank):
    d = _dl(blank, "ASTANA, February 25. Text.", None)
    assert d["place"] == "Astana" and d["date"] is None
    d = _dl(blank, "Geneva, 3 March 2026 — Text.", None)
    assert d["date"] == "2026-03-03"


@pytest.mark.parametrize("expr,published,expected", [
    ("February 25", "2025-02-25", "2025-02-25"),
    ("Dec 31", "2026-01-01", "2025-12-31"),     # year boundary: December dateline read in January
    ("December 28", "2026-01-03", "2025-12-28"),
    ("January 2", "2025-12-30", "2026-01-02"),  # ... and a January dateline stamped in late December
    ("Jan 1", "2025-12-31", "2026-01-01"),
    ("June 30", "2025-07-02", "2025-06-30"),
    ("3 March 2026", "2026-03-04", "2026-03-03"),  # an explicit year is kept
    ("2026-03-03", "2026-03-04", "2026-03-03"),
    ("not a date", "2026-03-04", None),
])
def test_complete_dateline_date(expr, published, expected):
    assert complete_dateline_date(expr, published) == expected
