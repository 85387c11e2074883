"""Sectors of cooperation and PLOVER contexts, read from text.

`sectors_of(text)` returns sectors from a fixed vocabulary (`SECTORS`).  A word only names a
sector when the text frames it as a field of cooperation: inside the list that follows a
cooperation anchor ("cooperation in transport, logistics and agriculture", "prospects for
cooperation in the field of digitalization"), or right before a frame noun ("transport and logistics
sectors", "energy projects", "trade ties"), or in a phrase that is a sector by itself ("direct
flights", "trade turnover").  So "exchanged views on regional security" names no sector.

`contexts_of(text, plover_type=None)` returns PLOVER contexts (the manual's 37) from the same
sectors plus topic words, and "diplomatic" for consultations.

The patterns are compiled once, on first use, and gated (`communique.textgate`): a pattern
runs only on texts that hold one of the literal words every match of it contains.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .textgate import Gated, TextView

SECTORS = ("transport", "logistics", "aviation", "agriculture", "energy", "trade", "investment",
           "finance", "digitalization", "technology", "culture", "education", "health", "tourism",
           "security", "defense", "humanitarian")

# keyword pattern -> sectors it names (patterns are matched case-insensitively unless (?-i) is used)
_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    (r"cultural[\s\-]+(?:and[\s\-]+)?humanitarian", ("culture", "humanitarian")),
    (r"transport(?:ation)?|transit|railways?|rail|roads?|highways?|shipping|maritime|ports?|freight|cargo|"
     r"connectivity", ("transport",)),
    (r"transport[\s\-]+and[\s\-]+logistics?", ("transport", "logistics")),
    (r"logistics?|supply[\s\-]chains?|warehousing", ("logistics",)),
    (r"aviation|air[\s\-](?:routes?|links?|connections?|services?|traffic|communication|transport)|"
     r"(?:direct\s+)?flights?|airlines?|airports?|civil\s+aviation", ("aviation",)),
    (r"agricultur(?:e|al)|agro[\s\-]?(?:industrial|industry|food|business)?|agri[\s\-]?food|agribusiness|"
     r"farming|livestock|irrigation|fertili[sz]ers?|grain|wheat|fisher(?:y|ies)|food\s+security|"
     r"phytosanitary|veterinary",
     ("agriculture",)),
    (r"energy|oil|(?:natural\s+)?gas|petroleum|electricity|power\s+(?:generation|plants?|grids?)|"
     r"nuclear\s+power|renewables?|renewable\s+energy|solar|wind\s+power|hydro(?:power|electric)|lng|"
     r"hydrogen|uranium|petrochemicals?|oil\s+and\s+gas", ("energy",)),
    (r"trade|commerce|commercial|exports?|imports?|trade[\s\-]and[\s\-]economic|trade\s+turnover",
     ("trade",)),
    (r"investments?|investors?|investing", ("investment",)),
    (r"finance|financial|banking|banks?|fintech|monetary|capital\s+markets?|insurance", ("finance",)),
    (r"digitali[sz]ation|digital|e[\s\-]?government|ict|(?-i:IT)|information\s+(?:and\s+communication\s+)?"
     r"technolog(?:y|ies)", ("digitalization", "technology")),
    (r"technolog(?:y|ies|ical)|tech|high[\s\-]tech|innovations?|innovative|artificial\s+intelligence|"
     r"(?-i:AI)|space|telecommunications?|science\s+and\s+technology", ("technology",)),
    (r"cultur(?:e|al)|arts?|heritage|cinema|museums?|creative\s+industr(?:y|ies)", ("culture",)),
    (r"education(?:al)?|universit(?:y|ies)|academic|students?|scholarships?|science|scientific|research",
     ("education",)),
    (r"health(?:care)?|medical|medicine|pharmaceuticals?|pharma|hospitals?|vaccines?", ("health",)),
    (r"tourism|tourists?|travel|hospitality", ("tourism",)),
    (r"security|counter[\s\-]?terrorism|law\s+enforcement|border\s+(?:security|protection)|"
     r"cyber[\s\-]?security|extremism", ("security",)),
    (r"cyber[\s\-]?security", ("technology",)),
    (r"defen[cs]e|military|military[\s\-]technical|arms|armed\s+forces|defen[cs]e\s+industry", ("defense",)),
    (r"humanitarian|relief", ("humanitarian",)),
]

# Nouns that make a preceding keyword a field of cooperation ("energy projects", "trade ties").
_FRAME_NOUNS = (r"sectors?|spheres?|domains?|industr(?:y|ies)|cooperation|collaboration|"
                r"partnership|projects?|ties|links|connections?|relations|agreements?|deals?|memorand(?:um|a)|"
                r"exchanges?|initiatives?|programmes?|programs?|interaction|integration|dialogue|potential|"
                r"investments?|turnover|contracts?|ventures?|opportunities|prospects|complex")
# Nouns for physical things ("energy infrastructure", "logistics hubs"): a frame only when the sentence
# speaks of cooperation or building (so "strikes on energy infrastructure" names no sector).
_WEAK_FRAME_NOUNS = (r"corridors?|hubs?|infrastructure|capacit(?:y|ies)|development|routes?|funds?|parks?|"
                     r"clusters?|plants?|companies|enterprises|firms|fields?|areas?")
_COOPERATION_CUE = re.compile(
    r"\b(?:cooperat\w*|collaborat\w*|partner\w*|joint(?:ly)?|agree\w*|projects?|invest\w*|develop\w*|"
    r"expan\w*|boost\w*|strengthen\w*|build\w*|construct\w*|launch\w*|implement\w*|memorand\w*|"
    r"sign\w*|moderni[sz]\w*|creat\w*|establish\w*|promot\w*|prospects?|opportunit\w*)\b", re.I)
# Words after which a list of fields of cooperation follows.
_ANCHOR = (r"(?:cooperat(?:ion|e|ing|ed)|collaborat(?:ion|e|ing)|partnership|projects?|ties|interaction|"
           r"prospects|opportunities|potential|invest(?:ments?|ing)?|agreements?|memorand(?:um|a)|deals?|"
           r"relations|engagement|exchanges?|initiatives?|programmes?|programs?|work(?:ing)?|partners?)"
           r"\s+(?:in|on|within|across|covering|spanning|regarding|concerning|including|such\s+as)\b"
           r"|(?:prospects|opportunities|potential)\s+for\b"
           r"|(?:agreements?|memorand(?:um|a)|documents?|deals?|contracts?)\s+(?:were\s+|was\s+)?signed\s+"
           r"(?:on|in)\b"
           r"|(?:signed|concluded|inked)\s+(?:an?\s+|the\s+|\w+\s+)?(?:agreements?|memorand(?:um|a)|deals?|"
           r"documents?)\s+(?:on|in)\b"
           r"|(?:fields?|spheres?|areas?|sectors?|domains?|industries)\s+(?:of|such\s+as|like|including)\b"
           r"|(?:in|on)\s+(?:the\s+)?(?:fields?|spheres?|areas?|sectors?|domains?)\s+of\b")
# The list after an anchor ends at a clause boundary.
_BOUNDARY = re.compile(
    r"[.;:!?\"“”()]|\b(?:which|that|who|where|while|but|was|were|is|are|has|have|had|will|would|"
    r"should|could|can|may|must|said|says|noted|stressed|discussed|addressed|agreed|during|after|"
    r"before|because|since|between|with|to|through)\b", re.I)

# Phrases that are a sector by themselves.
_STANDALONE = [
    (r"(?:direct|regular|new|charter|passenger|scheduled|cargo)\s+(?:air\s+)?flights?", ("aviation",)),
    (r"flights?\s+(?:between|linking|connecting)", ("aviation",)),
    (r"digital\s+(?:technolog(?:y|ies)|economy|transformation|infrastructure|solutions|platforms?|services)|"
     r"e[\s\-]?government", ("digitalization", "technology")),
    (r"air\s+(?:routes?|links?|connections?|services?|communication|traffic)", ("aviation",)),
    (r"trade\s+turnover|bilateral\s+trade|mutual\s+trade|foreign\s+trade", ("trade",)),
    (r"(?:foreign\s+)?direct\s+investments?|investment\s+projects?", ("investment",)),
    (r"humanitarian\s+(?:aid|assistance|relief|supplies|corridor|convoys?)", ("humanitarian",)),
    (r"military[\s\-]technical\s+cooperation|defen[cs]e\s+cooperation", ("defense",)),
]


@lru_cache(maxsize=1)
def _compiled():
    kw = [(Gated(re.compile(rf"\b(?:{p})\b", re.I)), secs) for p, secs in _KEYWORDS]
    frame_after = re.compile(
        rf"^(?:[\s\-]+(?:related|based))?[\s\-]+(?:{_FRAME_NOUNS})\b", re.I)
    weak_after = re.compile(
        rf"^(?:[\s\-]+(?:related|based))?[\s\-]+(?:{_WEAK_FRAME_NOUNS})\b", re.I)
    anchor = Gated(re.compile(_ANCHOR, re.I))
    standalone = [(Gated(re.compile(rf"\b(?:{p})\b", re.I)), secs) for p, secs in _STANDALONE]
    lst = re.compile(r"^(?:\s*(?:,|and|or|&|as\s+well\s+as|as\s+well\s+as\s+in|in|the|of|field|fields|sphere|"
                     r"spheres|area|areas|sector|sectors)\s*)+$", re.I)
    return kw, frame_after, anchor, standalone, lst, weak_after


def _keyword_spans(text: str, view: Optional[TextView] = None) -> list[tuple[int, int, tuple[str, ...]]]:
    kw = _compiled()[0]
    view = view or TextView(text)
    spans = []
    for rx, secs in kw:
        for s, e in rx.spans(view):
            spans.append((s, e, secs))
    # longest first, drop spans inside a longer one that names its sectors ("cultural-humanitarian")
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for s in spans:
        if out and s[0] >= out[-1][0] and s[1] <= out[-1][1] and set(s[2]) <= set(out[-1][2]):
            continue
        out.append(s)
    return out


def _framed(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Keyword spans that the text frames as fields of cooperation."""
    _, frame_after, anchor, standalone, lst, weak_after = _compiled()
    view = TextView(text)
    spans = _keyword_spans(text, view)
    keep: dict[tuple[int, int], tuple[str, ...]] = {}
    # 1. lists after an anchor, up to a clause boundary
    for _, a_end in anchor.spans(view):
        stop = _BOUNDARY.search(text, a_end)
        end = stop.start() if stop else len(text)
        end = min(end, a_end + 200)
        for s, e, secs in spans:
            if a_end <= s and e <= end:
                keep[(s, e)] = secs
    # 2. keyword (or a coordinated list of keywords) right before a frame noun
    for i, (s, e, secs) in enumerate(spans):
        after = text[e:e + 40]
        if not frame_after.match(after) and not (weak_after.match(after) and _cue_near(text, s)):
            continue
        keep[(s, e)] = secs
        j = i
        while j > 0:  # walk back over "X, Y and Z sectors"
            ps, pe, psecs = spans[j - 1]
            if pe <= spans[j][0] and lst.match(text[pe:spans[j][0]]) is not None and \
                    not re.search(r"\b(?:as\s+well\s+as\s+in)\b", text[pe:spans[j][0]]):
                keep[(ps, pe)] = psecs
                j -= 1
            else:
                break
    # 3. self-standing sector phrases
    for rx, secs in standalone:
        for s, e in rx.spans(view):
            keep[(s, e)] = secs
    return sorted((s, e, secs) for (s, e), secs in keep.items())


def _cue_near(text: str, pos: int) -> bool:
    """Does the sentence around `pos` speak of cooperation or building?"""
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), text.rfind("? ", 0, pos)) + 1
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    end = min(ends) if ends else len(text)
    return bool(_COOPERATION_CUE.search(text, start, end))


def sectors_of(text: str) -> list[str]:
    """Sectors of cooperation the text names, in the order of `SECTORS`."""
    if not text:
        return []
    return list(_sectors_cached(text))


@lru_cache(maxsize=4096)
def _sectors_cached(text: str) -> tuple[str, ...]:
    found = set()
    for _, _, secs in _framed(text):
        found.update(secs)
    return tuple(s for s in SECTORS if s in found)


# ------------------------------------------------------------------------------ PLOVER contexts
_SECTOR_CONTEXTS = {
    "transport": ("economic",), "logistics": ("economic",), "aviation": ("economic",),
    "agriculture": ("economic",), "energy": ("economic",), "trade": ("economic",),
    "investment": ("economic",), "finance": ("economic",), "tourism": ("economic",),
    "digitalization": ("technology",), "technology": ("technology",), "defense": ("military",),
    "health": ("health",),
}
_TOPIC_CONTEXTS: list[tuple[str, str]] = [
    (r"military|troops|armed\s+forces|army|navy|air\s+force|defen[cs]e\s+ministry|warships?|missiles?", "military"),
    (r"intelligence\s+(?:agency|services?|officers?|sharing)|espionage|spy|spies|spying", "intelligence"),
    (r"elections?|electoral|ballots?|polls?\s+(?:opened|closed)|campaign\s+trail|voters?", "election"),
    (r"parliament(?:ary)?|legislat(?:ure|ive|ion)|lawmakers|senate|congress|duma|mazhilis", "legislative"),
    (r"constitution(?:al)?|political\s+part(?:y|ies)|referendum|institutional\s+reforms?", "political_institutions"),
    (r"democra(?:cy|tic|tization)", "pro_democracy"),
    (r"econom(?:y|ic|ies)|trade|investments?|financ(?:e|ial)|gdp|inflation|tariffs?|business(?:es|men)?", "economic"),
    (r"courts?|judges?|judicial|lawsuits?|tribunal|prosecutors?|indictments?|extradit(?:e|ion)|"
     r"international\s+law|verdict|convicted", "legal"),
    (r"reparations?|compensation\s+for", "reparations"),
    (r"human\s+rights", "human_rights"),
    (r"freedom\s+of\s+(?:speech|expression|the\s+press|assembly)|press\s+freedom|civil\s+liberties|censorship",
     "rights_freedoms"),
    (r"crackdown|repression|riot\s+police|tear\s+gas", "repression"),
    (r"food\s+(?:security|shortages?|aid)|water\s+(?:supply|shortages?)|famine|housing|humanitarian\s+"
     r"(?:aid|assistance|crisis|relief|situation|corridor)", "human_security"),
    (r"women|gender|abortion|reproductive\s+rights", "gender"),
    (r"lgbt\w*|same[\s\-]sex|gay\s+rights", "lgbt"),
    (r"religio(?:n|us)|ethnic|muslims?|christians?|jews|jewish|islamic\s+(?!republic)|mosques?|churches?",
     "religion_ethnicity"),
    (r"inequality|poverty", "inequality"),
    (r"diplomat(?:ic|s|acy)?|ambassadors?|embass(?:y|ies)|foreign\s+minist(?:er|ry)|bilateral\s+relations|"
     r"state\s+visit|official\s+visit|summit|consulates?", "diplomatic"),
    (r"territor(?:y|ial)|border\s+disputes?|annex(?:ed|ation)|occupied|sovereignty\s+over", "territory"),
    (r"peacekeep(?:ing|ers)", "peacekeeping"),
    (r"health(?:care)?|pandemic|epidemic|covid|outbreak|vaccin(?:e|ation)s?|disease", "health"),
    (r"asylum", "asylum"),
    (r"migra(?:nts?|tion)|refugees?|displaced", "migration"),
    (r"earthquake|floods?|flooding|hurricane|typhoon|cyclone|wildfires?|drought|disaster", "disasters"),
    (r"mining|minerals?|natural\s+resources?|oil\s+(?:fields?|reserves|production)|rare\s+earths?|"
     r"(?:oil|gas)\s+(?:exports?|extraction)", "natural_resource"),
    (r"environment(?:al)?|climate|pollution|emissions|green\s+energy|biodiversity", "environment"),
    (r"technolog(?:y|ies|ical)|digital\w*|innovation|artificial\s+intelligence|semiconductors?|(?-i:AI|IT)",
     "technology"),
    (r"terroris(?:m|ts?)|extremis(?:m|ts?)|insurgen(?:ts?|cy)|jihadis(?:m|ts?)", "terrorism"),
    (r"nuclear\s+weapons?|chemical\s+weapons?|biological\s+weapons?|radiological|nuclear\s+programme|"
     r"nuclear\s+program|enrichment|warheads?", "cbrn"),
    (r"cyber\w*|hack(?:ers?|ing|ed)|ransomware", "cyber"),
    (r"disinformation|misinformation|fake\s+news|propaganda", "misinformation"),
    (r"crim(?:e|es|inal|inals)|murder|theft|fraud", "crime"),
    (r"corrupt(?:ion)?|brib(?:e|es|ery)|embezzl\w*|kickbacks?", "corruption"),
    (r"drugs?\s+(?:trafficking|smuggling|cartels?|trade)|narcotics?|cocaine|heroin|opium|fentanyl", "illegal_drugs"),
    (r"traffick(?:ing|ers?)|smuggl(?:ing|ers?)", "trafficking"),
]
_DIPLOMATIC_TYPES = {"CONSULT", "AGREE", "SUPPORT"}


@lru_cache(maxsize=1)
def _topic_rx():
    return [(Gated(re.compile(rf"\b(?:{p})\b", re.I)), ctx) for p, ctx in _TOPIC_CONTEXTS]


def contexts_of(text: str, plover_type: Optional[str] = None) -> list[str]:
    """PLOVER contexts of a text (sentence, paragraph or article), in the manual's order.

    Sectors of cooperation give economic/technology/military/health; topic words give the other
    contexts; a consultation (CONSULT) is always diplomatic, and AGREE/SUPPORT are when the text
    does not name another context."""
    return list(_contexts_cached(text or "", (plover_type or "").upper()))


@lru_cache(maxsize=4096)
def _contexts_cached(text: str, t: str) -> tuple[str, ...]:
    from .codebook import PLOVER_CONTEXTS
    found: set[str] = set()
    if text:
        for s in sectors_of(text):
            found.update(_SECTOR_CONTEXTS.get(s, ()))
        view = TextView(text)
        for rx, ctx in _topic_rx():
            if rx.found(view):
                found.add(ctx)
    if t == "CONSULT" or (t in _DIPLOMATIC_TYPES and not found):
        found.add("diplomatic")
    return tuple(c for c in PLOVER_CONTEXTS if c in found)
