"""Do less work: mask the sentences that cannot carry an event or a quote before the model runs.

A cheap pass over the raw text (no spaCy) splits it into sentences and marks a sentence
*relevant* when it holds

- a name from the knowledge base (country names, demonyms, capitals and seats of
  government, international organisations and their acronyms, office holders), or a
  leader title / state-actor noun (president, minister, embassy, troops ...), or
- a quotation mark (and every sentence inside a multi-sentence quotation), or
- a speech or event verb (said, met, signed, sanctioned ...), when the article names states
  in at least `IR_MIN_NAMED` sentences, or else *near* a sentence of the first kind (within
  `VERB_WINDOW` sentences: the pronoun there refers to someone named nearby).

An article that names no state, organisation or office at all keeps only its head.  Names
that are often something else in ordinary news are *weak*: they count only in an article that
also has a strong name.  Weak: a single part of an office holder's name (Silva, Chen, Park,
Daniel), a city that is not a capital or seat of government, a generic agent noun from the KB
(authorities, fire service), and a one-word capital followed by a capitalised word that starts
no name of ours (Sofia Moreau, Victoria Road).

Kept: the relevant sentences, the sentence before a kept sentence that names no one and
speaks by pronoun (its antecedent), and the article head (dateline, lead); texts of
`MIN_SENTENCES` sentences or fewer are never masked. Every other character except newlines is replaced
by a space, so the masked text has the SAME LENGTH: every offset stays valid, and spaCy
reads each masked stretch as one whitespace token (the tagger and parser skip it).

``mask(text)`` is what `communique.pipeline.make_doc` feeds to the model when the
prefilter is on (``COMMUNIQUE_PREFILTER=1``, the default; ``0`` turns it off).
"""
from __future__ import annotations

import numpy as np

import csv
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

DATA = Path(__file__).resolve().parent / "data"
ENV = "COMMUNIQUE_PREFILTER"
DEFAULT = "1"             # on: `communique eval` measured identical with and without it (docs/ingest.md)
HEAD_SENTENCES = 1        # always kept: the dateline and lead
VERB_WINDOW = 2           # a verb sentence this close to a named one is kept
MIN_SENTENCES = 2         # texts this short are never masked
IR_MIN_NAMED = 2          # from this many named sentences on, every verb sentence is kept
MAX_NGRAM = 6

# leader titles, state actors and diplomatic nouns (lower case; the KB adds its titles and agent nouns)
ROLE_WORDS = """
president presidents vice-president prime premier chancellor minister ministers ministry ministries
secretary secretary-general ambassador ambassadors embassy embassies envoy envoys diplomat diplomats
diplomatic diplomacy consul consulate king queen prince princess emir sultan sheikh monarch pope
taoiseach official officials government governments administration
parliament parliamentary lawmakers legislators senator senators congress cabinet delegation
delegations counterpart counterparts leader leaders foreign defence defense military army
troops forces navy soldiers militants rebels insurgents regime opposition commander summit treaty
accord sanctions bilateral multilateral ceasefire border borders alliance kremlin pentagon
"""

# nouns of the KB's state-actor sectors that mostly mean something local or non-political in news
NOT_STATE = {"mayor", "governor", "firefighter", "captain", "capt", "regulator", "intelligence", "carrier",
             "fighter", "authority", "head", "spokesman", "spokeswoman", "spokesperson", "council"}

# speech and event verbs (stems: any word starting with one of these counts)
VERB_STEMS = """
say said tell told state announc declar add note stress emphas underlin highlight urg warn call
express remark comment accord insist claim reiterat affirm reaffirm welcom prais condemn critici
accus deni deny reject threat vow pledg promis invit meet met visit host receiv sign agree agreed
discuss talk held hold spoke speak congratul condolen sanction impos expel summon recall attack
strik struck bomb invad seiz arrest protest demonstrat cooperat aid donat grant provid suppl export
import trade invest negotiat mediat support oppos back endors appeal demand ask request propos offer
accept declin refus ban block boycott embargo deploy withdr evacu kill wound fight clash shell
launch fire fired thank honou honor award elect appoint resign dismiss sack nominat
"""

_WORD = re.compile(r"[^\W_](?:[\w.'’-]*[^\W_])?\.?", re.UNICODE)
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
_QUOTE_OR_NL = re.compile(r"[\"“”«»„\n]")
_ABBREV = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "rep", "sen", "gov",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
           "vs", "prof", "rev", "hon", "adm", "cmdr", "cpl", "pvt", "jr", "sr", "inc", "corp", "ltd", "co",
           "u.s", "u.k", "u.n", "e.u", "a.m", "p.m"}
_BOUNDARY = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*")


def enabled(flag: Optional[bool] = None) -> bool:
    """The prefilter switch: an explicit flag, else ``COMMUNIQUE_PREFILTER``, else `DEFAULT`."""
    if flag is not None:
        return bool(flag)
    return os.environ.get(ENV, DEFAULT).strip().lower() not in ("0", "false", "no", "off", "")


# --- the gazetteer ------------------------------------------------------------------------------

class Gazetteer:
    """Phrases by first word: ``cased`` for names (case-sensitive), ``lower`` for titles and nouns;
    the ``weak_*`` indexes hold the names that count only beside a strong one (module docstring)."""

    def __init__(self, cased: Iterable[str], lower: Iterable[str], verb_stems: Iterable[str],
                 weak_cased: Iterable[str] = (), weak_lower: Iterable[str] = (), capitals: Iterable[str] = ()):
        cased, lower = set(cased), set(lower)
        self.cased = self._index(cased, lower_case=False)
        self.lower = self._index(lower, lower_case=True)
        self.weak_cased = self._index(set(weak_cased) - cased, lower_case=False)
        self.weak_lower = self._index({w.lower() for w in weak_lower} - {w.lower() for w in lower}, lower_case=True)
        self.capitals = {c for c in capitals if c and " " not in c}
        stems = sorted({s for s in verb_stems if s}, key=len, reverse=True)
        self.verbs = re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")", re.I)

    @staticmethod
    def _index(phrases: Iterable[str], lower_case: bool) -> dict[str, set[tuple[str, ...]]]:
        idx: dict[str, set[tuple[str, ...]]] = {}
        for ph in phrases:
            words = tuple(_words(ph.lower() if lower_case else ph))
            if not words or len(words) > MAX_NGRAM or "{}" in ph:
                continue
            if len(words) == 1 and len(words[0]) < 2:
                continue
            idx.setdefault(words[0], set()).add(words)
        return idx

    def level(self, sentence: str) -> int:
        """2: a strong KB name, title or state-actor noun in `sentence`; 1: only a weak one; 0: none."""
        if _DOTTED.search(sentence):
            return 2
        words = _words(sentence if sentence.isascii() else _fold(sentence))
        lowered = [w.lower() for w in words]
        weak = False
        for i, w in enumerate(words):
            for seqs, ws in ((self.cased.get(w), words), (self.lower.get(lowered[i]), lowered)):
                for seq in seqs or ():
                    if tuple(ws[i:i + len(seq)]) == seq:
                        if len(seq) == 1 and ws is words and self._inside_longer_name(words, i):
                            weak = True
                        else:
                            return 2
            if not weak:
                for seqs, ws in ((self.weak_cased.get(w), words), (self.weak_lower.get(lowered[i]), lowered)):
                    if seqs and any(tuple(ws[i:i + len(seq)]) == seq for seq in seqs):
                        weak = True
        return 1 if weak else 0

    def _inside_longer_name(self, words: list[str], i: int) -> bool:
        """A one-word capital followed by a capitalised word that starts none of our names."""
        if words[i] not in self.capitals or i + 1 >= len(words):
            return False
        nxt = words[i + 1]
        return nxt[:1].isupper() and not any(tuple(words[i + 1:i + 1 + len(seq)]) == seq
                                             for seq in self.cased.get(nxt, ()))

    def names_in(self, sentence: str) -> bool:
        """A strong KB name, title or state-actor noun in `sentence`?"""
        return self.level(sentence) == 2

    def verb_in(self, sentence: str) -> bool:
        return self.verbs.search(sentence) is not None


def _words(text: str) -> list[str]:
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        if w.endswith((("'s", "’s"))):
            w = w[:-2]
        w = w.rstrip(".") if not _DOTTED.fullmatch(w) else w
        if w:
            out.append(w)
    return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Built once per process from the knowledge-base files under ``communique/data``."""
    cased: set[str] = set()
    lower: set[str] = set(ROLE_WORDS.split())
    weak_cased: set[str] = set()
    weak_lower: set[str] = set()
    capitals: set[str] = set()
    kb = DATA / "kb"
    try:
        for c in json.loads((kb / "countries.json").read_text(encoding="utf-8")):
            for key in ("names", "adjectives", "capitals", "seats"):
                cased.update(x for x in c.get(key) or () if x)
            capitals.update(x for key in ("capitals", "seats") for x in c.get(key) or () if x)
            weak_cased.update(x for x in c.get("cities") or () if x)
            if c.get("name"):
                cased.add(c["name"])
    except (OSError, ValueError):
        pass
    try:
        for o in json.loads((kb / "orgs.json").read_text(encoding="utf-8")):
            cased.update(x for x in (o.get("names") or []) + (o.get("acronyms") or []) if x)
            if o.get("name"):
                cased.add(o["name"])
    except (OSError, ValueError):
        pass
    for row in _tsv(kb / "offices.tsv"):
        name = row.get("name") or ""
        if name and not name.startswith("Q"):
            cased.add(name)
            parts = name.split()
            if len(parts) > 1:  # one name alone ("... Tokayev said"); order varies (Mongolian, Hungarian)
                weak_cased.update(x for x in (parts[0], parts[-1]) if len(x) > 3 and x[0].isupper())
        cased.update(a for a in (row.get("aliases") or "").split("|") if a)
        if row.get("title"):
            lower.add(row["title"].lower())
    for row in _tsv(kb / "agents.tsv"):
        sector = row.get("sector") or ""
        if sector.startswith(("GOV", "MIL", "REB", "OPP", "SPY", "IGO", "UAF")):
            weak_lower.add((row.get("noun") or "").lower())
    for row in _tsv(DATA / "gazetteer.tsv"):
        if row.get("name"):
            weak_cased.add(row["name"])
        weak_cased.update(a for a in (row.get("alternates") or "").split("|") if a)
    lower.update(("head of state", "head of government", "united nations", "white house", "downing street",
                  "state department", "member states", "nation states"))
    cased |= {_fold(x) for x in cased}  # also without diacritics (Khürelsükh -> Khurelsukh)
    weak_cased |= {_fold(x) for x in weak_cased}
    return Gazetteer(cased, lower - NOT_STATE, VERB_STEMS.split(), weak_cased, weak_lower - NOT_STATE,
                     capitals | {_fold(x) for x in capitals})


def _fold(text: str) -> str:
    """`text` without diacritics (ASCII letters kept as they are)."""
    if text.isascii():
        return text
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _tsv(path: Path) -> Iterable[dict]:
    try:
        with open(path, encoding="utf-8", newline="") as f:
            lines = (ln for ln in f if not ln.startswith("#"))
            yield from csv.DictReader(lines, delimiter="\t")
    except OSError:
        return


# --- sentences and masking ------------------------------------------------------------------------

def sentences(text: str) -> list[tuple[int, int]]:
    """Cheap sentence spans (start, end) covering the text; abbreviations do not end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        if text[m.start()] == "." and _is_abbrev(text, m.start()):
            continue
        cut = m.end()
        if text[start:end].strip():
            spans.append((start, cut))
            start = cut
    if start < len(text):
        if spans and not text[start:].strip():
            spans[-1] = (spans[-1][0], len(text))
        else:
            spans.append((start, len(text)))
    return spans


def _is_abbrev(text: str, dot: int) -> bool:
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


_LABEL_LINE = re.compile(r"^[ \t]*[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3}:[ \t]+\S.*$", re.M)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted stretches; an unclosed quote runs to the end of its line (paragraph).

    An interview answer (a line opening with a speaker label, ``Name: ...``) is a quote too.
    """
    out: list[tuple[int, int]] = [(m.start(), m.end()) for m in _LABEL_LINE.finditer(text)] if ":" in text else []
    open_at: Optional[int] = None
    for m in _QUOTE_OR_NL.finditer(text):
        ch = m.group()
        if ch == "\n":
            if open_at is not None:
                out.append((open_at, m.start()))
                open_at = None
        elif open_at is None:
            if ch in "\"“«„":
                open_at = m.start()
        elif ch in "\"”»":
            out.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        out.append((open_at, len(text)))
    out.sort()
    return out


def keep_mask(text: str, gaz: Optional[Gazetteer] = None) -> list[tuple[int, int, bool]]:
    """(start, end, kept) for every sentence of `text`."""
    gaz = gaz or gazetteer()
    spans = sentences(text)
    n = len(spans)
    levels = [gaz.level(text[s:e]) for s, e in spans]
    strong = any(x == 2 for x in levels)
    named = [x == 2 or (strong and x == 1) for x in levels]
    quoted = [False] * n
    qspans = _quote_spans(text)
    if qspans:
        j = 0
        for i, (s, e) in enumerate(spans):
            while j < len(qspans) and qspans[j][1] <= s:
                j += 1
            if j < len(qspans) and qspans[j][0] < e:
                quoted[i] = True
    n_named = sum(named)
    if n <= MIN_SENTENCES:  # a sentence or two: nothing worth masking
        keep = [True] * n
    elif not strong:  # no state, organisation or office anywhere: not international news
        keep = [False] * n
    else:
        core = [a or b for a, b in zip(named, quoted)]
        # an article naming states in several sentences keeps every verb sentence (events told
        # with pronouns or "the two sides" far from the names); otherwise only those near a name
        near = [True] * n if n_named >= IR_MIN_NAMED else _near(core, VERB_WINDOW)
        keep = [core[i] or (near[i] and gaz.verb_in(text[s:e])) for i, (s, e) in enumerate(spans)]
    # the sentence before a kept sentence that speaks of someone by pronoun only (coreference)
    keep = [k or (i + 1 < n and keep[i + 1] and not named[i + 1] and _PRONOUN.search(text[spans[i + 1][0]:spans[i + 1][1]])
                  is not None) for i, k in enumerate(keep)]
    for i in range(min(HEAD_SENTENCES, n)):
        keep[i] = True
    return [(s, e, k) for (s, e), k in zip(spans, keep)]


def _near(flags: list[bool], window: int) -> list[bool]:
    n = len(flags)
    out = [False] * n
    last = -10 ** 9
    for i in range(n):
        if flags[i]:
            last = i
        out[i] = i - last <= window
    nxt = 10 ** 9
    for i in range(n - 1, -1, -1):
        if flags[i]:
            nxt = i
        out[i] = out[i] or nxt - i <= window
    return out


def mask(text: str, gaz: Optional[Gazetteer] = None) -> str:
    """`text` with the sentences that cannot carry an event or a quote blanked (same length)."""
    if not text:
        return text
    parts = []
    for s, e, kept in keep_mask(text, gaz):
        chunk = text[s:e]
        parts.append(chunk if kept else _blank(chunk))
    out = "".join(parts)
    assert len(out) == len(text)
    return out


_NOT_NL = re.compile(r"[^\n]")
_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|hers|him|them|their|its)\b", re.I)


def mark_boundaries(doc, source_text: str) -> None:
    """Make each masked stretch a sentence of its own (before the parser runs, which respects it).

    Otherwise the parser hangs the whitespace token on the sentence before it, and that
    sentence's span (evidence offsets) would reach over the masked original text.
    """
    from spacy.attrs import IS_SPACE, LENGTH
    arr = doc.to_array([IS_SPACE, LENGTH])      # no Token objects for the ordinary tokens
    for i in np.flatnonzero((arr[:, 0] == 1) & (arr[:, 1] > 1)):
        tok = doc[int(i)]
        if not source_text[tok.idx:tok.idx + len(tok.text)].isspace():
            tok.is_sent_start = True
            if tok.i + 1 < len(doc):
                doc[tok.i + 1].is_sent_start = True


def _blank(chunk: str) -> str:
    return _NOT_NL.sub(" ", chunk)


def kept_share(text: str) -> float:
    """Share of characters the model still reads (1.0 = nothing masked)."""
    if not text:
        return 1.0
    return sum(e - s for s, e, k in keep_mask(text) if k) / len(text)
