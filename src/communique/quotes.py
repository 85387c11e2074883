"""Direct and indirect quotes with resolved speakers.

`annotate(doc)` scans the ORIGINAL text (``doc._.source_text``) for quotation marks
(`communique.quotes_marks`), reads reported speech from the parse (`communique.quotes_indirect`),
finds the cue verb of every quote and resolves its speaker through the actor mentions
(`communique.quotes_speakers`, `communique.quotes_mentions`, `communique.quotes_syntax`).  `statement_events(doc)` turns statements that praise, thank,
criticise, appeal, demand, threaten or reject into events (`communique.quotes_events`).

Offsets are char offsets into the source text, end-exclusive; ``Quote.text`` is exactly
``source_text[start:end]`` (the content without the outer quotation marks).
"""
from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from dataclasses import dataclass
from typing import Optional

from .model import Quote, Speaker
from . import quotes_indirect, quotes_marks
from .quotes_speakers import (QUOTE_CHARS, ROLE_NOUNS, SENT_END, Mentions, Resolver, is_speech,
                              subject_of)
from .quotes_syntax import token_starts

_log = logging.getLogger(__name__)
_COLON_LINE = re.compile(r"([A-Z][^:\n\"\u201c\u201d\u00ab\u00bb\d]{1,60}?):[ \t]+(\S[^\n]*)")
_WORD = re.compile(r"[\w\u2019'-]+")
_SMALL = frozenset("a an and as at by for in of on or the to with from".split())
_NOT_SPEAKERS = frozenset("""question answer q a note source photo read update related editor
editor's see also video watch listen tags live breaking exclusive opinion analysis""".split())
_DASH = frozenset({"-", "\u2014", "\u2013", "--"})
_TURN = re.compile(r"(?:[\u2014\u2013]|--?(?=\s)|(?:Q|A|Question|Answer)\s*[:.])\s*")


@dataclass
class _Item:
    start: int
    end: int
    direct: bool
    raw: Optional[quotes_marks.RawQuote] = None
    reported: Optional[quotes_indirect.Reported] = None
    prefix: Optional[tuple[int, int]] = None   # "Name:" paragraph prefix
    turn: bool = False                         # an answer in an interview transcript
    speaker: Optional[Speaker] = None
    cue: Optional[str] = None


def annotate(doc) -> list[Quote]:
    """-> list[Quote] (speaker.actor holds an actor key)."""
    text = doc._.source_text if doc._.source_text is not None else doc.text
    if not text or not len(doc):
        return []
    return _Annotator(doc, text).run()


def statement_events(doc):
    """Events coded from statements (praise, thanks, criticism, appeals, demands, threats,
    rejections); see `communique.quotes_events`."""
    from .quotes_events import statement_events as _se
    return _se(doc)


class _Annotator:
    def __init__(self, doc, text: str):
        self.doc = doc
        self.text = text
        self.paras = quotes_marks.paragraphs(text)
        self.tok_starts = token_starts(doc)
        self.last_cue: Optional[str] = None
        self._interviewee: Optional[Speaker] = None

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Quote]:
        raws = quotes_marks.scan(self.text)
        self.mentions = Mentions(self.doc, exclude=[(r.start, r.end) for r in raws])
        raws = [self._narrative_head(r) for r in raws]
        marks = [(r.open_mark if r.open_mark is not None else r.start,
                  (r.close_mark if r.close_mark is not None else r.end - 1) + 1) for r in raws]
        self.mentions.quoted = sorted((r.start, r.end) for r in raws)
        self.marks = {x for r in raws for x in (r.open_mark, r.close_mark) if x is not None}
        self.res = Resolver(self.doc, self.mentions, self.paras)
        items = [_Item(r.start, r.end, True, raw=r) for r in raws]
        items += self._colon_paragraphs(raws)
        items += self._transcript_turns(raws)
        marks += [(it.start, it.end) for it in items if it.raw is None]   # unmarked direct speech
        for rep in quotes_indirect.find(self.doc, marks):
            items.append(_Item(rep.start, rep.end, False, reported=rep, cue=rep.cue))
        items.sort(key=lambda it: (it.start, -it.end))
        out: list[Quote] = []
        for it in items:
            try:
                keep = self._attribute(it)
            except Exception:  # a parse we did not foresee costs this speaker, not the article
                _log.warning("quote attribution failed at %d-%d", it.start, it.end, exc_info=True)
                it.speaker, keep = None, it.direct
            if not keep:
                continue
            self.res.remember(it.speaker, it.end)
            self.last_cue = it.cue
            out.append(Quote(id=f"q{len(out) + 1}", text=self.text[it.start:it.end], start=it.start,
                             end=it.end, direct=it.direct, speaker=it.speaker or Speaker(), cue=it.cue))
        return out

    def _narrative_head(self, r: quotes_marks.RawQuote) -> quotes_marks.RawQuote:
        """A quote whose opening mark is missing was taken from the paragraph start; drop the
        leading sentences that are narrative ("X said Y would ... . Quote," he said)."""
        if r.open_mark is not None or r.paragraphs > 1 or r.close_mark is None:
            return r
        span = self.doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None:
            return r
        sents = list(span.sents)
        start = r.start
        for sent, nxt in zip(sents, sents[1:]):
            narrative = False
            for t in sent:
                if is_speech(t) and t.lower_ != "according":
                    subj = subject_of(t)
                    if subj is not None and sent.start <= subj.i < sent.end and (
                            subj.pos_ == "PROPN" or self.mentions.covering(subj.idx, subj.idx + len(subj))):
                        narrative = True
                        break
            if not narrative:
                break
            start = max(start, nxt.start_char)
        if start == r.start or start >= r.end:
            return r
        return dataclasses.replace(r, start=start)

    # ------------------------------------------------------------------ helpers
    def _tok_index(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect.bisect_left(self.tok_starts, offset)

    def _para(self, offset: int) -> tuple[int, int]:
        i = quotes_marks.paragraph_of(self.paras, offset)
        return self.paras[i] if self.paras else (0, len(self.text))

    # ------------------------------------------------------------------ attribution
    def _attribute(self, it: _Item) -> bool:
        if it.reported is not None:
            it.speaker = self.res.from_subject(it.reported.subject) if it.reported.subject is not None else None
            return True
        if it.turn:
            # the interviewee: the person the introduction is about
            it.speaker = self._interviewee
            return it.speaker is not None
        if it.prefix is not None:
            it.speaker = self._prefix_speaker(*it.prefix)
            it.cue = ":"
            return it.speaker is not None
        r = it.raw
        content = self.text[r.start:r.end]
        # an attribution right after the quote wins (it rules out new sentences itself);
        # otherwise the one leading into it
        post = self._post_cue(r)
        pre = None if post else self._pre_cue(r)
        chosen = post or pre
        words = len(_WORD.findall(content))
        if chosen is None:
            if words < 4 or self._title_like(content):
                return False
            it.speaker = self._continuation(r)
            if it.speaker is not None and it.speaker == self.res.last:
                it.cue = self.last_cue  # the same speaker goes on: the same cue
            return True
        verb, subj, _tight = chosen
        if (words < 2 or self._title_like(content)) and not post:
            return False
        if verb is not None:
            it.cue = "according to" if verb.lower_ == "according" else verb.text
        else:
            it.cue = ":" if subj is not None and pre and chosen is pre else None
        it.speaker = self.res.from_subject(subj) if subj is not None else self._continuation(r)
        return True

    def _title_like(self, content: str) -> bool:
        words = _WORD.findall(content)
        if not words or len(words) > 8 or content.rstrip()[-1:] in ".?!":
            return False
        big = [w for w in words if w.lower() not in _SMALL]
        return bool(big) and all(w[0].isupper() or w[0].isdigit() for w in big)

    def _continuation(self, r: quotes_marks.RawQuote) -> Optional[Speaker]:
        """A quote with no cue.  A quote-only paragraph continues the previous speaker; otherwise
        the nearest fitting person (previous speaker or subject) speaks."""
        lo, hi = self._para(r.start)
        opened = r.open_mark if r.open_mark is not None else r.start
        closed = (r.close_mark + 1) if r.close_mark is not None else r.end
        alone = not self.text[lo:opened].strip() and not self.text[closed:hi].strip(" \t.")
        if alone and self.res.last is not None and self.res.last_offset >= self.res.para_start(lo, back=1):
            return self.res.last
        return self.res.antecedent(opened, "person")

    def _post_cue(self, r: quotes_marks.RawQuote):
        """(verb, subject, tight) for an attribution right after the closing mark."""
        after = (r.close_mark + 1) if r.close_mark is not None else r.end
        p_end = self._para(r.start if r.paragraphs == 1 else after)[1]
        if after > p_end:
            p_end = self._para(after)[1]
        j = self._tok_index(after)
        window = []
        dash = False
        doc = self.doc
        while j < len(doc) and len(window) < 16:
            t = doc[j]
            if t.idx >= p_end or ("\n" in t.text):
                break
            if t.is_space:
                j += 1
                continue
            if t.text in QUOTE_CHARS and t.idx in self.marks:
                if window:
                    break
                j += 1
                continue
            if not window and (t.text in (",", ":") or t.text in _DASH):
                dash = dash or t.text in _DASH
                j += 1
                continue
            if t.text in SENT_END:
                break
            window.append(t)
            j += 1
        if not window:
            return None
        content_final = self.text[r.start:r.end].rstrip()[-1:] == "." and r.close_mark is not None
        for k, t in enumerate(window[:12]):
            if is_speech(t):
                if k > 0 and any(x.pos_ in ("VERB", "AUX") and x.dep_ not in ("aux", "auxpass")
                                 for x in window[:k]):
                    return None
                if t.lower_ == "according":
                    return (t, subject_of(t), True)
                if content_final and any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.idx > after
                                         for c in t.children):
                    return None  # a new sentence: "... ." Tokayev said the country ...
                if content_final and window[0].text[:1].isupper() and k > 0 and window[0].pos_ == "PRON":
                    return None
                subj = self._subject_near(t, window, k)
                return (t, subj, True) if subj is not None else None
        if dash and len(window) <= 6:
            tok = self._prefix_mention(window[0].idx, window[-1].idx + len(window[-1]))
            if tok is not None:
                return (None, tok, True)
        return None

    def _subject_near(self, verb, window, k):
        ids = {t.i for t in window}
        subj = subject_of(verb)
        if subj is not None and subj.i in ids:
            return subj
        if k > 0:
            pre = window[:k]
            pre_ids = {t.i for t in pre}
            for t in pre:
                if t.pos_ in ("PROPN", "NOUN", "PRON") and t.head.i not in pre_ids:
                    return t
            return None
        for t in window[1:]:
            if t.pos_ in ("PROPN", "NOUN", "PRON"):
                head = t
                while head.head.i in ids and head.head.i > verb.i and head.head.pos_ in ("PROPN", "NOUN") \
                        and head.dep_ in ("compound", "amod", "det", "poss", "nmod"):
                    head = head.head
                return head
            if t.pos_ in ("ADP",) and t.lower_ not in ("for", "of"):
                break
        return None

    def _token_at(self, offset: int):
        i = bisect.bisect_right(self.tok_starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def _pre_cue(self, r: quotes_marks.RawQuote):
        """(verb, subject, tight) for an attribution before the opening mark."""
        if r.open_mark is None:
            return None
        p_start = self._para(r.open_mark)[0]
        i = self._tok_index(r.open_mark) - 1
        doc = self.doc
        window = []
        while i >= 0 and len(window) < 30:
            t = doc[i]
            if t.idx < p_start or "\n" in t.text:
                break
            if t.text in SENT_END or (t.text in QUOTE_CHARS and t.idx in self.marks):
                break
            if not t.is_space:
                window.append(t)
            i -= 1
        if not window:
            return None
        for t in window:
            if t.lower_ == "according" or is_speech(t, partial=True):
                subj = subject_of(t)
                if subj is None:
                    # "Merz, asked about ..., said:": the clause opens with the speaker
                    for x in reversed(window):
                        if x.i < t.i and x.pos_ in ("PROPN", "PRON", "NOUN") and x.dep_ in (
                                "nsubj", "nsubjpass", "ROOT", "appos"):
                            subj = x
                            break
                return (t, subj, window[0].text in (":", ","))
        # "Name: "quote"" (headlines, interviews)
        if window[0].text == ":":
            seg_s, seg_e = window[-1].idx, window[0].idx
            m = self._prefix_mention(seg_s, seg_e)
            if m is not None:
                return (None, m, True)
        # "In his words, "..." / "As she put it, "...""
        low = [t.lower_ for t in reversed(window)]
        if "words" in low:
            for t in window:
                if t.pos_ in ("PRON", "PROPN") and t.dep_ in ("poss", "pobj"):
                    return (None, t, True)
        return None

    def _prefix_mention(self, s: int, e: int):
        ms = [m for m in self.mentions.overlapping(s, e) if not m.role]
        persons = [m for m in ms if m.kind == "person"]
        if persons:
            return self._token_at(persons[-1].start)
        toks = [t for t in self.doc[self._tok_index(s):self._tok_index(e)] if not t.is_space]
        if ms and not any(t.lemma_.lower() in ROLE_NOUNS for t in toks):
            return self._token_at(ms[-1].start)
        for t in toks:
            if t.lemma_.lower() in ROLE_NOUNS:
                return t
        # a bare name: "Nurtleu:", "- Pezeshkian"
        names = [t for t in toks if t.text[:1].isupper() and t.is_alpha]
        if names and len(names) == len(toks) and len(toks) <= 4:
            return toks[-1]
        return None

    def _prefix_speaker(self, s: int, e: int) -> Optional[Speaker]:
        # "Kazakhstan: GDP grows 5%" is a topic, not a speaker: a bare place name never speaks
        ms = [m for m in self.mentions.overlapping(s, e) if not m.role]
        if len(ms) == 1 and ms[0].kind == "country" and ms[0].start <= s + 4 and ms[0].end >= e - 1:
            return None
        tok = self._prefix_mention(s, e)
        return self.res.from_subject(tok) if tok is not None else None

    def _transcript_turns(self, raws) -> list[_Item]:
        """Interview transcripts: paragraphs opened by a dash ("\u2014 How close are you?") or by
        Q:/A: markers.  The answers are direct quotes of the interviewee."""
        turns = []
        for lo, hi in self.paras:
            m = _TURN.match(self.text, lo, hi)
            if m and m.end() < hi:
                turns.append((m.group(0).strip().lower(), m.end(), hi))
        questions = [t for t in turns if t[0][:1] == "q" or self.text[t[1]:t[2]].rstrip().endswith("?")]
        answers = [t for t in turns if t not in questions and (t[0][:1] in ("a", "\u2014", "\u2013", "-"))]
        if not questions or not answers:
            return []
        self._interviewee = self.res.antecedent(min(t[1] for t in turns), "person")
        out = []
        for _, s, e in answers:
            if any(r.start < e and s < r.end for r in raws) or len(_WORD.findall(self.text[s:e])) < 3:
                continue
            out.append(_Item(s, e, True, turn=True))
        return out

    def _colon_paragraphs(self, raws) -> list[_Item]:
        """Paragraphs shaped "Speaker: statement" (headlines, interview transcripts), no marks."""
        out = []
        dl = self.doc._.dateline or {}
        dl_start = dl.get("start")
        for lo, hi in self.paras:
            m = _COLON_LINE.match(self.text, lo, hi)
            if not m or m.start(2) >= hi:
                continue
            prefix = m.group(1)
            words = prefix.split()
            if len(words) > 6 or "," in prefix or (dl_start is not None and m.start(1) <= dl_start < m.end(1)):
                continue
            if words[0].isupper() and len(words[0]) > 3:
                continue  # dateline "ASTANA:" or a shouted label
            if words[0].lower().strip(".") in _NOT_SPEAKERS:
                continue
            body_s = m.start(2)
            if self.text[body_s] in QUOTE_CHARS:
                continue  # the marks scanner has it; the pre-cue reads the prefix
            body_e = min(hi, m.end(2))
            while body_e > body_s and self.text[body_e - 1].isspace():
                body_e -= 1
            if any(r.start < body_e and body_s < r.end for r in raws):
                continue
            if len(_WORD.findall(self.text[body_s:body_e])) < 3:
                continue
            out.append(_Item(body_s, body_e, True, prefix=(m.start(1), m.end(1))))
        return out
