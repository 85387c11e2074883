"""The CAMEO / PLOVER codebooks shipped in the project (no ../shared needed)."""
from __future__ import annotations

import pytest

from communique import codebook as cb
from communique.model import Cameo


def test_all_311_cameo_codes_present():
    codes = cb.cameo_codes()
    assert len(codes) == 311
    assert len(set(codes)) == 311
    assert sum(1 for c in codes if len(c) == 2) == 20


@pytest.mark.parametrize("code,root,goldstein,quad", [
    ("042", "04", 1.9, 1),
    ("043", "04", 2.8, 1),
    ("036", "03", 4.0, 1),
    ("051", "05", 3.4, 1),
    ("057", "05", 8.0, 1),
    ("0311", "03", 5.2, 1),
    ("061", "06", 6.4, 2),
    ("073", "07", 7.4, 2),
    ("112", "11", -2.0, 3),
    ("1041", "10", -5.0, 3),
    ("138", "13", -7.0, 3),
    ("141", "14", -6.5, 4),
    ("163", "16", -8.0, 4),
    ("190", "19", -10.0, 4),
    ("2042", "20", -10.0, 4),
])
def test_cameo_values(code, root, goldstein, quad):
    c = cb.cameo(code)
    assert isinstance(c, Cameo)
    assert (c.code, c.root, c.goldstein, c.quad_class) == (code, root, goldstein, quad)


@pytest.mark.parametrize("code,fragment", [
    ("044", "Meet at a third location"),
    ("042", "Make a visit"),
    ("043", "Host a visit"),
    ("041", "telephone"),
    ("057", "Sign formal agreement"),
    ("018", "empathetic"),
])
def test_cameo_names(code, fragment):
    assert fragment in cb.cameo_name(code)


def test_name_044_has_no_broken_characters():
    assert cb.cameo_name("044") == "Meet at a third location"
    assert all(ord(ch) < 128 for ch in cb.cameo_name("044"))


@pytest.mark.parametrize("bad", ["999", "", "0x1", "21", "0445"])
def test_unknown_cameo_code_raises(bad):
    assert not cb.is_cameo(bad)
    with pytest.raises(KeyError):
        cb.cameo(bad)


def test_plover_types_modes_contexts():
    assert len(cb.PLOVER_TYPES) == 16
    assert set(cb.PLOVER_TYPES) == {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
        "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    assert len(cb.PLOVER_CONTEXTS) == 37
    assert len(set(cb.PLOVER_CONTEXTS)) == 37
    for ctx in ("diplomatic", "economic", "technology", "military", "human_security", "pro_democracy"):
        assert ctx in cb.PLOVER_CONTEXTS
    assert cb.PLOVER_MODES["CONSULT"] == ("visit", "third-party", "multilateral", "phone")
    assert cb.PLOVER_MODES["AGREE"] == ()
    assert "targeted" in cb.PLOVER_MODES["ASSAULT"]


@pytest.mark.parametrize("code,expected", [
    ("042", ("CONSULT", "visit", ())),
    ("043", ("CONSULT", "visit", ())),
    ("041", ("CONSULT", "phone", ())),
    ("044", ("CONSULT", "third-party", ())),
    ("036", ("AGREE", None, ("diplomatic",))),
    ("0311", ("AGREE", None, ("economic",))),
    ("057", ("SUPPORT", None, ("diplomatic",))),
    ("061", ("COOPERATE", None, ("economic",))),
    ("081", ("CONCEDE", None, ("legal",))),
    ("0841", ("RETREAT", "release", ("legal",))),
    ("091", ("ACCUSE", "investigate", ("crime", "corruption"))),
    ("1121", ("ACCUSE", "allege", ("crime", "corruption"))),
    ("163", ("COERCE", "restrict", ("diplomatic",))),
    ("166", ("SANCTION", "expel", ("diplomatic",))),
    ("186", ("ASSAULT", "targeted", ())),
    ("0811", ("CONCEDE", None, ("pro_democracy",))),
    ("0333", ("AGREE", None, ("human_security",))),
])
def test_cameo_to_plover(code, expected):
    assert cb.plover_for(code) == expected


@pytest.mark.parametrize("code,ptype", [("018", "SUPPORT"), ("016", "REJECT"), ("020", "REQUEST"),
                                        ("0233", "REQUEST"), ("026", "REQUEST")])
def test_extension_for_codes_plover_drops(code, ptype):
    assert cb.plover_for(code)[0] == ptype
    assert cb.cameo_entry(code).plover_source.startswith("communique-extension")


@pytest.mark.parametrize("code", ["010", "011", "012", "013", "014", "017"])
def test_pure_statements_have_no_plover_type(code):
    assert cb.plover_for(code) == (None, None, ())


def test_every_mapping_uses_manual_vocabulary():
    for code in cb.cameo_codes():
        t, mode, ctxs = cb.plover_for(code)
        if t is None:
            continue
        assert t in cb.PLOVER_TYPES, code
        assert mode is None or mode in cb.PLOVER_MODES[t], (code, mode)
        assert all(c in cb.PLOVER_CONTEXTS for c in ctxs), (code, ctxs)


@pytest.mark.parametrize("ptype,quad", [
    ("AGREE", 1), ("CONSULT", 1), ("SUPPORT", 1), ("CONCEDE", 1), ("COOPERATE", 2), ("AID", 2),
    ("RETREAT", 2), ("REQUEST", 3), ("ACCUSE", 3), ("REJECT", 3), ("THREATEN", 3), ("PROTEST", 4),
    ("SANCTION", 4), ("MOBILIZE", 4), ("COERCE", 4), ("ASSAULT", 4), ("consult", 1),
])
def test_quad_class_of_plover(ptype, quad):
    assert cb.quad_class_of_plover(ptype) == quad


@pytest.mark.parametrize("ptype,mode,score", [
    ("AGREE", None, 2.5), ("CONSULT", None, 2.5), ("CONSULT", "visit", 4.0), ("CONSULT", "phone", 1.5),
    ("COOPERATE", None, 9.5), ("AID", None, 10.0), ("ACCUSE", None, -3.0), ("ACCUSE", "allege", -3.5),
    ("ASSAULT", None, -9.0), ("ASSAULT", "unconventional", -10.0), ("REQUEST", None, 0.0),
    ("SANCTION", "expel", -5.5), ("CONSULT", "no-such-mode", 2.5),
])
def test_plover_score(ptype, mode, score):
    assert cb.plover_score(ptype, mode) == score


def test_scores_order_cooperation_above_conflict():
    coop = [cb.plover_score(t) for t in cb.PLOVER_TYPES if cb.quad_class_of_plover(t) <= 2]
    conf = [cb.plover_score(t) for t in cb.PLOVER_TYPES if cb.quad_class_of_plover(t) == 4]
    assert min(coop) > max(conf)


@pytest.mark.parametrize("bad", ["FIGHT", "DEMAND", ""])
def test_unknown_plover_type_raises(bad):
    with pytest.raises(KeyError):
        cb.quad_class_of_plover(bad)
    with pytest.raises(KeyError):
        cb.plover_score(bad)


@pytest.mark.parametrize("ptype,mode,context,code", [
    ("CONSULT", "phone", None, "041"), ("CONSULT", "visit", None, "042"), ("CONSULT", None, None, "040"),
    ("AGREE", None, None, "030"), ("AGREE", None, "economic", "0311"), ("ACCUSE", None, None, "110"),
    ("ASSAULT", None, None, "190"), ("SANCTION", "expel", None, "166"), ("SUPPORT", None, None, "050"),
])
def test_default_cameo(ptype, mode, context, code):
    got = cb.default_cameo(ptype, mode, context)
    assert got == code
    assert cb.plover_for(got)[0] == ptype


def test_codebook_files_name_their_sources():
    from importlib import resources
    base = resources.files("communique").joinpath("data", "codebook")
    tsv = base.joinpath("cameo.tsv").read_text(encoding="utf-8")
    assert "GDELT" in tsv and "CC BY-SA 4.0" in tsv and "MIT" in tsv
    js = base.joinpath("plover.json").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in js and "_source" in js
