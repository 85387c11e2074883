"""Date expressions resolved against the published date (anchor 2025-02-25 is a Tuesday)."""
from __future__ import annotations

import datetime as dt

import pytest

from communique.timeplace import resolve_date, years_claim

A = "2025-02-25"


@pytest.mark.parametrize("expr,expected", [
    # weekdays: the most recent one on or before the anchor
    ("on Monday", "2025-02-24"), ("Monday", "2025-02-24"), ("on Tuesday", "2025-02-25"),
    ("on Wednesday", "2025-02-19"), ("last Monday", "2025-02-24"), ("last Tuesday", "2025-02-18"),
    ("next Monday", "2025-03-03"), ("this Friday", "2025-02-28"), ("Sunday evening", "2025-02-23"),
    # days
    ("today", "2025-02-25"), ("yesterday", "2025-02-24"), ("tomorrow", "2025-02-26"),
    ("the day before yesterday", "2025-02-23"), ("three days ago", "2025-02-22"), ("2 days ago", "2025-02-23"),
    # weeks and months -> month precision
    ("last week", "2025-02"), ("this week", "2025-02"), ("next week", "2025-03"),
    ("earlier this month", "2025-02"), ("later this month", "2025-02"), ("last month", "2025-01"),
    ("next month", "2025-03"), ("two weeks ago", "2025-02"), ("a month ago", "2025-01"),
    # years
    ("in 2004", "2004"), ("2004", "2004"), ("in the spring of 2019", "2019"), ("spring 2019", "2019"),
    ("mid-2019", "2019"), ("late 2023", "2023"), ("the end of 2025", "2025"), ("last year", "2024"),
    ("next year", "2026"), ("earlier this year", "2025"), ("a year ago", "2024"), ("five years ago", "2020"),
    # calendar dates
    ("March 3", "2025-03-03"), ("3 March 2026", "2026-03-03"), ("March 3, 2026", "2026-03-03"),
    ("on 3 March", "2025-03-03"), ("the 5th of May 2024", "2024-05-05"), ("Feb. 20", "2025-02-20"),
    ("2026-03-03", "2026-03-03"), ("03.03.2026", "2026-03-03"), ("December 30", "2024-12-30"),
    ("in March 2024", "2024-03"), ("March 2024", "2024-03"), ("in January", "2025-01"),
    ("in March", "2024-03"), ("last March", "2024-03"), ("next March", "2025-03"),
    ("early March 2024", "2024-03"), ("February 24-25", "2025-02-24"), ("24–25 February 2025", "2025-02-24"),
    ("on the 20th", "2025-02-20"), ("in the autumn", "2024"), ("last summer", "2024"), ("next spring", "2025"),
    ("winter", "2024"), ("last weekend", "2025-02"), ("this weekend", "2025-03"), ("the 5th", "2025-02-05"), ("on the 30th", "2025-01-30"), ("Tuesday, February 25", "2025-02-25"),
    # no point in time
    ("almost 20 years later", None), ("recently", None), ("the 1990s", None), ("for decades", None),
    ("two years earlier", None), ("", None), ("at the same time", None), ("may", None),
])
def test_resolve_date(expr, expected):
    assert resolve_date(expr, A) == expected


@pytest.mark.parametrize("expr,expected", [
    ("on Monday", "2025-03-03"), ("Tuesday", "2025-03-04"), ("in March", "2025-03"),
    ("December 30", "2025-12-30"), ("in January", "2026-01"), ("next month", "2025-03"),
    ("March 3", "2025-03-03"),
])
def test_resolve_date_future_context(expr, expected):
    assert resolve_date(expr, A, future=True) == expected


@pytest.mark.parametrize("anchor", ["2025-02-25", dt.date(2025, 2, 25), dt.datetime(2025, 2, 25, 13, 0)])
def test_anchor_types(anchor):
    assert resolve_date("yesterday", anchor) == "2025-02-24"


def test_relative_needs_anchor():
    assert resolve_date("yesterday", None) is None
    assert resolve_date("on Monday", None) is None
    assert resolve_date("in 2004", None) == "2004"
    assert resolve_date("3 March 2026", None) == "2026-03-03"


@pytest.mark.parametrize("expr,expected", [
    ("almost 20 years later", (20, True)), ("nearly 15 years after", (15, True)),
    ("two decades later", (20, True)), ("for the first time in 12 years", (12, False)),
    ("some ten years ago", (10, True)), ("a year later", (1, False)), ("after a 30-year gap", (30, False)),
    ("more than five years", (5, True)), ("next week", None), ("in 2004", None),
])
def test_years_claim(expr, expected):
    assert years_claim(expr) == expected


@pytest.mark.parametrize("anchor,expr,expected", [
    ("2026-01-02", "December 30", "2025-12-30"),  # year boundary going back
    ("2025-12-30", "January 5", "2025-01-05"),    # past context: January already happened this year
    ("2025-12-30", "January 5", "2026-01-05"),    # ... unless the sentence is about the future
    ("2024-03-01", "February 29", "2024-02-29"),  # leap day
])
def test_year_boundaries(anchor, expr, expected):
    future = expected.startswith("2026-01")
    assert resolve_date(expr, anchor, future=future) == expected
