"""Contract v3's "ved ikke" at ``triage ask``'s prompts: v (or the words typed out) where the flow
allows it, and the result read out with its warning and its step to find out."""

from __future__ import annotations

from tests.tui.test_ask import SAVE_NO, ask
from triage.output.answer_keys import means_unknown
from triage.rules.model import Knowledge


def test_a_relative_who_knows_neither_the_age_nor_the_children_nor_a_pregnancy(knowledge: Knowledge) -> None:
    # acute n, relative, caller not under 18, resident, age typed out in words, children v, pregnancy v
    code, out = ask(knowledge, "npnyved ikke\rvv" + SAVE_NO)
    assert code == 0  # a refused answer would leave a question open when the keys run out: 130
    assert "Counselling for relatives" in out
    assert "It is not known whether children under 18 live with the person" in out
    assert "It is not known whether the person or their partner is pregnant" in out
    assert "Find out whether children under 18 live with the person" in out
    assert "Children and family unit" not in out  # not known is not yes: nobody to notify about yet


def test_the_person_cannot_answer_children_with_v(knowledge: Knowledge) -> None:
    """The person knows who lives with them: v is no answer, and the keys run out (130)."""
    code, out = ask(knowledge, "nsy40\ryc\rnnnnnv")
    assert code == 130
    assert "v = not known" not in out.split("Do children under 18 live with the person")[-1]


def test_a_psychiatric_disorder_not_known(knowledge: Knowledge) -> None:
    code, out = ask(knowledge, "nsy40\ryc\rnnnvnnn" + SAVE_NO)
    assert code == 0
    assert "Find out whether the person has a psychiatric disorder that needs treatment" in out
    assert "Integrated treatment in the region" not in out


def test_substances_not_known_are_never_alcohol_only(knowledge: Knowledge) -> None:
    # alcohol and v (which else, the caller cannot say): the drug questions follow, anonymity first
    code, out = ask(knowledge, "nsy40\ryav\rnnnnnnn" + SAVE_NO)
    assert code == 0
    assert "Refer to alcohol treatment" not in out
    assert "Outpatient treatment (SEL § 101)" in out


def test_the_words_for_not_known() -> None:
    for typed in ("v", "?", " V ", "ved ikke", "Ved  ikke", "don't know", "don\u2019t know", "not known"):
        assert means_unknown(typed), typed
    for typed in ("", "vv", "40", "ved", "no"):
        assert not means_unknown(typed), typed
