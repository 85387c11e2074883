"""Direct quotes from quotation marks: a linear, forgiving scan of the original text.

Handles straight and curly double quotes, low-9 and guillemet openers, single quotes used as
quotation marks (told apart from apostrophes), quotes that run over several sentences, and the
multi-paragraph convention (a paragraph left open and continued by a new opening mark).  Broken
or unbalanced marks are repaired locally: the worst case costs one quote, never the rest of the
article.

The scanner knows nothing about spaCy; it returns `RawQuote` spans (char offsets into the text,
end-exclusive, marks excluded) that `communique.quotes` attributes to speakers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# Characters --------------------------------------------------------------------------------
DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb\u201f'
SINGLE_MARKS = "'\u2018\u2019\u201a\u2039\u203a"
_SINGLE_SET = frozenset(SINGLE_MARKS)
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
OPENERS = "\u201c\u201e\u00ab\u201f"          # always open a double quote
CLOSERS = "\u201d\u00bb"                      # normally close one
OPEN_CTX_LEFT = "([{\u2014\u2013-:/;"       # punctuation after which a mark opens
CLOSE_CTX_RIGHT = ",.;:!?)]}\u2014\u2013-\u2026"
SENT_END_LEFT = ",.!?\u2026;:"

_PARA_BLANK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_PARA_LINE = re.compile(r"\n\s*")
_ELISION = re.compile(r"['\u2019](?:\d\ds?\b|tis\b|twas\b|em\b|cause\b|n\b|til\b)", re.I)
# ", said X" / ", X said" / ", he added" inside an unclosed quote: where the quote must have ended.
_CUE_WORDS = (r"said|says|say|added|adds|noted|notes|stressed|stresses|told|tells|stated|states|"
              r"emphasi[sz]ed|underlined|explained|declared|remarked|continued|concluded|"
              r"insisted|warned|asked|wrote|according")
_INLINE_CUE = re.compile(
    r"(?:[,?!]|\.\.\.|\u2026)['\u2019\u201d\"]{0,2}\s+(?:(?:" + _CUE_WORDS + r")\b|(?:he|she|they|it|we|I)\s+(?:" + _CUE_WORDS
    + r")\b|(?:the\s+|a\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\s+(?:" + _CUE_WORDS + r")\b)")


@dataclass(frozen=True)
class RawQuote:
    start: int                 # first char of the content (after the opening mark)
    end: int                   # end-exclusive, before the closing mark
    open_mark: Optional[int]   # offset of the opening mark (None: recovered, opener missing)
    close_mark: Optional[int]  # offset of the closing mark (None: unclosed / continued)
    kind: str                  # "double" | "single"
    paragraph: int             # index of the paragraph where the quote starts
    paragraphs: int = 1        # number of paragraphs it spans
    repaired: bool = False     # a mark was missing and the span was recovered


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph.  Blank lines separate paragraphs when the text has any;
    otherwise every line is a paragraph."""
    splitter = _PARA_BLANK if _PARA_BLANK.search(text) else _PARA_LINE
    out: list[tuple[int, int]] = []
    pos = 0
    for m in splitter.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    # trim surrounding whitespace
    res = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            res.append((s, e))
    return res


def _left(text: str, i: int, lo: int) -> str:
    return text[i - 1] if i > lo else " "


def _right(text: str, i: int, hi: int) -> str:
    return text[i + 1] if i + 1 < hi else " "


def _double_role(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'amb' for the double mark at i."""
    c = text[i]
    lft, rgt = _left(text, i, lo), _right(text, i, hi)
    open_ctx = (lft.isspace() or lft in OPEN_CTX_LEFT or lft in ALL_MARKS) and not rgt.isspace()
    close_ctx = rgt.isspace() or rgt in CLOSE_CTX_RIGHT or rgt in ALL_MARKS or lft in SENT_END_LEFT
    if c in OPENERS:
        return "close" if (close_ctx and not open_ctx and not lft.isspace()) else "open"
    if c in CLOSERS:
        return "open" if (open_ctx and not close_ctx and not (lft.isalnum())) else "close"
    if open_ctx and not close_ctx:
        return "open"
    if close_ctx and not open_ctx:
        return "close"
    return "amb"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip whitespace, and the comma that hands over to the attribution ("ready," he said)."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def _unclosed_end(text: str, s: int, e: int) -> int:
    """Where an unclosed quote (no closing mark, no continuation) most plausibly ends."""
    m = _INLINE_CUE.search(text, s, e)
    if m and m.start() > s:
        return m.start() + 1
    return e


def _scan_double(text: str, lo: int, hi: int, pidx: int) -> tuple[list[RawQuote], Optional[int]]:
    """Double-quote spans in paragraph [lo, hi).  Returns (closed quotes, offset of an opening
    mark left open at the end of the paragraph or None)."""
    out: list[RawQuote] = []
    open_at: Optional[int] = None
    last_close = lo  # where the narrative after the last quote starts
    for i in range(lo, hi):
        c = text[i]
        if c not in DOUBLE_MARKS:
            continue
        role = _double_role(text, i, lo, hi)
        if open_at is None:
            if role in ("open", "amb"):
                open_at = i
            elif role == "close" and not out and last_close == lo and i > lo:
                # Opening mark missing: the quote runs from the paragraph start.
                s, e = _trim(text, lo, i)
                if e > s:
                    out.append(RawQuote(s, e, None, i, "double", pidx, repaired=True))
                last_close = i + 1
        else:
            if role in ("close", "amb"):
                s, e = _trim(text, open_at + 1, i)
                if e > s:
                    out.append(RawQuote(s, e, open_at, i, "double", pidx))
                open_at = None
                last_close = i + 1
            else:  # a second opener while one is open: the first was never closed
                s = open_at + 1
                e = _unclosed_end(text, s, i)
                s, e = _trim(text, s, e)
                if e > s:
                    out.append(RawQuote(s, e, open_at, None, "double", pidx, repaired=True))
                open_at = i
    return out, open_at


def _single_open_ok(text: str, i: int, lo: int, hi: int) -> bool:
    c = text[i]
    lft, rgt = _left(text, i, lo), _right(text, i, hi)
    if rgt.isspace() or rgt in SINGLE_MARKS:
        return False
    if _ELISION.match(text, i):
        return False
    if c in "\u2018\u201a\u2039":
        return not lft.isalnum()
    # ' or ’ : only as an opener after whitespace / opening punctuation
    return (lft.isspace() or lft in OPEN_CTX_LEFT or lft in DOUBLE_MARKS) and (rgt.isalnum() or rgt in "(")


def _single_close_kind(text: str, i: int, lo: int, hi: int) -> Optional[str]:
    """'strong' / 'weak' when the single mark at i can close a quote, else None."""
    c = text[i]
    if c in "\u2018\u201a\u2039":
        return None
    lft, rgt = _left(text, i, lo), _right(text, i, hi)
    if lft.isspace():
        return None
    if rgt.isalnum():
        return None  # inside a word: apostrophe (don't, Kazakhstan's)
    if lft in SENT_END_LEFT or rgt in CLOSE_CTX_RIGHT or i + 1 >= hi or rgt in DOUBLE_MARKS or c == "\u203a":
        return "strong"
    return "weak"


def _scan_single(text: str, lo: int, hi: int, pidx: int, blocked: list[tuple[int, int]]) -> list[RawQuote]:
    out: list[RawQuote] = []

    def is_blocked(i: int) -> bool:
        return any(a <= i < b for a, b in blocked)

    i = lo
    while i < hi:
        c = text[i]
        if c not in SINGLE_MARKS or is_blocked(i) or not _single_open_ok(text, i, lo, hi):
            i += 1
            continue
        strong = weak = None
        j = i + 1
        while j < hi:
            if is_blocked(j):
                break
            if text[j] in SINGLE_MARKS:
                k = _single_close_kind(text, j, lo, hi)
                if k == "strong":
                    strong = j
                    break
                if k == "weak":
                    # "the workers' rights": a possessive, unless nothing better turns up
                    nxt = text[j + 1:j + 3]
                    possessive = text[j - 1] in "sS" and len(nxt) == 2 and nxt[0] == " " and nxt[1].islower()
                    if not possessive and weak is None:
                        weak = j
                        break
                    if weak is None and possessive:
                        weak = -j  # remember, keep looking
            j += 1
        close = strong if strong is not None else (weak if weak is not None and weak > 0 else None)
        if close is None and weak is not None and weak < 0:
            close = -weak
        if close is None:
            i += 1
            continue
        s, e = _trim(text, i + 1, close)
        if e > s:
            out.append(RawQuote(s, e, i, close, "single", pidx))
        i = close + 1
    return out


def scan(text: str) -> list[RawQuote]:
    """All direct-quote spans in `text`, in order.  Never raises on odd input."""
    if not text:
        return []
    paras = paragraphs(text)
    found: list[RawQuote] = []
    pending: Optional[RawQuote] = None   # a quote left open at the end of the previous paragraph
    for pidx, (lo, hi) in enumerate(paras):
        quotes, open_at = _scan_double(text, lo, hi, pidx)
        if pending is not None:
            first_is_open = text[lo] in DOUBLE_MARKS and _double_role(text, lo, lo, hi) in ("open", "amb")
            if first_is_open and quotes and quotes[0].open_mark == lo:
                q0 = quotes.pop(0)
                found.append(RawQuote(pending.start, q0.end, pending.open_mark, q0.close_mark, "double",
                                      pending.paragraph, pending.paragraphs + 1, pending.repaired))
                pending = None
            elif first_is_open and not quotes and open_at == lo:
                # the continuation is itself left open: keep extending
                pending = RawQuote(pending.start, hi, pending.open_mark, None, "double",
                                   pending.paragraph, pending.paragraphs + 1, pending.repaired)
                open_at = None
            elif (quotes and quotes[0].open_mark is None and quotes[0].start == _trim(text, lo, hi)[0]
                  and _unclosed_end(text, pending.start, pending.end) == pending.end):
                # the continuation paragraph lost its opening mark but closes the quote
                q0 = quotes.pop(0)
                found.append(RawQuote(pending.start, q0.end, pending.open_mark, q0.close_mark, "double",
                                      pending.paragraph, pending.paragraphs + 1, True))
                pending = None
            else:
                found.append(_close_pending(text, pending, paras))
                pending = None
        found.extend(quotes)
        if open_at is not None:
            s, e = _trim(text, open_at + 1, hi)
            if e > s:
                pending = RawQuote(s, e, open_at, None, "double", pidx)
        blocked = [(q.open_mark if q.open_mark is not None else q.start, (q.close_mark or q.end) + 1)
                   for q in quotes]
        if pending is not None and pending.paragraph == pidx:
            blocked.append((pending.open_mark if pending.open_mark is not None else pending.start, hi))
        if not _SINGLE_SET.isdisjoint(text[lo:hi]):
            found.extend(_scan_single(text, lo, hi, pidx, blocked))
    if pending is not None:
        found.append(_close_pending(text, pending, paras))
    found.sort(key=lambda q: q.start)
    return found


def _close_pending(text: str, q: RawQuote, paras: list[tuple[int, int]]) -> RawQuote:
    """A quote with no closing mark and no continuation: cut it where the attribution begins."""
    if q.paragraphs > 1:
        # open continuation paragraphs that never closed: keep them up to the last paragraph end
        s, e = _trim(text, q.start, q.end)
        return RawQuote(s, e, q.open_mark, None, q.kind, q.paragraph, q.paragraphs, True)
    e = _unclosed_end(text, q.start, q.end)
    s, e = _trim(text, q.start, e)
    if e <= s:
        s, e = q.start, q.end
    return RawQuote(s, e, q.open_mark, None, q.kind, q.paragraph, q.paragraphs, True)


def paragraph_of(paras: list[tuple[int, int]], offset: int) -> int:
    """Index of the paragraph containing `offset` (or the one before it)."""
    lo, hi = 0, len(paras) - 1
    ans = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if paras[mid][0] <= offset:
            ans = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return ans
