"""What to say, as data: a question's ``say`` as one text or as wordings with conditions, the
emergency screen's lines, and ``{municipality}`` in a question's wording (issues 19 and 20)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rich.console import Console

from tests.conftest import CONTACT, ROOT, answers
from triage.data.loader import load
from triage.output.condition_text import condition_sentence
from triage.output.render import status_label, to_markdown
from triage.output.richview import to_rich
from triage.rules.errors import DataError
from triage.rules.model import Knowledge
from triage.rules.placeholders import fill
from triage.rules.recommendation import recommend
from triage.rules.record import replace
from triage.tui.screens.citations import citations_table
from triage.verify.check import flow_findings


def edited(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the data with one edit of flows/intake.toml."""
    (tmp_path / "flows").mkdir()
    shutil.copy(ROOT / "municipalities.toml", tmp_path / "municipalities.toml")
    shutil.copy(ROOT / "flows" / "law.toml", tmp_path / "flows" / "law.toml")
    text = (ROOT / "flows" / "intake.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    (tmp_path / "flows" / "intake.toml").write_text(text.replace(old, new), encoding="utf-8")
    return tmp_path


ANONYMOUS_SAY = 'say = [\n  { when = "caller == \'professional\'"'


def test_the_first_wording_whose_condition_holds_is_said(knowledge: Knowledge) -> None:
    q = knowledge.flow.question("children_at_home")
    assert q is not None
    self_call = q.say(answers(anonymous=True))
    assert self_call is not None and "hvis du er anonym" in self_call.da
    named = q.say(answers())
    assert named is not None and "anonym" not in named.da  # anonymity declined: not offered again
    young = q.say(answers(age=16))
    assert young is not None and "bekymrede for dig" in young.da
    assert q.say(answers(caller="professional", citizen_consents=True)) is None
    assert q.say({"acute_danger": True}) is None


def test_one_text_is_said_on_every_call(tmp_path: Path) -> None:
    """The old form, ``say = { da, en }``, still loads: one wording for every call."""
    old = 'say = { da = "Du kan være anonym. Så skriver vi hverken dit navn eller dit CPR-nummer ned.", en = "x" }\n'
    text = (ROOT / "flows" / "intake.toml").read_text(encoding="utf-8")
    start = text.index(ANONYMOUS_SAY)
    end = text.index("]\n", start) + 2
    folder = edited(tmp_path, text[start:end], old)
    q = load(folder).flow.question("anonymous")
    assert q is not None and len(q.says) == 1
    said = q.say(answers(caller="professional", citizen_consents=True))
    assert said is not None and said.da.startswith("Du kan være anonym")


def test_a_wording_that_reads_a_later_answer_is_a_check_finding(tmp_path: Path) -> None:
    folder = edited(tmp_path, ANONYMOUS_SAY, 'say = [\n  { when = "complex_needs"')
    knowledge = load(folder)
    found = [p for p in flow_findings(knowledge, {q.id for q in knowledge.flow.questions}) if "say" in p.key]
    assert len(found) == 1
    assert found[0].key.endswith("say[0].when") and "complex_needs" in found[0].message and found[0].line


def test_a_wording_with_a_bad_condition_is_a_load_error(tmp_path: Path) -> None:
    folder = edited(tmp_path, ANONYMOUS_SAY, 'say = [\n  { when = "caller == "')
    with pytest.raises(DataError) as err:
        load(folder)
    assert "say[0].when" in str(err.value)


def test_the_emergency_lines_are_data(knowledge: Knowledge, tmp_path: Path) -> None:
    lines = [line.da for line in knowledge.flow.emergency_lines]
    assert any("112" in line for line in lines) and any("Giftlinjen 82 12 12 12" in line for line in lines)
    start = '# The emergency screen\'s first lines'
    text = (ROOT / "flows" / "intake.toml").read_text(encoding="utf-8")
    block = text[text.index(start) : text.index("]\n", text.index("emergency_lines")) + 2]
    assert load(edited(tmp_path, block, "")).flow.emergency_lines == ()  # optional


def test_a_placeholder_is_filled_or_reads_as_the_generic_word() -> None:
    assert fill("Bor i {municipality}", "da", "Faxe") == "Bor i Faxe"
    assert fill("Bor i {municipality}", "da", None) == "Bor i kommunen"
    assert fill("Lives in {municipality}", "en", None) == "Lives in the municipality"
    assert fill("Alder", "da", "Faxe") == "Alder"


def test_the_sources_screen_and_the_file_name_the_municipality(knowledge: Knowledge) -> None:
    rec = recommend(knowledge, "holbaek", answers(children_at_home=True), CONTACT, "da")  # a rule reads resident
    name = rec.municipality.name
    console = Console(width=200, color_system=None, record=True)
    console.print(citations_table(rec, knowledge.flow))
    shown = console.export_text()
    assert f"bor i {name}" in shown and "{municipality}" not in shown
    markdown = to_markdown(rec, knowledge.flow)
    assert f"Bor personen, samtalen handler om, i {name} –" in markdown and "{municipality}" not in markdown
    sentence = condition_sentence("resident", knowledge.flow, "en", name)
    assert sentence == f"lives in {name}"


def test_the_file_title_does_not_repeat_the_status(knowledge: Knowledge) -> None:
    """Issue 20, point 8: the title names the municipality; the status stands once, on the
    standard's own line (and in the warnings, for a draft or outdated standard)."""
    rec = recommend(knowledge, "holbaek", answers(), CONTACT, "da")
    m = rec.municipality
    for status in ("current", "draft", "outdated"):
        changed = replace(rec, municipality=replace(m, standard=replace(m.standard, status=status)))
        markdown = to_markdown(changed, knowledge.flow)
        label = status_label(changed)
        assert markdown.splitlines()[0].endswith(m.name)
        assert markdown.count(f"({label})") == 1


def test_a_long_alternative_wraps_under_its_heading(knowledge: Knowledge) -> None:
    """Found in the trial at 80x24: "Underretninger og inddragelse: …" wrapped to the panel's edge."""
    rec = recommend(knowledge, "holbaek", answers(age=15, parental_consent="no"), CONTACT, "da")
    assert rec.alternatives
    console = Console(width=80, color_system=None, record=True)
    console.print(to_rich(rec, knowledge.flow))
    lines = console.export_text().splitlines()
    start = next(i for i, line in enumerate(lines) if "Med forældresamtykke" in line)
    end = next(i for i in range(start, len(lines)) if lines[i].lstrip("│ ").startswith("╰"))
    body = [line.strip("│").rstrip(" │") for line in lines[start + 1 : end]]
    assert body and all(line.startswith("   ") for line in body if line.strip()), body
