"""The trigger lexicon: verbs and nouns that announce an event, with their CAMEO/PLOVER coding.

Each rule is one line of the table below, parsed once at import::

    KIND lemma | condition | cameo PLOVER-type mode frame confidence

- KIND ``A`` (predicate adjective with an infinitive: "ready to"), ``V`` (verb, matched on the lemma; ``call_on`` = verb + particle/preposition) or
  ``N`` (noun; ``light=CLASS`` requires a governing verb of that class, ``-`` lets the noun
  stand alone, e.g. "during a meeting between X and Y").
- condition: ``-`` or ``;``-separated tests: ``obj=CLASS`` (the verb's object, or the noun
  itself for light verbs, is in a word class), ``light=CLASS`` (nouns), ``prep=with``
  (the verb has that preposition), ``subj=CLASS`` (subject head in a class), ``xcomp``
  (the verb governs an infinitive), ``nobj`` (no object at all).
- frame: how source/target are read (see `arguments`): ``sv`` subject -> object,
  ``host`` object (the guest) -> subject (the host), ``from`` the ``from`` phrase -> subject,
  ``recip`` a symmetric meeting (visitor -> host once the place is known), ``visit``
  subject -> the visited place's country, ``cargo`` the from-phrase of an aid cargo subject ->
  where it arrived ("relief supplies from X arrived in Y").
- mode ``-`` means none.  Rules for one lemma are tried in order; the first that holds wins.

Facts carried over: CAMEO codes (CAMEO 1.1b3), PLOVER types/modes (PLOVER manual 2021);
the word lists are ours.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .wordlists import CLASSES, LIGHT  # noqa: F401  (re-exported: L.CLASSES, L.LIGHT)


@dataclass(frozen=True)
class Sense:
    kind: str              # V or N
    lemma: str             # lemma (verb lemma may carry a particle: "call_on")
    conds: tuple           # ((name, value), ...)
    code: str              # CAMEO code
    ptype: str             # PLOVER type
    mode: Optional[str]
    frame: str
    conf: float


_TABLE = """
# ---- CONSULT --------------------------------------------------------------
V meet         | obj=demand/condition       | 083 CONCEDE - sv 0.6
V meet         | obj=target/deadline/goal/need/requirement/expectation/standard/criterion/obligation/threshold/quota/cost | 040 CONSULT - stmt 0.0
V meet         | prep=with                  | 040 CONSULT - recip 0.85
V meet         | obj=ANY                    | 040 CONSULT - recip 0.85
V meet         | -                          | 040 CONSULT - recip 0.75
V talk         | prep=with                  | 040 CONSULT - recip 0.8
V sit_down     | prep=with                  | 040 CONSULT - recip 0.75
V discuss      | -                          | 040 CONSULT - recip 0.75
V confer       | -                          | 040 CONSULT - recip 0.75
V consult      | -                          | 040 CONSULT - recip 0.75
V negotiate    | -                          | 046 CONSULT - recip 0.75
V mediate      | -                          | 045 CONSULT third-party sv 0.7
V visit        | notsubj=PRIVATE            | 042 CONSULT visit visit 0.9
V tour         | obj=ANY                    | 042 CONSULT visit visit 0.6
V arrive       | aidcargo;prep=in           | 070 AID - cargo 0.65
V arrive       | peacemission;prep=in       | 074 AID - visit 0.6
V reach        | aidcargo;obj=ANY           | 070 AID - cargo 0.65
V enter        | aidcargo;obj=ANY           | 070 AID - cargo 0.6
V arrive       | prep=in;notsubj=FORCES;notsubj=PRIVATE | 042 CONSULT visit visit 0.75
V travel       | prep=to;notsubj=FORCES;notsubj=PRIVATE | 042 CONSULT visit visit 0.7
V expect       | prep=in;passive;notsubj=FORCES;notsubj=PRIVATE | 042 CONSULT visit visit 0.7
V fly          | prep=to;notsubj=FORCES;notsubj=PRIVATE | 042 CONSULT visit visit 0.6
V host         | obj=TALKS                  | 043 CONSULT visit host_event 0.7
V host         | -                          | 042 CONSULT visit host 0.85
V receive      | obj=AID                    | 070 AID - from 0.75
V receive      | obj=call/conversation;phone | 041 CONSULT phone from 0.85
V receive      | obj=CLAIM                  | 040 CONSULT - none 0.0
V receive      | obj=MISSION                | 0862 RETREAT access sv 0.6
V receive      | obj=PERSONS                | 042 CONSULT visit host 0.7
V receive      | obj=HEADACTOR              | 042 CONSULT visit host 0.8
V receive      | obj=ANY                    | 040 CONSULT - none 0.0
V welcome      | as_praise                  | 051 SUPPORT praise sv 0.8
V welcome      | obj=BUSINESS               | 051 SUPPORT - stmt 0.0
V welcome      | obj=PERSONS;notobj=BUSINESS | 042 CONSULT visit host 0.7
V welcome      | obj=HEADACTOR;notobj=BUSINESS | 042 CONSULT visit host 0.8
V welcome      | -                          | 051 SUPPORT - sv 0.7
V telephone    | -                          | 041 CONSULT phone sv 0.9
V phone        | -                          | 041 CONSULT phone sv 0.9
V call         | obj=ACTOR;phone            | 041 CONSULT phone sv 0.8
V speak        | phone                      | 041 CONSULT phone recip 0.8
V speak        | again                      | 040 CONSULT - recip 0.7
V exchange     | obj=view                   | 040 CONSULT - recip 0.7
N talk         | light=hold                 | 040 CONSULT - recip 0.85
N talk         | -                          | 040 CONSULT - recip 0.75
N negotiation  | light=hold                 | 046 CONSULT - recip 0.8
N negotiation  | -                          | 046 CONSULT - recip 0.7
N meeting      | light=hold                 | 040 CONSULT - recip 0.85
N meeting      | -                          | 040 CONSULT - recip 0.75
N consultation | light=hold                 | 040 CONSULT - recip 0.75
N summit       | light=hold                 | 040 CONSULT - recip 0.7
N visit        | light=pay                  | 042 CONSULT visit visit 0.9
N visit        | -                          | 042 CONSULT visit visit 0.8
N trip         | light=pay                  | 042 CONSULT visit visit 0.75
N conversation | phone                      | 041 CONSULT phone recip 0.85
N call         | phone                      | 041 CONSULT phone recip 0.85
N mediation    | light=hold                 | 045 CONSULT third-party sv 0.65
N mediation    | -                          | 045 CONSULT third-party recip 0.6
N welcome      | light=give                 | 042 CONSULT visit host 0.8
# ---- AGREE ----------------------------------------------------------------
V invite       | -                          | 036 AGREE invitation sv 0.85
N invitation   | light=invite               | 036 AGREE invitation sv 0.85
N invitation   | light=accept               | 036 AGREE invitation accept 0.85
N invitation   | light=decline              | 125 REJECT meet accept 0.8
V agree        | procedural                 | 030 AGREE - stmt 0.0
V agree        | -                          | 030 AGREE - recip 0.75
V instruct     | xcomp                      | 030 AGREE - recip 0.65
V help         | xcomp                      | 070 AID - sv 0.6
V propose      | -                          | 030 AGREE - sv 0.7
V promise      | -                          | 030 AGREE - sv 0.75
N pledge       | from_actor                 | 030 AGREE - sv 0.7
N promise      | from_actor                 | 030 AGREE - sv 0.65
V pledge       | xverb=retaliate/avenge/punish | 130 THREATEN - sv 0.7
V pledge       | -                          | 030 AGREE - sv 0.75
V vow          | obj=revenge/retaliation/retribution/vengeance/response | 130 THREATEN - sv 0.75
V vow          | xverb=respond/retaliate/avenge/punish/fight/hit/strike | 130 THREATEN - sv 0.75
V vow          | -                          | 030 AGREE - sv 0.7
V swear        | xcomp                      | 030 AGREE - sv 0.65
V accept       | obj=demand/request/condition/ultimatum | 083 CONCEDE - sv 0.7
V accept       | obj=ANY                    | 030 AGREE - sv 0.55
A ready        | goodwill                   | 030 AGREE - stmt 0.0
A ready        | xcomp                      | 030 AGREE - sv 0.7
A willing      | goodwill                   | 030 AGREE - stmt 0.0
A willing      | xcomp                      | 030 AGREE - sv 0.7
A prepared     | goodwill                   | 030 AGREE - stmt 0.0
A prepared     | xcomp                      | 030 AGREE - sv 0.65
A committed    | goodwill                   | 030 AGREE - stmt 0.0
A committed    | xcomp                      | 030 AGREE - sv 0.6
A opposed      | prep=to                    | 120 REJECT - sv 0.6
A determined   | goodwill                   | 030 AGREE - stmt 0.0
A determined   | xcomp                      | 030 AGREE - sv 0.55
N consensus    | light=reach                | 030 AGREE - recip 0.7
N understanding| light=reach                | 030 AGREE - recip 0.65
V offer        | obj=AID                    | 033 AGREE - sv 0.8
V offer        | obj=TALKS                  | 036 AGREE - sv 0.75
V offer        | xcomp                      | 030 AGREE - sv 0.7
V offer        | obj=ANY                    | 030 AGREE - sv 0.6
N commitment   | light=express;goodwill     | 030 AGREE - stmt 0.0
N commitment   | light=express              | 030 AGREE - sv 0.7
N readiness    | light=express;goodwill     | 030 AGREE - stmt 0.0
N readiness    | light=express              | 030 AGREE - sv 0.7
N willingness  | light=express;goodwill     | 030 AGREE - stmt 0.0
N willingness  | light=express              | 030 AGREE - sv 0.7
N intention    | light=express;goodwill     | 030 AGREE - stmt 0.0
N intention    | light=express              | 030 AGREE - sv 0.65
N agreement    | light=reach                | 030 AGREE - recip 0.8
# ---- SUPPORT --------------------------------------------------------------
V praise       | -                          | 051 SUPPORT praise sv 0.85
V commend      | -                          | 051 SUPPORT praise sv 0.85
V hail         | -                          | 051 SUPPORT praise sv 0.8
V laud         | -                          | 051 SUPPORT praise sv 0.85
V applaud      | -                          | 051 SUPPORT praise sv 0.8
V appreciate   | -                          | 051 SUPPORT praise sv 0.7
V thank        | courtesy                   | 051 SUPPORT praise stmt 0.0
V thank        | -                          | 051 SUPPORT praise sv 0.85
V congratulate | -                          | 051 SUPPORT praise sv 0.85
V endorse      | -                          | 051 SUPPORT - sv 0.75
V describe     | as_praise                  | 051 SUPPORT praise sv 0.75
V call         | as_praise                  | 051 SUPPORT praise sv 0.7
V call         | obj=HEADACTOR;plain        | 041 CONSULT phone sv 0.7
N gratitude    | light=express;courtesy     | 051 SUPPORT praise stmt 0.0
N gratitude    | light=express              | 051 SUPPORT praise sv 0.8
N appreciation | light=express              | 051 SUPPORT praise sv 0.75
N thanks       | light=express;courtesy     | 051 SUPPORT praise stmt 0.0
N thanks       | light=express              | 051 SUPPORT praise sv 0.8
N support      | light=express              | 051 SUPPORT - sv 0.7
N solidarity   | light=express              | 051 SUPPORT - sv 0.75
N congratulation | light=express            | 051 SUPPORT praise sv 0.8
N sympathy     | light=express              | 018 SUPPORT condolence sv 0.8
V sympathize   | prep=with                  | 018 SUPPORT condolence sv 0.75
V sympathise   | prep=with                  | 018 SUPPORT condolence sv 0.75
N condolence   | light=express              | 018 SUPPORT condolence sv 0.85
N condolence   | -                          | 018 SUPPORT condolence sv 0.6
V defend       | obj=ACTOR                  | 052 SUPPORT - sv 0.7
V support      | obj=ANY                    | 051 SUPPORT - sv 0.6
V back         | obj=ANY                    | 051 SUPPORT - sv 0.6
V recognize    | obj=ACTOR                  | 054 SUPPORT - sv 0.75
V recognise    | obj=ACTOR                  | 054 SUPPORT - sv 0.75
V apologize    | -                          | 055 SUPPORT - sv 0.85
V apologise    | -                          | 055 SUPPORT - sv 0.85
N apology      | light=express              | 055 SUPPORT - sv 0.8
V forgive      | -                          | 056 SUPPORT - sv 0.75
V sign         | obj=AGREEMENT              | 057 SUPPORT - recip 0.9
V adopt        | obj=agenda/declaration/roadmap/programme/program/charter | 057 SUPPORT - recip 0.7
V sign         | -                          | 057 SUPPORT - recip 0.6
V ratify       | obj=AGREEMENT              | 057 SUPPORT - recip 0.8
V ratify       | obj=bid/accession/membership/application | 057 SUPPORT - sv 0.75
V renew        | obj=AGREEMENT/lease/mandate/permit/licence/license/concession | 057 SUPPORT - sv 0.55
N agreement    | light=sign                 | 057 SUPPORT - recip 0.9
N memorandum   | light=sign                 | 057 SUPPORT - recip 0.9
N treaty       | light=sign                 | 057 SUPPORT - recip 0.9
N accord       | light=sign                 | 057 SUPPORT - recip 0.85
N deal         | light=sign                 | 057 SUPPORT - recip 0.8
N roadmap      | light=sign                 | 057 SUPPORT - recip 0.85
N declaration  | light=sign                 | 057 SUPPORT - recip 0.85
N protocol     | light=sign                 | 057 SUPPORT - recip 0.8
N document     | light=sign                 | 057 SUPPORT - recip 0.8
N contract     | light=sign                 | 057 SUPPORT - recip 0.8
N signing      | of=AGREEMENT               | 057 SUPPORT - recip 0.8
N ratification | of=AGREEMENT               | 057 SUPPORT - recip 0.75
V establish    | obj=RELATIONS              | 050 SUPPORT - recip 0.75
V restore      | obj=RELATIONS              | 050 SUPPORT - recip 0.75
V upgrade      | obj=RELATIONS              | 050 SUPPORT - recip 0.75
V normalize    | obj=RELATIONS              | 050 SUPPORT - recip 0.75
V normalise    | obj=RELATIONS              | 050 SUPPORT - recip 0.75
# ---- COOPERATE / AID ------------------------------------------------------
N exercise     | joint                      | 062 COOPERATE - recip 0.8
N drill        | joint                      | 062 COOPERATE - recip 0.8
N maneuver     | joint                      | 062 COOPERATE - recip 0.75
N manoeuvre    | joint                      | 062 COOPERATE - recip 0.75
N operation    | joint                      | 062 COOPERATE - recip 0.7
N patrol       | joint                      | 062 COOPERATE - recip 0.7
N game         | joint                      | 062 COOPERATE - recip 0.6
N game         | war                        | 150 MOBILIZE troops sv 0.55
V extradite    | -                          | 063 COOPERATE - sv 0.8
V hand_over    | obj=suspect/fugitive/criminal/convict/terrorist/militant | 063 COOPERATE - sv 0.7
V share        | obj=intelligence           | 064 COOPERATE - sv 0.75
V share        | obj=information            | 064 COOPERATE - sv 0.6
V share        | prep=with                  | 064 COOPERATE - sv 0.65
V provide      | obj=AID                    | 070 AID - sv 0.8
V give         | obj=AID                    | 070 AID - sv 0.75
V send         | obj=AID                    | 070 AID - sv 0.8
V deliver      | obj=AID                    | 070 AID - sv 0.8
V donate       | -                          | 070 AID - sv 0.8
V deposit      | obj=AID                    | 070 AID - sv 0.7
V grant        | obj=asylum                 | 075 AID - sv 0.85
V grant        | obj=AID                    | 070 AID - sv 0.8
V allocate     | obj=AID                    | 071 AID - sv 0.75
V approve      | obj=AID;notobj=SANCTION    | 071 AID - sv 0.7
V disburse     | obj=AID                    | 071 AID - sv 0.8
V extend       | obj=loan/credit/grant/aid/assistance/financing/funding | 071 AID - sv 0.7
V hand_over    | obj=AID                    | 070 AID - sv 0.75
V hand_over    | obj=soldier/serviceman/prisoner/captive/detainee/hostage/pow/body/remains/citizen/national/fisherman/civilian/journalist | 0841 RETREAT release sv 0.7
V hand         | obj=soldier/serviceman/prisoner/captive/detainee/hostage/pow/body/remains/citizen/national/fisherman/civilian/journalist;prep=to | 0841 RETREAT release sv 0.7
V provide      | obj=ANY                    | 070 AID - sv 0.55
V supply       | obj=AID                    | 070 AID - sv 0.75
V dispatch     | obj=AID                    | 070 AID - sv 0.75
V ship         | obj=AID                    | 070 AID - sv 0.7
V airlift      | -                          | 073 AID - sv 0.75
V distribute   | obj=AID                    | 070 AID - sv 0.7
V contribute   | obj=ANY                    | 070 AID - sv 0.65
V lend         | -                          | 071 AID - sv 0.7
V earmark      | obj=AID                    | 070 AID - sv 0.7
V announce     | obj=AID                    | 070 AID - sv 0.55
V fly          | obj=AID                    | 070 AID - sv 0.65
V evacuate     | obj=CIVIL/citizen/family/national/wounded/diplomat | 073 AID - sv 0.55
V deploy       | obj=MISSION/team           | 074 AID - sv 0.6
V train        | obj=pilot/soldier/troop/officer/force/personnel/army/police/cadet | 062 COOPERATE - sv 0.6
N contribution | light=pay                  | 070 AID - sv 0.6
N donor        | -                          | 070 AID - sv 0.5
N extradition  | -                          | 063 COOPERATE - sv 0.6
N release      | light=lodge                | 0841 RETREAT release sv 0.6
N exchange     | obj=prisoner/captive/detainee/pow/hostage;light=launch | 0841 RETREAT release recip 0.75
N swap         | obj=prisoner/captive/detainee/pow/hostage;light=launch | 0841 RETREAT release recip 0.75
N fire         | cease                      | 0871 RETREAT ceasefire sv 0.65
N aid          | light=provide              | 070 AID - sv 0.8
N assistance   | light=provide              | 070 AID - sv 0.8
# ---- RETREAT / CONCEDE ----------------------------------------------------
V release      | obj=statement/report/video/data/figure/document/photo/image/recording/album/film/book/result/footage/list/detail/plan/version/product | 0841 RETREAT - stmt 0.0
V release      | obj=PERSONS                | 0841 RETREAT release sv 0.7
V release      | obj=ANY                    | 0841 RETREAT release sv 0.55
V free         | obj=ANY                    | 0841 RETREAT release sv 0.6
V withdraw     | obj=FORCES                 | 0872 RETREAT withdraw sv 0.75
V withdraw     | obj=MISSION                | 1662 SANCTION expel sv 0.7
V withdraw     | obj=DIPLOMAT               | 161 SANCTION withdraw sv 0.75
V pull         | obj=FORCES                 | 0872 RETREAT withdraw sv 0.7
V lift         | obj=SANCTION               | 085 RETREAT - sv 0.8
V remove       | obj=SANCTION               | 085 RETREAT - sv 0.75
V reduce       | obj=SANCTION               | 085 RETREAT - sv 0.65
V lower        | obj=SANCTION               | 085 RETREAT - sv 0.65
V cut          | obj=SANCTION               | 085 RETREAT - sv 0.65
V roll_back    | obj=SANCTION               | 085 RETREAT - sv 0.65
V scrap        | obj=SANCTION               | 085 RETREAT - sv 0.65
V end          | obj=EASABLE                | 081 CONCEDE - sv 0.6
V return       | obj=ANY;prep=to            | 0842 RETREAT release sv 0.5
V lift         | obj=EASABLE                | 081 CONCEDE - sv 0.75
V lift         | obj=SIEGE                  | 0872 RETREAT withdraw sv 0.75
V ease         | obj=EASABLE                | 081 CONCEDE - sv 0.7
V relax        | obj=EASABLE                | 081 CONCEDE - sv 0.7
V shorten      | obj=curfew                 | 081 CONCEDE - sv 0.7
V cancel       | obj=EASABLE                | 081 CONCEDE - sv 0.65
V concede      | -                          | 080 CONCEDE - sv 0.7
V drop         | obj=objection/opposition/veto/reservation/demand/condition/claim/block/blockade | 080 CONCEDE - sv 0.7
V withdraw     | obj=objection/opposition/veto/reservation | 080 CONCEDE - sv 0.7
V abandon      | obj=objection/opposition/veto/reservation/demand/claim | 080 CONCEDE - sv 0.65
V accede       | -                          | 083 CONCEDE - sv 0.75
V call_off     | obj=STRIKE                 | 082 CONCEDE - sv 0.7
V allow        | xcomp                      | 080 CONCEDE - sv 0.55
V surrender    | -                          | 0874 RETREAT disarm sv 0.7
V demobilize   | -                          | 0873 RETREAT disarm sv 0.7
V disarm       | -                          | 0873 RETREAT disarm sv 0.7
V evacuate     | obj=settlement/base/position | 0872 RETREAT withdraw sv 0.65
V return       | obj=weapon/property/prisoner/hostage/territory/land/body/equipment/asset | 0842 RETREAT release sv 0.55
V open         | obj=CROSSING               | 086 RETREAT access sv 0.6
N withdrawal   | -                          | 0872 RETREAT withdraw sv 0.6
N ceasefire    | light=lodge                | 0871 RETREAT ceasefire sv 0.75
N truce        | light=lodge                | 0871 RETREAT ceasefire sv 0.75
V ease         | obj=SANCTION               | 081 CONCEDE - sv 0.75
N ceasefire    | light=impose               | 0871 RETREAT ceasefire sv 0.6
V pardon       | -                          | 081 CONCEDE - sv 0.7
V resign       | -                          | 080 RETREAT resign sv 0.6
# ---- REQUEST --------------------------------------------------------------
V urge         | -                          | 020 REQUEST - sv 0.8
V call_on      | -                          | 020 REQUEST - sv 0.85
V call_upon    | -                          | 020 REQUEST - sv 0.85
V call_for     | -                          | 020 REQUEST - sv 0.75
V appeal       | -                          | 020 REQUEST - sv 0.8
V ask          | greet                      | 020 REQUEST - stmt 0.0
V ask          | obj=ACTOR;xcomp            | 020 REQUEST - sv 0.75
V ask          | prep=for                   | 023 REQUEST assist sv 0.75
V ask          | obj=ANY                    | 020 REQUEST - sv 0.55
V request      | -                          | 020 REQUEST - sv 0.75
V seek         | obj=AID                    | 023 REQUEST assist sv 0.7
V implore      | -                          | 020 REQUEST - sv 0.8
V demand       | -                          | 100 REQUEST - sv 0.85
V insist       | -                          | 100 REQUEST - sv 0.6
V press        | xcomp                      | 100 REQUEST - sv 0.6
V pressure     | xcomp                      | 100 REQUEST - sv 0.65
V push_for     | -                          | 020 REQUEST - sv 0.6
V order        | obj=DIPLOMAT               | 166 SANCTION expel sv 0.75
V order        | word=leave                 | 166 SANCTION expel sv 0.6
V order        | xcomp                      | 100 REQUEST - sv 0.55
V seek         | obj=refuge/asylum          | 023 REQUEST assist sv 0.65
N appeal       | light=lodge                | 020 REQUEST - sv 0.75
N demand       | light=lodge                | 100 REQUEST - sv 0.75
N demand       | xcomp                      | 100 REQUEST - sv 0.6
N request      | light=lodge                | 020 REQUEST - sv 0.7
N call         | light=lodge                | 020 REQUEST - sv 0.7
# ---- ACCUSE ---------------------------------------------------------------
V accuse       | -                          | 112 ACCUSE allege sv 0.9
V allege       | -                          | 112 ACCUSE allege sv 0.7
V blame        | -                          | 112 ACCUSE allege sv 0.85
V charge       | obj=ACTOR                  | 112 ACCUSE allege sv 0.6
V criticize    | -                          | 111 ACCUSE disapprove sv 0.9
V criticise    | -                          | 111 ACCUSE disapprove sv 0.9
V condemn      | -                          | 111 ACCUSE disapprove sv 0.9
V denounce     | -                          | 111 ACCUSE disapprove sv 0.9
V decry        | -                          | 111 ACCUSE disapprove sv 0.85
V deplore      | -                          | 111 ACCUSE disapprove sv 0.85
V slam         | -                          | 111 ACCUSE disapprove sv 0.8
V lambaste     | -                          | 111 ACCUSE disapprove sv 0.8
V rebuke       | -                          | 111 ACCUSE disapprove sv 0.8
V censure      | -                          | 111 ACCUSE disapprove sv 0.8
V chastise     | -                          | 111 ACCUSE disapprove sv 0.8
V complain     | -                          | 114 ACCUSE disapprove sv 0.8
V object       | -                          | 111 ACCUSE disapprove sv 0.6
V summon       | obj=DIPLOMAT               | 114 ACCUSE disapprove summon 0.9
V investigate  | -                          | 090 ACCUSE investigate sv 0.75
V probe        | -                          | 090 ACCUSE investigate sv 0.7
V sue          | -                          | 115 ACCUSE allege sv 0.8
V indict       | -                          | 112 ACCUSE allege sv 0.75
N investigation| -                          | 090 ACCUSE investigate sv 0.6
N probe        | light=launch               | 090 ACCUSE investigate sv 0.7
N hearing      | light=hold                 | 090 ACCUSE investigate sv 0.55
N protest      | light=lodge                | 114 ACCUSE disapprove sv 0.85
N note         | protest                    | 114 ACCUSE disapprove sv 0.85
N criticism    | light=express              | 111 ACCUSE disapprove sv 0.75
N concern      | light=express              | 012 ACCUSE - stmt 0.0
N pessimism    | light=express              | 012 ACCUSE - stmt 0.0
N optimism     | light=express              | 013 SUPPORT - stmt 0.0
N hope         | light=express              | 013 SUPPORT - stmt 0.0
N responsibility | light=claim              | 015 ACCUSE - stmt 0.0
A skeptical    | -                          | 012 ACCUSE - stmt 0.0
A sceptical    | -                          | 012 ACCUSE - stmt 0.0
A optimistic   | -                          | 013 SUPPORT - stmt 0.0
A pessimistic  | -                          | 012 ACCUSE - stmt 0.0
V hope         | -                          | 013 SUPPORT - stmt 0.0
N investigation| light=launch               | 090 ACCUSE investigate sv 0.75
N accusation   | light=lodge                | 112 ACCUSE allege sv 0.75
N lawsuit      | light=lodge                | 115 ACCUSE allege sv 0.8
# ---- REJECT ---------------------------------------------------------------
V reject       | -                          | 120 REJECT - sv 0.85
V decline      | obj=comment                | 011 REJECT - stmt 0.0
V decline      | comment                    | 011 REJECT - stmt 0.0
V refuse       | comment                    | 011 REJECT - stmt 0.0
V refuse       | -                          | 120 REJECT - sv 0.8
V decline      | obj=CLAIM                  | 120 REJECT - sv 0.75
V decline      | xcomp                      | 120 REJECT - sv 0.7
V rebuff       | -                          | 120 REJECT - sv 0.8
V dismiss      | obj=CLAIM                  | 120 REJECT - sv 0.75
V deny         | obj=CLAIM                  | 120 REJECT - sv 0.6
V veto         | -                          | 129 REJECT - sv 0.85
V defy         | -                          | 128 REJECT yield sv 0.75
V cancel       | obj=TALKS                  | 125 REJECT meet sv 0.8
V postpone     | obj=TALKS                  | 125 REJECT meet sv 0.65
V call_off     | obj=TALKS                  | 125 REJECT meet sv 0.8
V turn_down    | -                          | 120 REJECT - sv 0.8
V rule_out     | -                          | 120 REJECT - sv 0.8
V boycott      | obj=TALKS                  | 125 REJECT meet sv 0.7
V renege       | -                          | 120 REJECT - sv 0.7
V oppose       | obj=measure/sanction/tariff/move/step/action/decision/deployment/interference | 111 ACCUSE disapprove sv 0.6
V oppose       | -                          | 120 REJECT - sv 0.6
V deny         | obj=ANY                    | 120 REJECT - sv 0.5
V violate      | obj=ceasefire/truce/armistice | 196 ASSAULT - sv 0.65
V violate      | obj=ban/law/agreement/resolution | 128 REJECT yield sv 0.6
# ---- THREATEN -------------------------------------------------------------
V threaten     | -                          | 130 THREATEN - sv 0.9
V warn         | -                          | 130 THREATEN - sv 0.65
N ultimatum    | light=lodge                | 139 THREATEN relations sv 0.85
N threat       | light=lodge                | 130 THREATEN - sv 0.75
# ---- PROTEST --------------------------------------------------------------
V protest      | subj=CIVIL                 | 141 PROTEST demo sv 0.8
V protest      | -                          | 114 ACCUSE disapprove sv 0.7
V demonstrate  | subj=CIVIL                 | 141 PROTEST demo sv 0.75
V rally        | subj=CIVIL                 | 141 PROTEST demo sv 0.7
V gather       | subj=PROTESTERS;prep=outside | 141 PROTEST demo sv 0.65
V march        | subj=CIVIL                 | 141 PROTEST demo sv 0.65
V riot         | -                          | 145 PROTEST riot sv 0.8
V picket       | -                          | 141 PROTEST demo sv 0.7
V boycott      | -                          | 143 PROTEST boycott sv 0.7
V block        | obj=road/street/bridge/highway/traffic/transport/route/railway/entrance/access/crossing/border/checkpoint | 144 PROTEST obstruct sv 0.65
V prevent      | obj=STRIKE                 | 170 COERCE restrict sv 0.6
V disperse     | obj=CIVIL                  | 170 COERCE restrict sv 0.6
N protest      | light=stage                | 141 PROTEST demo sv 0.8
N protest      | -                          | 141 PROTEST demo sv 0.6
N demonstration| light=stage                | 141 PROTEST demo sv 0.8
N demonstration| -                          | 141 PROTEST demo sv 0.6
N rally        | light=stage                | 141 PROTEST demo sv 0.75
N rally        | protest                    | 141 PROTEST demo sv 0.7
N sit-in       | -                          | 141 PROTEST demo sv 0.7
N riot         | -                          | 145 PROTEST riot sv 0.7
N strike       | hunger                     | 142 PROTEST hunger sv 0.8
N strike       | milmod                     | 195 ASSAULT aerial sv 0.8
N strike       | light=launch               | 190 ASSAULT - sv 0.7
N strike       | light=stage                | 143 PROTEST strike sv 0.7
N strike       | civil_strike               | 143 PROTEST strike sv 0.6
N boycott      | light=stage                | 143 PROTEST boycott sv 0.7
# ---- MOBILIZE -------------------------------------------------------------
V mobilize     | obj=FORCES                 | 154 MOBILIZE troops sv 0.8
V mobilize     | nobj                       | 154 MOBILIZE troops sv 0.7
V mobilise     | obj=FORCES                 | 154 MOBILIZE troops sv 0.8
V mobilise     | nobj                       | 154 MOBILIZE troops sv 0.7
V deploy       | obj=peacekeeper/observer/monitor | 074 AID - sv 0.7
V deploy       | obj=FORCES                 | 154 MOBILIZE troops sv 0.75
V send         | obj=peacekeeper/observer/monitor | 074 AID - sv 0.7
V send         | obj=FORCES                 | 154 MOBILIZE troops sv 0.7
V reinforce    | obj=FORCES                 | 154 MOBILIZE troops sv 0.7
V strengthen   | obj=FORCES                 | 154 MOBILIZE troops sv 0.65
V bolster      | obj=FORCES                 | 154 MOBILIZE troops sv 0.65
N patrol       | -                          | 153 MOBILIZE police sv 0.5
V mass         | obj=FORCES                 | 154 MOBILIZE troops sv 0.75
V test_fire    | -                          | 150 MOBILIZE weapons sv 0.75
N exercise     | military                   | 150 MOBILIZE troops sv 0.7
N drill        | military                   | 150 MOBILIZE troops sv 0.7
N maneuver     | military                   | 150 MOBILIZE troops sv 0.65
N alert        | light=impose               | 152 MOBILIZE troops sv 0.65
N alert        | light=place                | 152 MOBILIZE troops sv 0.7
N alert        | -                          | 152 MOBILIZE troops sv 0.55
# ---- SANCTION -------------------------------------------------------------
V sanction     | obj=ANY                    | 163 SANCTION discontinue sv 0.8
V impose       | obj=SANCTION               | 163 SANCTION discontinue sv 0.9
V expel        | obj=DIPLOMAT               | 166 SANCTION expel sv 0.9
V expel        | obj=MISSION                | 1662 SANCTION expel sv 0.8
V expel        | obj=ANY                    | 174 COERCE deport sv 0.75
V recall       | obj=DIPLOMAT               | 161 SANCTION withdraw sv 0.8
V close        | obj=embassy/consulate/legation/mission | 161 SANCTION withdraw sv 0.7
N closure      | of=embassy/consulate/legation/mission | 161 SANCTION withdraw sv 0.65
N closure      | of=CROSSING                | 191 COERCE restrict sv 0.6
V sever        | obj=RELATIONS              | 161 SANCTION withdraw sv 0.9
V cut          | obj=RELATIONS              | 161 SANCTION withdraw sv 0.85
V break        | obj=RELATIONS              | 161 SANCTION withdraw sv 0.8
V downgrade    | obj=RELATIONS              | 161 SANCTION withdraw sv 0.8
V suspend      | obj=TALKS                  | 164 SANCTION withdraw sv 0.75
V suspend      | obj=AID                    | 162 SANCTION discontinue sv 0.8
V suspend      | obj=ANY                    | 160 SANCTION discontinue sv 0.6
V halt         | obj=AID                    | 162 SANCTION discontinue sv 0.75
V halt         | obj=TALKS                  | 164 SANCTION withdraw sv 0.7
V end          | obj=TALKS                  | 164 SANCTION withdraw sv 0.6
V prohibit     | obj=AID                    | 162 SANCTION discontinue sv 0.7
V reduce       | obj=AID                    | 162 SANCTION discontinue sv 0.6
N suspension   | -                          | 160 SANCTION discontinue sv 0.6
V cut          | obj=AID                    | 162 SANCTION discontinue sv 0.75
V freeze       | obj=ANY                    | 160 SANCTION discontinue sv 0.6
V ban          | obj=BANNABLE               | 1722 COERCE restrict sv 0.65
V ban          | obj=HEADACTOR              | 1722 COERCE restrict sv 0.6
V outlaw       | -                          | 1722 COERCE restrict sv 0.7
V ban          | obj=ANY                    | 163 SANCTION discontinue sv 0.6
V embargo      | -                          | 163 SANCTION discontinue sv 0.8
N sanction     | light=impose               | 163 SANCTION discontinue sv 0.9
V declare      | word=grata                 | 166 SANCTION expel sv 0.85
V put          | obj=AGREEMENT;word=abeyance | 160 SANCTION discontinue sv 0.75
V raise        | obj=tariff/duty/levy       | 163 SANCTION discontinue sv 0.75
N tariff       | light=impose               | 163 SANCTION discontinue sv 0.75
V restrict     | obj=export/import/trade/shipment/sale | 163 SANCTION discontinue sv 0.65
N embargo      | light=impose               | 163 SANCTION discontinue sv 0.85
N expulsion    | -                          | 166 SANCTION expel sv 0.7
# ---- COERCE ---------------------------------------------------------------
V arrest       | -                          | 173 COERCE arrest sv 0.8
V detain       | -                          | 173 COERCE arrest sv 0.8
V jail         | -                          | 173 COERCE arrest sv 0.75
V imprison     | -                          | 173 COERCE arrest sv 0.75
V deport       | -                          | 174 COERCE deport sv 0.8
V seize        | -                          | 171 COERCE seize sv 0.7
V confiscate   | -                          | 1711 COERCE seize sv 0.75
V censor       | -                          | 1721 COERCE censor sv 0.75
V occupy       | -                          | 192 COERCE seize sv 0.7
V blockade     | -                          | 191 COERCE restrict sv 0.75
V hack         | -                          | 170 COERCE cyber sv 0.7
V hack_into    | -                          | 170 COERCE cyber sv 0.7
V deface       | -                          | 170 COERCE cyber sv 0.6
N blockade     | light=impose               | 191 COERCE restrict sv 0.75
N curfew       | light=impose               | 1723 COERCE curfew sv 0.85
N emergency    | light=impose               | 1724 COERCE martial-law sv 0.75
N law          | martial                    | 1724 COERCE martial-law sv 0.8
# ---- ASSAULT --------------------------------------------------------------
V attack       | -                          | 190 ASSAULT - sv 0.85
V open         | obj=fire                   | 193 ASSAULT firearms sv 0.75
V strike       | obj=ANY                    | 190 ASSAULT - sv 0.6
V shell        | -                          | 194 ASSAULT heavy-weapons sv 0.85
V bombard      | -                          | 194 ASSAULT heavy-weapons sv 0.85
V bomb         | -                          | 195 ASSAULT aerial sv 0.8
V invade       | -                          | 190 ASSAULT - sv 0.85
V raid         | -                          | 190 ASSAULT - sv 0.7
V ambush       | -                          | 190 ASSAULT firearms sv 0.8
V shoot        | -                          | 193 ASSAULT firearms sv 0.75
V fire_on      | -                          | 193 ASSAULT firearms sv 0.75
V fire_at      | -                          | 193 ASSAULT firearms sv 0.75
V kill         | -                          | 190 ASSAULT - sv 0.75
V clash        | -                          | 190 ASSAULT - recip 0.75
V fight        | -                          | 190 ASSAULT - recip 0.65
V kidnap       | -                          | 181 ASSAULT abduct sv 0.8
V abduct       | -                          | 181 ASSAULT abduct sv 0.8
V hijack       | -                          | 181 ASSAULT abduct sv 0.8
V assassinate  | -                          | 186 ASSAULT targeted sv 0.85
V torture      | -                          | 1822 ASSAULT torture sv 0.8
N torture      | -                          | 1822 ASSAULT torture sv 0.6
V beat         | obj=ANY;notsubj=SPORTS     | 182 ASSAULT beat sv 0.65
V beat_up      | -                          | 182 ASSAULT beat sv 0.75
V abuse        | -                          | 182 ASSAULT beat sv 0.55
V capture      | obj=ANY                    | 190 ASSAULT - sv 0.55
V retake       | -                          | 190 ASSAULT - sv 0.65
V overrun      | -                          | 190 ASSAULT - sv 0.65
N cleansing    | ethnic                     | 203 ASSAULT - sv 0.75
V massacre     | -                          | 202 ASSAULT targeted sv 0.8
V destroy      | -                          | 190 ASSAULT destroy sv 0.6
V blow_up      | -                          | 183 ASSAULT explosives sv 0.75
N attack       | cyber                      | 170 COERCE cyber sv 0.75
N warfare      | cyber                      | 170 COERCE cyber sv 0.7
N attack       | light=launch               | 190 ASSAULT - sv 0.85
N drone        | light=launch               | 190 ASSAULT drone sv 0.75
N missile      | light=launch               | 190 ASSAULT - sv 0.75
N rocket       | light=launch               | 190 ASSAULT heavy-weapons sv 0.7
N assault      | light=launch               | 190 ASSAULT - sv 0.8
N raid         | light=launch               | 190 ASSAULT - sv 0.75
N bombardment  | -                          | 194 ASSAULT heavy-weapons sv 0.7
N offensive    | -                          | 190 ASSAULT - sv 0.6
N operation    | light=launch;military      | 190 ASSAULT - sv 0.6
V storm        | obj=ANY                    | 190 ASSAULT - sv 0.6
V behead       | -                          | 1823 ASSAULT - sv 0.8
V torch        | -                          | 190 ASSAULT destroy sv 0.65
V set          | obj=fire;prep=to           | 190 ASSAULT destroy sv 0.6
V apprehend    | -                          | 173 COERCE arrest sv 0.75
V use          | as_shield                  | 184 ASSAULT abduct sv 0.75
V hold         | as_shield                  | 184 ASSAULT abduct sv 0.75
V close        | obj=airspace/market/port;prep=to | 163 SANCTION discontinue sv 0.65
V close        | obj=border/crossing/airspace/port/checkpoint | 191 COERCE restrict sv 0.6
N siege        | state                      | 1724 COERCE martial-law sv 0.7
N attack       | -                          | 190 ASSAULT - sv 0.65
N offensive    | light=launch               | 190 ASSAULT - sv 0.8
N strike       | air                        | 195 ASSAULT aerial sv 0.8
N airstrike    | -                          | 195 ASSAULT aerial sv 0.8
N bombing      | -                          | 183 ASSAULT explosives sv 0.7
N shelling     | -                          | 194 ASSAULT heavy-weapons sv 0.75
N clash        | -                          | 190 ASSAULT - recip 0.7
N invasion     | -                          | 190 ASSAULT - sv 0.75
N bomb         | car                        | 1832 ASSAULT explosives sv 0.75
N assassination| -                          | 186 ASSAULT targeted sv 0.75
"""


def _parse(table: str) -> dict[tuple[str, str], list[Sense]]:
    out: dict[tuple[str, str], list[Sense]] = {}
    for line in table.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, cond, rest = (p.strip() for p in line.split("|"))
        kind, lemma = head.split()
        conds = () if cond == "-" else tuple(
            tuple(c.split("=", 1)) if "=" in c else (c, "") for c in cond.split(";"))
        code, ptype, mode, frame, conf = rest.split()
        s = Sense(kind, lemma, conds, code, ptype, None if mode == "-" else mode, frame, float(conf))
        out.setdefault((kind, lemma), []).append(s)
    return out


SENSES = _parse(_TABLE)
VERB_LEMMAS = frozenset(l.split("_")[0] for k, l in SENSES if k == "V")
ADJ_LEMMAS = frozenset(l for k, l in SENSES if k == "A")
NOUN_LEMMAS = frozenset(l for k, l in SENSES if k == "N")

# CAMEO codes that are cooperative and whose future reading becomes AGREE (PLOVER manual, AGREE).
FUTURE_AS_AGREE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}
# Retreat announced for the future is a concession (PLOVER manual, CONCEDE).
FUTURE_AS_CONCEDE = {"RETREAT": "080"}

# Outer triggers that govern an inner action and take its content as their mode.
CONTENT_TAKERS = frozenset("REQUEST REJECT THREATEN AGREE PROTEST".split())
# conflictual types whose announced future (or pledged) form is a threat (PLOVER manual, THREATEN)
THREAT_CODES = {"SANCTION": "1312", "COERCE": "132", "ASSAULT": "138", "MOBILIZE": "138", "PROTEST": "133"}


def senses(kind: str, lemma: str) -> list[Sense]:
    return SENSES.get((kind, lemma), [])


def in_class(lemma: str, cls: str) -> bool:
    return lemma in CLASSES.get(cls, ())
