"""The scenario library: every shipped scenario passes, the runner can fail, bad files are located."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from triage.cli.main import main
from triage.rules.errors import DataError
from triage.rules.model import Knowledge
from triage.training import scenarios


@pytest.fixture(scope="module")
def library(knowledge: Knowledge) -> scenarios.Library:
    return scenarios.load(knowledge)


def copy_data(tmp_path: Path) -> Path:
    """A data folder of our own to break: municipalities.toml and flows/, scenarios included."""
    dest = tmp_path / "data"
    dest.mkdir()
    shutil.copy(ROOT / "municipalities.toml", dest / "municipalities.toml")
    shutil.copytree(ROOT / "flows", dest / "flows")
    return dest


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in the file; returns its 1-based line number."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.count("\n", 0, at) + 1


def test_every_shipped_scenario_passes(knowledge: Knowledge, library: scenarios.Library) -> None:
    results = scenarios.run_all(knowledge, library)
    failures = [m.line(library.root) for r in results for m in r.mismatches]
    assert failures == []


def test_library_covers_the_contract(knowledge: Knowledge, library: scenarios.Library) -> None:
    found = library.scenarios
    assert len(found) >= 30
    assert {s.municipality for s in found} == set(knowledge.municipalities)
    # Every level that some municipality's rules can give (a level no standard uses, such as
    # alcohol_treatment today, is proved on a fixture in tests/unit/test_law_layer.py).
    given = {r.target for m in knowledge.municipalities.values() for r in m.rules if r.kind == "level"}
    assert {s.expected.service_level.id for s in found} == given
    kinds = {n.id for s in found for n in s.expected.notifications}
    assert kinds == {t.id for t in knowledge.flow.notifications}
    assert {s.difficulty for s in found} == {1, 2, 3}
    # Holbæk's age boundaries, both sides of each.
    holbaek_ages = {s.answers.get("age") for s in found if s.municipality == "holbaek"}
    assert {12, 13, 17, 18, 25, 26} <= holbaek_ages
    # The conflict: anonymity where a child may be at risk.
    conflict = [s for s in found if s.answers.get("anonymous") is True and s.answers.get("children_at_home") is True]
    assert conflict and all("child_welfare" in {n.id for n in s.expected.notifications} for s in conflict)
    for s in found:
        assert s.vignette.da and s.vignette.en and s.title.da and s.title.en


def test_every_level_is_reached_by_some_scenario(knowledge: Knowledge, library: scenarios.Library) -> None:
    """Each service level that some municipality's rules can give is the expected outcome of
    some scenario or check (a level no standard uses yet, such as alcohol_treatment, is proved
    on a fixture: tests/unit/test_law_layer.py)."""
    reached = {s.expected.service_level.id for s in library.every}
    given = {r.target for m in knowledge.municipalities.values() for r in m.rules if r.kind == "level"}
    assert [t.id for t in knowledge.flow.levels if t.id in given and t.id not in reached] == []


def test_every_municipality_has_scenarios(knowledge: Knowledge, library: scenarios.Library) -> None:
    """A municipality added to the data needs its scenarios: the message says where."""
    have = {s.municipality for s in library.every}
    missing = [mid for mid in knowledge.municipalities if mid not in have]
    assert not missing, "; ".join(
        f"municipality '{mid}' has no scenario: add flows/scenarios/{mid}.toml"
        " (see flows/scenarios/README.md), at least one call with what its standard prescribes"
        for mid in missing
    )


def test_checks_are_run_but_not_offered_for_training(knowledge: Knowledge, library: scenarios.Library) -> None:
    """`practice = false`: the standards' boundary cases are run by `scenarios test`, and training
    (the pool, `select`, `get`, a trainer's set) offers only the scenarios with a vignette."""
    assert library.checks and all(not s.practice for s in library.checks)
    assert all(s.practice and s.vignette.da for s in library.scenarios)
    ran = {r.scenario.id for r in scenarios.run_all(knowledge, library)}
    assert ran == {s.id for s in library.every} and {s.id for s in library.checks} <= ran
    check = library.checks[0]
    assert library.get(check.id) is None
    assert check not in library.select(municipality=check.municipality)


def test_a_check_is_compared_like_a_scenario(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A check's wrong expectation fails `scenarios test` with its line; a recipient, where the
    key gives one, must be the recommendation's exactly."""
    data = copy_data(tmp_path)
    file = data / "flows/scenarios/holbaek.toml"
    text = file.read_text(encoding="utf-8")
    start = text.index('id = "holbaek-case-age-13"')
    old = 'recipient = "Den Sociale Indgang"'
    line = text.count("\n", 0, text.index(old, start)) + 1
    file.write_text(text[:start] + text[start:].replace(old, 'recipient = "Den Sociale Udgang"', 1), encoding="utf-8")
    assert main(["scenarios", "test", "--data", str(data), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        f"flows/scenarios/holbaek.toml:{line}:3: holbaek-case-age-13: notifications.youth_social_services.recipient:"
        " expected 'Den Sociale Udgang', got 'Den Sociale Indgang'" in out
    )


def test_a_practice_scenario_needs_a_vignette(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = copy_data(tmp_path)
    file = data / "flows/scenarios/holbaek.toml"
    text = file.read_text(encoding="utf-8")
    start = text.index('id = "holbaek-case-adult"')
    file.write_text(text[:start] + text[start:].replace("practice = false\n", "", 1), encoding="utf-8")
    assert main(["scenarios", "test", "--data", str(data), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "holbaek-case-adult: a scenario for practice needs a vignette (or practice = false)" in err


# Words that name an outcome: a title that holds one tells the trainee the answer.
OUTCOME_WORDS = {
    "da": ["målgruppe", "behandling", "rådgivning", "henvis", "handleplan", "visitation", "frist", "garanti"],
    "en": ["target group", "treatment", "counselling", "refer", "action plan", "assessment", "deadline", "guarantee"],
}


def test_titles_do_not_give_the_answer_away(library: scenarios.Library) -> None:
    """Training shows the title before the trainee answers ('26 år: voksenbehandling' did).

    A title may say what the caller says (anonymous, pregnant, a relative); not what follows.
    """
    spoilers = [
        f"{sc.id} ({lang}): {word!r}"
        for sc in library.scenarios
        for lang in ("da", "en")
        for word in OUTCOME_WORDS[lang]
        if re.search(rf"{word}(?:en|er|erne|s)?\b", sc.title.get(lang).lower())  # also at the end of a compound
    ]
    assert spoilers == []


def test_cli_passes_on_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "test", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "0 failed" in out
    # Issue 11: the standard decides, the engine follows; no disagreement is left.
    assert "0 known disagreements" in out and "known disagreement:" not in out


def test_wrong_expected_value_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], library: scenarios.Library
) -> None:
    data = copy_data(tmp_path)
    file = data / "flows/scenarios/holbaek.toml"
    text = file.read_text(encoding="utf-8")
    start = text.index('id = "holbaek-age-26"')
    old = 'service_level = { id = "outpatient"'
    line = text.count("\n", 0, text.index(old, start)) + 1
    file.write_text(text[:start] + text[start:].replace(old, 'service_level = { id = "youth_outpatient"', 1))

    assert main(["scenarios", "test", "--data", str(data), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        f"flows/scenarios/holbaek.toml:{line}:1: holbaek-age-26: service_level:"
        " expected youth_outpatient, got outpatient" in out
    )
    n = len(library.every)  # the count grows with every scenario file; one fails
    assert out[-1].startswith(f"{n} scenarios: {n - 1} passed, 1 failed")


def test_wrong_deadline_and_missing_notification(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = copy_data(tmp_path)
    file = data / "flows/scenarios/gentofte.toml"
    line = edit(
        file,
        '{ id = "treatment_start", days = 14, section = "Særlige bemærkninger',
        '{ id = "treatment_start", days = 10, section = "Særlige bemærkninger',
    )
    note_line = edit(
        file,
        'notifications = [{ to = "child_welfare", section = "Barnets lov § 133 (underretning om det ufødte barn)" }]',
        "notifications = []",
    )
    assert main(["scenarios", "test", "--data", str(data), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        f"flows/scenarios/gentofte.toml:{note_line}:1: gentofte-pregnant: notifications:"
        " expected none, got child_welfare" in out
    )
    assert (
        f"flows/scenarios/gentofte.toml:{line}:14: gentofte-pregnant: deadlines.treatment_start:"
        " expected 2026-12-04 (10 days), got 2026-12-08 (14 days)" in out
    )


def test_disagreement_that_no_longer_holds_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = copy_data(tmp_path)
    file = data / "flows/scenarios/holbaek.toml"
    # A disagreement recorded for holbaek-age-26 (the scenario before holbaek-anonymous-adult),
    # claiming an engine answer that the engine does not give.
    text = file.read_text(encoding="utf-8")
    start = text.index('id = "holbaek-age-26"')
    text = text[:start] + text[start:].replace(
        'service_level = { id = "outpatient"', 'service_level = { id = "youth_outpatient"', 1
    )
    entry = '[[scenario.disagreements]]\nfield = "service_level"\nengine = "intensive_assessment"\nnote = "x"\n\n'
    at = text.index('[[scenario]]\nid = "holbaek-anonymous-adult"')
    file.write_text(text[:at] + entry + text[at:], encoding="utf-8")
    assert main(["scenarios", "test", "--data", str(data), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert (
        "holbaek-age-26: service_level: expected youth_outpatient,"
        " got outpatient (the listed disagreement says the engine gives intensive_assessment)" in out
    )


def test_gap_in_the_rules_fails_those_scenarios_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], library: scenarios.Library
) -> None:
    data = copy_data(tmp_path)
    # Holbæk's adult rule now starts at 27: a 26-year-old falls between the rules.
    edit(
        data / "municipalities.toml", 'when = "age >= 26 and wants_treatment"', 'when = "age >= 27 and wants_treatment"'
    )
    assert main(["scenarios", "test", "--data", str(data), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    gap = "service_level: expected outpatient, got none (no service level rule applies to these answers)"
    assert f"holbaek-age-26: {gap}" in out and f"holbaek-case-age-26: {gap}" in out  # the scenario and the check
    n = len(library.every)
    assert f"{n} scenarios: {n - 2} passed, 2 failed" in out


BAD = [
    (
        "unknown_answer",
        ("ishoj.toml", "pregnancy = ", "pregnant = "),
        "scenario[0].answers.pregnant: unknown answer (did you mean 'pregnancy'?)",
    ),
    (
        "wrong_type",
        ("ishoj.toml", "age = 12", 'age = "12"'),
        "scenario[0].answers.age: expected a whole number or 'unknown', got '12'",
    ),
    (
        "unknown_key",
        ("ishoj.toml", "difficulty = 2", "dificulty = 2"),
        "scenario[0].dificulty: unknown key 'dificulty' (did you mean 'difficulty'?)",
    ),
    (
        "unknown_topic",
        ("ishoj.toml", 'topics = ["youth", "age_limits"]', 'topics = ["yuoth"]'),
        "scenario[0].topics[0]: unknown topic 'yuoth' (did you mean 'youth'?)",
    ),
    (
        "unknown_level",
        ("ishoj.toml", 'id = "outside_target_group"', 'id = "outside_target"'),
        "scenario[0].expected.service_level.id: unknown service level 'outside_target'"
        " (did you mean 'outside_target_group'?)",
    ),
    (
        "missing_answer",
        ("ishoj.toml", 'parental_consent = "yes"\n', ""),
        "scenario[0].answers: missing answer 'parental_consent': the flow asks it for these answers",
    ),
    (
        "answer_not_asked",
        ("vallensbaek.toml", "resident = true\nage = 31\n", "resident = true\nage = 31\nanonymous = false\n"),
        "scenario[0].answers.anonymous: not asked for these answers; remove it",
    ),
    (
        "municipality_typo",
        ("ishoj.toml", 'municipality = "ishoj"', 'municipality = "ishoi"'),
        "scenario[0].municipality: unknown municipality 'ishoi' (did you mean 'ishoj'?)",
    ),
    (
        "duplicate_id",
        ("vallensbaek.toml", 'id = "vallensbaek-not-resident-pregnant"', 'id = "vallensbaek-relative"'),
        "scenario[1].id: duplicate scenario ID 'vallensbaek-relative' (also in flows/scenarios/vallensbaek.toml)",
    ),
    (
        "both_days_and_date",
        ("ishoj.toml", "days = 14, section", "days = 14, date = 2026-12-08, section"),
        "scenario[2].expected.deadlines[0]: give either days (after contact_date) or date",
    ),
    (
        "clue_not_quoted",
        ("ishoj.toml", 'clues.age = { da = "En dreng på 12"', 'clues.age = { da = "En pige på 12"'),
        "scenario[0].clues.age.da: 'En pige på 12' is not in the vignette (da); quote it exactly",
    ),
    (
        "defaulted_answer_missing",  # the default says "asks for treatment"; only the vignette may
        ("faxe.toml", "wants_treatment = true\n", ""),
        "scenario[0].answers: faxe-adult: missing answer 'wants_treatment': the flow asks it",
    ),
    (
        "caller_under_18_missing",
        ("faxe.toml", "caller_under_18 = false\n", ""),
        "answers: faxe-relative-other-municipality: missing answer 'caller_under_18'",
    ),
    (
        "clue_contradicts_key",  # "Jeg vil bare gerne snakke med nogen om det" is advice only
        ("faxe.toml", "wants_treatment = false", "wants_treatment = true"),
        "faxe-youth-no-consent: contradicts the key: the clue says »bare gerne snakke«, which answers false",
    ),
    (
        "vignette_contradicts_key",  # no clue for it: the vignette's words count
        ("holbaek.toml", 'parental_consent = "no"', 'parental_consent = "unknown"'),
        "holbaek-age-12: contradicts the key: the clue says »ved det ikke«, which answers 'no'; the key says 'unknown'",
    ),
    ("not_toml", ("ishoj.toml", 'id = "ishoj-age-12"', "id = ishoj-age-12"), "not valid TOML"),
]


@pytest.mark.parametrize(("change", "message"), [(c, m) for _, c, m in BAD], ids=[b[0] for b in BAD])
def test_bad_scenario_file_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str, str], message: str
) -> None:
    data = copy_data(tmp_path)
    name, old, new = change
    line = edit(data / "flows/scenarios" / name, old, new)
    assert main(["scenarios", "test", "--data", str(data)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith(f"flows/scenarios/{name}:")
    assert message in err[0]
    if name == "ishoj.toml" and "answers:" not in message and "TOML" not in message:
        assert err[0].startswith(f"flows/scenarios/{name}:{line}:")


def test_load_raises_every_problem_at_once(tmp_path: Path) -> None:
    from triage.data.loader import load

    data = copy_data(tmp_path)
    edit(data / "flows/scenarios/ishoj.toml", 'municipality = "ishoj"', 'municipality = "x"')
    edit(data / "flows/scenarios/faxe.toml", "difficulty = 1", "difficulty = 7")
    with pytest.raises(DataError) as err:
        scenarios.load(load(data))
    assert len(err.value.problems) == 2


def test_list_filters(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["scenarios", "list", "--municipality", "faxe", "--difficulty", "3", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "faxe-complex" in out and "faxe-youth-no-consent" in out
    assert "faxe-adult" not in out and "holbaek" not in out
    assert main(["scenarios", "list", "--topic", "pregnancy"]) == 0
    out = capsys.readouterr().out
    assert "gentofte-pregnant" in out and "Graviditet" in out and "ishoj-medical" not in out


def test_list_refuses_unknown_filter(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "list", "--topic", "pregnant", "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == (
        "--topic: unknown topic 'pregnant' (did you mean 'pregnancy'?) (topics: anonymity, children, pregnancy,"
        " youth, age_limits, medical, residence, relatives, alcohol, emergency, intensive, social, psychiatry,"
        " deadlines, professionals, advice)"
    )
    assert main(["scenarios", "list", "--municipality", "holbek", "--lang", "en"]) == 2
    assert "unknown municipality 'holbek' (did you mean 'holbaek'?)" in capsys.readouterr().err
    assert main(["scenarios", "list", "--topic", "pregnant"]) == 2  # Danish, the default
    danish = "--topic: ukendt emne 'pregnant' (mente du 'pregnancy'?) (emner: anonymity,"
    assert capsys.readouterr().err.startswith(danish)
    assert main(["scenarios", "list", "--municipality", "holbek"]) == 2
    assert "ukendt kommune 'holbek' (mente du 'holbaek'?)" in capsys.readouterr().err
