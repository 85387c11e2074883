"""The event candidate (a trigger with its coding, arguments and modality) and shared word lists."""
from __future__ import annotations

from functools import cached_property

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Span, Token

from . import lexicon as L
from .arguments import Party

FIRST_PERSON = frozenset("we i us our my ourselves".split())
SECOND_PERSON = frozenset("you your yours".split())
PHONE_WORDS = frozenset("phone telephone videoconference video telephonic".split())
PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
NEEDS_TARGET_EXCEPT = frozenset(("PROTEST", "MOBILIZE"))
MATERIAL = frozenset("PROTEST COERCE ASSAULT SANCTION MOBILIZE THREATEN".split())
MILITARY_MODS = frozenset("air artillery missile drone rocket aerial military naval retaliatory precision "
                          "airstrike bombing".split())
DEEP_PREPS = ("with", "between", "to", "against", "on", "from", "in", "around", "near", "along", "including",
              "by")
# verbal acts whose missing recipient is, in a two-party article, the other party
DYAD_TYPES = frozenset("REJECT ACCUSE SUPPORT REQUEST AGREE THREATEN".split())
# types that stay meaningful inside one country (others need two different countries)
DOMESTIC_OK = frozenset("COERCE ASSAULT PROTEST CONCEDE RETREAT MOBILIZE".split())
SPEECH = frozenset("say declare state insist reiterate stress warn conclude tell add announce "
                   "argue remind write note emphasize emphasise underline maintain".split())
MUST = L.Sense("V", "must", (), "100", "REQUEST", None, "must", 0.7)
# clause positions that make a trigger background rather than the news ("after the attack")
BACKGROUND_MARKS = frozenset("after since because following before despite amid as while when".split())
MODIFIER_DEPS = frozenset(("amod", "compound", "nmod", "npadvmod", "poss"))
NEUTRAL_VERBS = frozenset().union(*(L.LIGHT[k] for k in ("hold", "pay", "give", "sign", "reach", "express",
                                                          "provide", "launch", "stage", "invite", "lodge"))) \
    | {"make", "take", "carry", "go", "do"}
IRREGULAR = {"sworn": "swear", "swore": "swear", "struck": "strike", "shot": "shoot", "held": "hold",
             "met": "meet", "fought": "fight", "sent": "send", "gave": "give", "given": "give",
             "took": "take", "taken": "take", "withdrew": "withdraw", "withdrawn": "withdraw",
             "froze": "freeze", "frozen": "freeze", "sought": "seek", "overran": "overrun",
             "beaten": "beat", "broke": "break", "broken": "break", "spoke": "speak", "spoken": "speak",
             "paid": "pay", "made": "make", "flew": "fly", "flown": "fly", "undertook": "undertake",
             "undertaken": "undertake", "forgave": "forgive", "forgiven": "forgive", "laid": "lay",
             "rebuffed": "rebuff", "vetoed": "veto", "ambushed": "ambush", "shelled": "shell"}
DEMAND_NOUNS = frozenset("demand reminder warning call insistence statement declaration".split())


@dataclass
class Candidate:
    sense: L.Sense
    tok: Token
    light: Optional[Token]
    code: str
    ptype: str
    mode: Optional[str]
    conf: float
    source: Optional[Party] = None
    target: Optional[Party] = None
    when: str = "reported"
    date: Optional[str] = None
    place: Optional[Token] = None      # a place named for the event ("in Astana", "visited Astana")
    oriented: bool = False             # direction read from the place (visitor -> host)
    suppressed: bool = False
    tconf: float = 0.0                 # confidence in the event type alone (no actor penalties)
    notes: list = field(default_factory=list)
    also: list = field(default_factory=list)   # further (source, target) pairs of one act over conjuncts

    @cached_property
    def sent(self) -> Span:
        return self.tok.sent            # Token.sent scans the Doc: computed once per candidate


