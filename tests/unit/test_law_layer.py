"""Issue 18: the law as a base layer. A municipality with no rules gets the law's answer; what a
real standard says can be written (alcohol treatment, rights, a named provider, an unconfirmed
recipient, a web page known to the month); the contact date chooses the rules in force.

Each test writes a small data folder (the shipped flow and law, one fixture municipality), so
none of them moves when a real standard is edited.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tests.fixtures.data import BARE
from tests.unit.test_check import make_data, run_check
from triage.data.loader import load
from triage.rules.errors import DataError
from triage.rules.recommendation import recommend

DAY = datetime.date(2026, 12, 3)  # a Thursday
ADULT = {
    "acute_danger": False, "caller": "self", "resident": True, "age": 40, "wants_treatment": True,
    "substances": ("cannabis",), "anonymous": False, "other_social_problems": False,
    "seeks_medical_treatment": False, "psychiatric_disorder": False, "complex_needs": False,
    "children_at_home": False, "pregnancy": "none",
}  # fmt: skip
ALCOHOL = {**ADULT, "substances": ("alcohol",)}


def bare(tmp_path: Path, extra: str = "") -> Path:
    return make_data(tmp_path, BARE + extra)


def test_the_law_alone_answers_a_call(tmp_path: Path) -> None:
    k = load(bare(tmp_path))
    rec = recommend(k, "bareby", ADULT, DAY)
    assert rec.level.id == "outpatient" and rec.level.role == "treatment"
    assert rec.deadlines == {"treatment_start": DAY + datetime.timedelta(days=14)}
    assert {c.source for c in rec.citations} == {None}  # the law's citations only
    assert [r.id for r in rec.rights] == ["free_choice", "complaint_access", "payment"]
    assert any(w.id == "standard_draft" for w in rec.warnings)


def test_alcohol_treatment_where_the_centre_treats_alcohol(tmp_path: Path) -> None:
    rule = (
        '\n[[bareby.rules]]\nkind = "level"\nid = "alcohol_only"\nlevel = "alcohol_treatment"\n'
        'when = "substances == [\'alcohol\']"\ntext = { da = "Centret behandler alkohol.", en = "x" }\n'
        'cite = [{ source = "std", section = "Alkohol", law = "SUL § 141" }]\n'
    )
    # The law's step for a referral (help to another provider) is dead here: check says so, and the
    # standard sets it aside.
    assert "national rule 'alcohol_contact' never applies in Bareby" in run_check(bare(tmp_path, rule))[2]
    folder = make_data(
        tmp_path / "aside", BARE.replace('standard = "std"', 'standard = "std"\nreplaces = ["alcohol_contact"]') + rule
    )
    assert run_check(folder)[0] == 0
    k = load(folder)
    rec = recommend(k, "bareby", {**ALCOHOL, "anonymous": True}, DAY)
    assert rec.level.id == "alcohol_treatment"
    assert rec.deadlines == {"treatment_start": DAY + datetime.timedelta(days=14)}  # SUL § 141, anonymous too
    assert {r.id for r in rec.rights} == {"free_choice", "payment", "anonymity"}  # SUL § 141: told, not a step
    assert rec.answers["anonymous"] is True  # asked of an alcohol-only caller (contract version 3)


def test_an_alcohol_only_file_written_before_version_3_still_reads(tmp_path: Path) -> None:
    k = load(bare(tmp_path))
    older = {key: value for key, value in ALCOHOL.items() if key != "anonymous"}
    rec = recommend(k, "bareby", older, DAY, not_known=("anonymous",))
    assert rec.level.id == "alcohol_referral"
    assert any(w.id == "not_known:anonymous" for w in rec.warnings)


def test_a_rule_in_force_only_from_its_date(tmp_path: Path) -> None:
    rule = (
        '\n[[bareby.rules]]\nkind = "step"\nid = "new_rule"\nwhen = "true"\nsince = 2027-01-01\n'
        'text = { da = "Ny regel.", en = "New rule." }\ncite = [{ source = "std", section = "Ny" }]\n'
    )
    k = load(bare(tmp_path, rule))
    assert "new_rule" not in {s.id for s in recommend(k, "bareby", ADULT, DAY).steps}
    assert "new_rule" in {s.id for s in recommend(k, "bareby", ADULT, datetime.date(2027, 1, 4)).steps}


def test_a_standard_past_its_period_on_the_contact_date(tmp_path: Path) -> None:
    folder = make_data(tmp_path, BARE.replace('status = "draft"', 'status = "current"\nvalid_until = "2026-06"'))
    k = load(folder)
    assert k.municipalities["bareby"].standard.valid_until == datetime.date(2026, 6, 30)  # the month's last day
    before = recommend(k, "bareby", ADULT, datetime.date(2026, 6, 30))
    after = recommend(k, "bareby", ADULT, DAY)
    assert not any(w.id.startswith("standard_") for w in before.warnings)
    (expired,) = [w for w in after.warnings if w.id == "standard_outdated"]
    assert "30.06.2026" in expired.text


def test_a_web_page_known_to_the_year(tmp_path: Path) -> None:
    source = '\nurl = "https://example.dk/rusmidler"\nkind = "web_page"\nexcerpt = true\napproved = "2024"\n'
    k = load(make_data(tmp_path, BARE.replace('status = "draft"', 'status = "current"' + source)))
    src = k.municipalities["bareby"].standard
    assert (src.kind, src.url, src.excerpt, src.approved, src.approved_as) == (
        "web_page", "https://example.dk/rusmidler", True, datetime.date(2024, 1, 1), "2024",
    )  # fmt: skip


@pytest.mark.parametrize("bad", ['"2024-13"', '"juni 2024"', "2024"])
def test_a_date_that_is_not_one_is_refused_at_its_line(tmp_path: Path, bad: str) -> None:
    folder = make_data(tmp_path, BARE.replace('status = "draft"', f'status = "current"\napproved = {bad}'))
    with pytest.raises(DataError) as err:
        load(folder)
    assert "bareby.sources.std.approved" in str(err.value) and "YYYY-MM" in str(err.value)


def test_an_unconfirmed_recipient_is_a_note_and_a_warning(tmp_path: Path) -> None:
    folder = make_data(
        tmp_path,
        BARE.replace(
            'child_welfare = "Familieafdelingen"', 'child_welfare = { name = "Familieafdelingen", confirmed = false }'
        ),
    )
    code, _, err = run_check(folder)
    assert code == 0 and "bareby.recipients.child_welfare: recipient 'Familieafdelingen'" in err
    rec = recommend(load(folder), "bareby", {**ADULT, "children_at_home": True}, DAY)
    (warning,) = [w for w in rec.warnings if w.id == "recipient_unconfirmed"]
    assert "Familieafdelingen" in warning.text


def test_the_provider_a_standard_names(tmp_path: Path) -> None:
    rule = (
        '\n[[bareby.rules]]\nkind = "level"\nid = "outpatient"\nlevel = "outpatient"\nprovider = "KABS"\n'
        'when = "wants_treatment and age >= 18"\ntext = { da = "Hos KABS.", en = "At KABS." }\n'
        'cite = [{ source = "std", section = "Leverandør" }]\n'
    )
    k = load(bare(tmp_path, rule))
    assert recommend(k, "bareby", ADULT, DAY).level.provider == "KABS"
