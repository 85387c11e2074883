"""Skip a regular expression when the text cannot hold a match: literal "needles" read from the pattern.

Python's regex engine finds no literal prefix in a pattern that starts with ``\\b`` or with an
alternation under ``re.I``, so ``finditer`` tries every position of the text.  A `Gated` pattern
first checks, with plain substring search (fast, in C), that the text contains at least one of
the literal strings every match must contain; when none is there the pattern cannot match and
is not run.  When the needles cannot be worked out the pattern always runs.  Results are the
same as the bare pattern's, always: the gate only skips work.

    rx = Gated(re.compile(r"\\b(?:trade|exports?)\\b", re.I))
    view = TextView(text)              # lower-cased once, shared by all gated patterns
    for m in rx.finditer(view): ...
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

try:  # Python 3.11+
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
    from re import _constants as _c  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre_parse  # type: ignore[no-redef]
    import sre_constants as _c  # type: ignore[no-redef]

# Non-ASCII characters that match an ASCII letter under re.IGNORECASE but do not lower-case to it
# (U+0130 lower-cases to "i" + a combining dot, and U+212A to "k", so they need nothing).
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s"})


class TextView:
    """A text and its case-folded copy (made once, shared by every gated pattern)."""

    __slots__ = ("text", "low", "aligned")

    def __init__(self, text: str):
        self.text = text
        low = text.lower()
        self.low = low if low.isascii() else low.translate(_FOLD)
        # same offsets in both (only U+0130 lower-cases to two characters)
        self.aligned = len(self.low) == len(text)


def _best(cands: list[set[tuple[str, bool]]]) -> Optional[set[tuple[str, bool]]]:
    """The most selective candidate: longest shortest needle, then fewest needles."""
    if not cands:
        return None
    return max(cands, key=lambda c: (min(len(s) for s, _ in c), -len(c)))


def _candidates(items, ignore_case: bool) -> list[set[tuple[str, bool]]]:
    """Sets of literal strings (string, case_sensitive), EACH of which holds one string that every
    match of `items` contains: every item of a sequence must match, so each literal run and each
    mandatory group gives a set (an alternation gives one set: the union over its branches)."""
    cands: list[set[tuple[str, bool]]] = []
    run: list[str] = []

    def flush():
        if run:
            s = "".join(run)
            cands.append({(s.lower(), False) if ignore_case else (s, True)})
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if op is _c.AT:  # zero width: the literals around it stay adjacent
            continue
        flush()
        if op is _c.SUBPATTERN:
            _group, add, delete, sub = av
            ic = (ignore_case or bool(add & re.I)) and not (delete & re.I)
            cands.extend(_candidates(sub, ic))
        elif op is _c.BRANCH:
            got: Optional[set[tuple[str, bool]]] = set()
            for alt in av[1]:
                n = _best(_candidates(alt, ignore_case))
                if n is None:
                    got = None
                    break
                got |= n
            if got:
                cands.append(got)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            cands.extend(_candidates(av[2], ignore_case))
        # anything else (optional, classes, ...) gives no set
    flush()
    return cands


def _needles(items, ignore_case: bool) -> Optional[set[tuple[str, bool]]]:
    """The most selective set of `_candidates` (None when there is none)."""
    return _best(_candidates(items, ignore_case))


MAX_SETS = 4   # sets checked by the gate, most selective first


class Gated:
    """A compiled pattern that is only run when the text holds one of its needles (and one of
    each further required set, `more`)."""

    __slots__ = ("rx", "ci", "cs", "more", "always", "low_rx", "nob_rx")

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        sets: list[set[tuple[str, bool]]] = []
        if isinstance(rx.pattern, str) and not rx.flags & (re.VERBOSE | re.LOCALE):
            try:
                sets = _candidates(_sre_parse.parse(rx.pattern, rx.flags), bool(rx.flags & re.I))
            except Exception:  # any surprise in the parser's internals: no gate
                sets = []
        sets.sort(key=lambda c: (min(len(s) for s, _ in c), -len(c)), reverse=True)
        unique: list[set[tuple[str, bool]]] = []
        for c in sets:
            if c not in unique:
                unique.append(c)
        needles = unique[0] if unique else None
        # further sets, each also required ("years? ... (later|after|ago)": a year word AND one of those)
        self.more = tuple((tuple(sorted(s for s, cs in c if not cs)), tuple(sorted(s for s, cs in c if cs)))
                          for c in unique[1:MAX_SETS])
        self.always = not needles
        self.low_rx = _lowered(rx)
        self.nob_rx = _unbounded(self.low_rx) if self.low_rx is not None else None
        self.ci = tuple(sorted(s for s, cs in needles or () if not cs))
        self.cs = tuple(sorted(s for s, cs in needles or () if cs))

    @property
    def pattern(self) -> str:
        return self.rx.pattern

    def possible(self, view: TextView) -> bool:
        if self.always:
            return True
        low, text = view.low.__contains__, view.text.__contains__
        if not (any(map(low, self.ci)) or any(map(text, self.cs))):
            return False
        for ci, cs in self.more:
            if not (any(map(low, ci)) or any(map(text, cs))):
                return False
        return True

    def finditer(self, view: TextView) -> Iterator[re.Match]:
        if self.possible(view):
            return self.rx.finditer(view.text)
        return iter(())

    def search(self, view: TextView) -> Optional[re.Match]:
        if self.possible(view):
            return self.rx.search(view.text)
        return None

    def spans(self, view: TextView) -> Iterator[tuple[int, int]]:
        """(start, end) of the matches `finditer` would give, found faster when possible."""
        if not self.possible(view):
            return
        if self.nob_rx is not None and view.aligned:
            # leftmost match of the pattern without its leading \b; where \b fails there, look
            # again one character on (finditer of the whole pattern would find nothing before)
            low, rx, pos = view.low, self.nob_rx, 0
            while True:
                m = rx.search(low, pos)
                if m is None:
                    return
                s = m.start()
                if _BOUNDARY.match(low, s) is None:
                    pos = s + 1
                    continue
                yield s, m.end()
                pos = m.end()
        elif self.low_rx is not None and view.aligned:
            for m in self.low_rx.finditer(view.low):
                yield m.span()
        else:
            for m in self.rx.finditer(view.text):
                yield m.span()

    def next_start(self, view: TextView, pos: int) -> Optional[int]:
        """Start of the leftmost match at or after `pos` (``rx.search(text, pos).start()``), or None."""
        if self.nob_rx is not None and view.aligned:
            low, rx = view.low, self.nob_rx
            while True:
                m = rx.search(low, pos)
                if m is None:
                    return None
                s = m.start()
                if _BOUNDARY.match(low, s) is not None:
                    return s
                pos = s + 1
        if self.low_rx is not None and view.aligned:
            m = self.low_rx.search(view.low, pos)
        else:
            m = self.rx.search(view.text, pos)
        return None if m is None else m.start()

    def found(self, view: TextView) -> bool:
        """bool(search(view)), found faster when possible."""
        if not self.possible(view):
            return False
        if self.low_rx is not None and view.aligned:
            return self.low_rx.search(view.low) is not None
        return self.rx.search(view.text) is not None


_NOT_LOWERABLE = re.compile(r"[A-Z]|[^\x00-\x7f]|\(\?[aiLmsux-]|\(\?P=|\\[0-9xu]")


_BOUNDARY = re.compile(r"\b")


def _split_alternatives(body: str) -> Optional[list[str]]:
    """Split a regex at its top-level ``|`` (outside groups and character classes)."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if body[i + 1:i + 2] == "]" or body[i + 1:i + 3] == "^]":   # "[]...]" and "[^]...]"
                i += 2 if body[i + 1] == "]" else 3
                continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            out.append(body[start:i])
            start = i + 1
        i += 1
    if depth != 0 or in_class:
        return None
    out.append(body[start:])
    return out


class GatedAlternation:
    """``finditer`` of a pattern ``\\b(?:A1|A2|...)\\b`` (case-insensitive), alternative by alternative.

    The whole pattern matches at a position exactly when one of ``\\b(?:Ak)\\b`` does, so its
    leftmost match is at the smallest of the alternatives' leftmost starts; the match there is the
    whole pattern's own (``rx.match(text, start)``).  Each alternative is a `Gated` pattern: the
    ones whose literal words are absent from the text are never run, and the others are searched
    with a literal prefix the engine can skip to.  Anything else: plain ``rx.finditer``."""

    _HEAD, _TAIL = "\\b(?:", ")\\b"

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self.parts: Optional[list[Gated]] = None
        pattern, flags = rx.pattern, rx.flags
        if not isinstance(pattern, str):
            return
        if pattern.startswith("(?i)"):
            pattern = pattern[4:]
        if not (flags & re.I and pattern.startswith(self._HEAD) and pattern.endswith(self._TAIL)):
            return
        alts = _split_alternatives(pattern[len(self._HEAD):-len(self._TAIL)])
        if not alts or len(alts) < 2 or self._HEAD + "|".join(alts) + self._TAIL != pattern:
            return
        try:
            parts = [re.compile(self._HEAD + a + self._TAIL, flags) for a in alts]
            if any(_sre_parse.parse(p.pattern, flags).getwidth()[0] == 0 for p in parts):
                return
        except Exception:
            return
        self.parts = [Gated(p) for p in parts]

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every match ``rx.finditer(text)`` gives, in order."""
        if self.parts is None:
            for m in self.rx.finditer(text):
                yield m.span()
            return
        view = TextView(text)
        live = [g for g in self.parts if g.possible(view)]
        nxt: list[Optional[int]] = [-1] * len(live)
        pos = 0
        while True:
            best = None
            for k, g in enumerate(live):
                c = nxt[k]
                if c is not None and c < pos:
                    c = nxt[k] = g.next_start(view, pos)
                if c is not None and (best is None or c < best):
                    best = c
            if best is None:
                return
            m = self.rx.match(text, best)
            if m is None or m.end() == m.start():   # cannot happen; stay exact if it does
                for m in self.rx.finditer(text, pos):
                    yield m.span()
                return
            yield m.span()
            pos = m.end()


def _unbounded(rx: re.Pattern) -> Optional[re.Pattern]:
    """`rx` without the ``\\b`` that opens the whole pattern (``\\b(?:a|b)\\b`` → ``(?:a|b)\\b``).

    The engine can then skip ahead to the possible first characters; `Gated.spans` checks the
    \\b itself.  Only when that \\b governs the whole pattern (no top-level ``|``) and no match
    is empty (so finditer's next search starts where the last match ended)."""
    if not rx.pattern.startswith("\\b"):
        return None
    try:
        whole = _sre_parse.parse(rx.pattern, rx.flags)
        rest = _sre_parse.parse(rx.pattern[2:], rx.flags)
        if not whole.data or whole.data[0] != (_c.AT, _c.AT_BOUNDARY) or rest.getwidth()[0] == 0:
            return None
        return re.compile(rx.pattern[2:], rx.flags)
    except Exception:
        return None


def _lowered(rx: re.Pattern) -> Optional[re.Pattern]:
    """The case-sensitive twin of a re.I pattern, to run on the case-folded text.

    Exact when every literal of the pattern is lower-case ASCII (no upper case at all, so no
    \\S/\\W/\\B either), no flag groups and no back-references: for every character c,
    re.I matches c against an ASCII literal p exactly when the folded c equals p, and folding
    keeps \\w, \\s and \\d (checked over all of Unicode; U+0130 changes the length and is
    excluded by `TextView.aligned`).  The case-sensitive engine skips ahead on literal first
    characters, which the re.I engine cannot."""
    if not isinstance(rx.pattern, str) or not rx.flags & re.I or rx.flags & (re.VERBOSE | re.LOCALE):
        return None
    if _NOT_LOWERABLE.search(rx.pattern):
        return None
    return re.compile(rx.pattern, rx.flags & ~re.I)


__all__ = ["Gated", "GatedAlternation", "TextView"]
