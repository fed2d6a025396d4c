"""Issue 13: ``triage diff`` on six hand-made edits, with the exact classes it reports."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from triage.cli.diff_report import describe, minimal_answers
from triage.cli.main import main
from triage.data.answers import parse
from triage.data.loader import load
from triage.rules.engine import decide
from triage.rules.model import Answer, Knowledge
from triage.rules.recommendation import recommend
from triage.verify import check
from triage.verify.diff import DiffReport, MunicipalityDiff, diff

DATE = datetime.date(2026, 11, 24)


def copy(
    tmp_path: Path, name: str, edit: Callable[[str], str] | None = None, flow: Callable[[str], str] | None = None
) -> Path:
    folder = tmp_path / name
    (folder / "flows").mkdir(parents=True)
    for f in ("intake.toml", "law.toml"):
        shutil.copy(ROOT / "flows" / f, folder / "flows" / f)
    text = (ROOT / "municipalities.toml").read_text(encoding="utf-8")
    (folder / "municipalities.toml").write_text(edit(text) if edit else text, encoding="utf-8")
    if flow is not None:
        intake = folder / "flows" / "intake.toml"
        intake.write_text(flow(intake.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def table_of(text: str, mid: str) -> tuple[int, int]:
    """Where municipality ``mid``'s tables stand in municipalities.toml: from ``[mid]`` to the
    next table of another municipality (a copy of its table under another ID is not touched)."""
    start = text.index(f"\n[{mid}]\n") + 1
    other = re.compile(rf"^\[\[?(?!\[|{re.escape(mid)}[.\]])", re.M)
    found = other.search(text, start)
    return start, found.start() if found else len(text)


def replaced(old: str, new: str, mid: str = "holbaek") -> Callable[[str], str]:
    """Replace ``old``, which must stand once in ``mid``'s table, there."""

    def edit(text: str) -> str:
        start, end = table_of(text, mid)
        table = text[start:end]
        assert table.count(old) == 1, old
        return text[:start] + table.replace(old, new) + text[end:]

    return edit


def in_holbaek(old: str, new: str) -> Callable[[str], str]:
    """Replace the first ``old`` in Holbæk's table."""

    def edit(text: str) -> str:
        start = text.index("\n[holbaek]\n")
        at = text.index(old, start)
        return text[:at] + new + text[at + len(old) :]

    return edit


def only(report: DiffReport, mid: str) -> MunicipalityDiff:
    """``mid`` changed; every other municipality is reported unchanged."""
    for m in report.municipalities:
        if m.id != mid:
            assert m.status == "same" and not m.changes, m.id
    found = next(m for m in report.municipalities if m.id == mid)
    assert found.status == "changed"
    assert sum(c.classes for c in found.changes) == found.changed
    return found


def old_conversations(k: Knowledge, m: MunicipalityDiff) -> list[tuple[dict[str, Answer], str, list[str]]]:
    """The classes the diff compared, with the old level and the IDs of the old rules that fire (an oracle)."""
    muni = k.municipalities[m.id]
    out = []
    for answers in check.conversations(k.flow, m.domains):
        decision = decide(k.flow, muni, {**answers, "municipality": m.id})
        assert decision.level is not None
        out.append((answers, decision.level, [r.id for r in decision.others]))
    return out


@pytest.fixture(scope="module")
def shipped() -> Knowledge:
    return load(ROOT)


def decided(m: MunicipalityDiff) -> list[tuple[tuple[str, str, object, object], ...]]:
    """The decided differences of each change (wording left out), as (item, field, before, after)."""
    out = []
    for c in m.changes:
        ds = tuple((str(d.key) if d.key.kind != "service_level" else "service_level", d.field, d.before, d.after)
                   for d in c.differences if not d.wording)  # fmt: skip
        if ds:
            out.append(ds)
    return out


def test_an_age_limit_moved(tmp_path: Path, shipped: Knowledge) -> None:
    """Holbæk's youth programme up to 27 instead of 25: ages 26-27 asking for treatment move to youth."""
    new = load(
        copy(
            tmp_path,
            "new",
            lambda t: replaced(
                "age >= 13 and age <= 25 and wants_treatment", "age >= 13 and age <= 27 and wants_treatment"
            )(replaced('when = "age >= 26 and wants_treatment"', 'when = "age >= 28 and wants_treatment"')(t)),
        )
    )
    m = only(diff(shipped, new, day=DATE), "holbaek")
    assert (m.changed - m.reworded, m.classes) == (480, 38188)
    assert decided(m) == [(("service_level", "", "outpatient", "youth_outpatient"),)] * 2
    # Elsewhere only the reasons move ("age 40 (≥ 26)" becomes "(≥ 28)"): reported, as wording.
    assert m.reworded > 0
    assert {d.field for c in m.changes if c.wording_only for d in c.differences} == {"because"}
    assert [describe(c, m, {"age": 120}) for c in m.changes if not c.wording_only] == [
        "acute_danger false, caller self, resident true, age 26–27, wants_treatment true, "
        # "ved ikke" about children is no answer when the person calls (allow_unknown): only yes
        # and no are compared, so they are named
        "substances cannabis | alcohol+cannabis, anonymous false, complex_needs false, "
        "children_at_home false | true, other answers any",
        "acute_danger false, caller professional, citizen_consents true, resident true, age 26–27, "
        "wants_treatment true, substances cannabis | alcohol+cannabis, anonymous false, complex_needs false, "
        "other answers any",
    ]
    # The oracle: exactly the old adult-outpatient classes aged 26-27.
    expected = [a for a, level, _ in old_conversations(shipped, m) if level == "outpatient" and a.get("age") == 26]
    assert len(expected) == m.changed - m.reworded
    # The minimal answers file is accepted by `recommend` and gives the new level on the new data.
    text = minimal_answers(
        m.changes[0], "holbaek", {"wants_treatment": True, "caller_under_18": False, "citizen_consents": True}, DATE
    )
    parsed = parse("diff.toml", text.encode(), new, DATE)
    assert recommend(new, "holbaek", parsed.values, DATE).level.id == "youth_outpatient"
    assert recommend(shipped, "holbaek", parsed.values, DATE).level.id == "outpatient"


def test_a_notification_removed(tmp_path: Path, shipped: Knowledge) -> None:
    rule = '[[holbaek.rules]]\nkind = "notification"\nid = "pregnancy_prenatal"\nto = "prenatal_care"\n'
    text = (ROOT / "municipalities.toml").read_text(encoding="utf-8")
    start = text.index(rule)
    end = text.index("[[holbaek.rules]]", start + 1)
    new = load(copy(tmp_path, "new", lambda t: t[:start] + t[end:]))
    m = only(diff(shipped, new, day=DATE), "holbaek")
    assert set(decided(m)) == {(("notification:prenatal_care", "", "prenatal_care", None),)}
    assert all(c.answers["pregnancy"] == ("self",) for c in m.changes)
    expected = [a for a, _, fired in old_conversations(shipped, m) if "pregnancy_prenatal" in fired]
    assert m.changed == len(expected) > 0


def test_a_deadline_changed(tmp_path: Path, shipped: Knowledge) -> None:
    new = load(
        copy(
            tmp_path,
            "new",
            in_holbaek('deadline = "treatment_start"\ndays = 14\n', 'deadline = "treatment_start"\ndays = 10\n'),
        )
    )
    m = only(diff(shipped, new, day=DATE), "holbaek")
    # The legal date moves by four days, and the step that books the treatment with it (to the
    # last working day on or before the new date: here, with 2026-11-24, a Monday to a Friday).
    for ds in decided(m):
        assert ds[0] == ("deadline:treatment_start", "days", 14, 10)
        assert [(d[0], d[1]) for d in ds[1:]] == [("next_step:book_intake", "due")]
    guaranteed = ("outpatient", "youth_outpatient", "intensive_assessment")
    expected = [a for a, level, _ in old_conversations(shipped, m) if level in guaranteed]
    assert m.changed - m.reworded == len(expected) > 0


def test_a_condition_widened(tmp_path: Path, shipped: Knowledge) -> None:
    """Holbæk's youth programme from 15 instead of 13: ages 13-14 fall outside the target group."""
    new = load(
        copy(
            tmp_path,
            "new",
            replaced(
                'when = "age < 13"\ntext = { da = "Ungebehandlingen er for unge fra 13',
                'when = "age < 15"\ntext = { da = "Ungebehandlingen er for unge fra 13',
            ),
        )
    )
    m = only(diff(shipped, new, day=DATE), "holbaek")
    assert all(c.answers["age"] == (13,) for c in m.changes if not c.wording_only)  # the class 13-14
    assert all(ds[0][0] == "service_level" and ds[0][3] == "outside_target_group" for ds in decided(m))
    rank = shipped.flow.rank
    expected = [
        a for a, level, _ in old_conversations(shipped, m)
        if a.get("age") == 13 and rank(level) > rank("outside_target_group")
    ]  # fmt: skip
    assert m.changed - m.reworded == len(expected) > 0


QUESTION = """
[[questions]]
id = "interpreter"
kind = "bool"
{default}when = "not acute_danger"
label = {{ da = "Er der brug for tolk?", en = "Is an interpreter needed?" }}
help = {{ da = "Tolk.", en = "Interpreter." }}
"""
STEP = """
[[holbaek.rules]]
kind = "step"
id = "book_interpreter"
when = "interpreter"
text = { da = "Bestil tolk.", en = "Book an interpreter." }
cite = [{ source = "holbaek2023", section = "Visitationsproceduren" }]
"""


def test_a_new_question(tmp_path: Path, shipped: Knowledge) -> None:
    """Without a default it is compared at each value: every class with an interpreter gains the step."""
    with_step = in_holbaek("\n[[holbaek.rules]]\n", STEP + "\n[[holbaek.rules]]\n")
    new = load(copy(tmp_path, "new", with_step, flow=lambda t: t + QUESTION.format(default="")))
    report = diff(shipped, new, day=DATE)
    assert [(n.question, n.change, n.compared_at) for n in report.flow] == [("interpreter", "added", "each value")]
    m = only(report, "holbaek")
    assert set(decided(m)) == {(("next_step:book_interpreter", "", None, "book_interpreter"),)}
    assert all(c.answers["interpreter"] == (True,) for c in m.changes)
    acute = 3 * 4  # acute danger: children at home (3 with ved ikke) x pregnancy (4), the question is not asked
    assert m.changed == (m.classes - acute) // 2
    assert all(o.compared and o.classes for o in report.municipalities)  # the flow changed: all compared

    at_default = load(
        copy(tmp_path, "default", with_step, flow=lambda t: t + QUESTION.format(default="default = false\n"))
    )
    report = diff(shipped, at_default, day=DATE)
    assert [(n.question, n.compared_at, n.values) for n in report.flow] == [("interpreter", "default", (False,))]
    assert not report.changed


def test_no_change(tmp_path: Path, shipped: Knowledge) -> None:
    """A copy: nothing to report (and nothing compared)."""
    report = diff(shipped, load(copy(tmp_path, "same")), day=DATE)
    assert not report.changed
    assert all(m.status == "same" and not m.compared for m in report.municipalities)


def test_a_wording_changed(tmp_path: Path, shipped: Knowledge) -> None:
    """A rule's text is what a counsellor reads: "no change" must mean the same recommendation,
    so a reworded offer is a change -- of wording only, where the offer is given."""
    edit = replaced("Læge i centret én gang om ugen", "Læge i centret hver uge")
    report = diff(shipped, load(copy(tmp_path, "wording", edit)), day=DATE)
    m = only(report, "holbaek")
    assert report.changed and m.changed == m.reworded > 0
    assert {(str(d.key), d.field) for c in m.changes for d in c.differences} == {("offer:medical_treatment", "words")}


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 0 no change, 1 changes, 2 unreadable; JSON and Markdown; --municipality."""
    same = copy(tmp_path, "same")
    assert main(["diff", str(same), str(ROOT)]) == 0
    changed = copy(
        tmp_path,
        "changed",
        replaced(
            'when = "age < 13"\ntext = { da = "Ungebehandlingen er for unge fra 13',
            'when = "age < 15"\ntext = { da = "Ungebehandlingen er for unge fra 13',
        ),
    )
    capsys.readouterr()
    assert main(["diff", str(ROOT), str(changed), "--format", "json", "--date", "2026-11-24"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["changed"] and [m["status"] for m in data["municipalities"]].count("changed") == 1
    assert main(["diff", str(ROOT), str(changed), "--municipality", "faxe"]) == 0
    assert main(["diff", str(ROOT), str(changed), "--format", "markdown"]) == 1
    assert "## holbaek:" in capsys.readouterr().out
    assert main(["diff", str(tmp_path / "nowhere"), str(changed)]) == 2
    assert main(["diff", str(ROOT), str(changed), "--municipality", "holbaak"]) == 2
    assert "did you mean 'holbaek'" in capsys.readouterr().err


def test_a_changed_range_is_a_change(tmp_path: Path, shipped: Knowledge) -> None:
    """Issue 22: the age question's max lowered: answers the old data took are refused now."""
    new = load(copy(tmp_path, "range", flow=lambda t: t.replace("min = 0\nmax = 120", "min = 0\nmax = 110", 1)))
    report = diff(shipped, new, day=DATE)
    assert report.changed
    assert [(n.question, n.change, n.values) for n in report.flow] == [("age", "range", (0, 120, 0, 110))]
