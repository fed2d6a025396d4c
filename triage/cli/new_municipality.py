"""``triage new-municipality ID --name NAME``: add a municipality as data, and prove it loads.

The text is appended (``triage.data.new_municipality``); then the whole data folder is
loaded again, scenarios included, and anything that does not load is taken back, so a
refused or failed run leaves the folder as it was. Refusals are one line and exit 2.
"""

from __future__ import annotations

from pathlib import Path

from triage.data import new_municipality
from triage.data.knowledge import load_knowledge
from triage.data.loader import load
from triage.data.paths import MUNICIPALITIES_FILE
from triage.output.i18n import t
from triage.rules.errors import DataError, Exit, Problem, TriageError
from triage.rules.model import Lang
from triage.rules.printable import excerpt


def run(data: str | None, mid: str, name: str | None, lang: Lang) -> int:
    knowledge = load_knowledge(data)
    refused = new_municipality.refusal(knowledge, mid, name)
    if refused is not None:
        key, values = refused
        shown = {k: excerpt(v) for k, v in values.items()}
        raise TriageError(Problem("new-municipality", "", t(key, lang, **shown)))
    assert name is not None  # refusal() checked it
    table, scenario = new_municipality.texts(knowledge, mid, name)
    root = Path(knowledge.root)
    try:
        written = new_municipality.write(root, mid, table, scenario)
    except OSError as err:
        message = t("nm_cannot_write", lang, reason=err.strerror or err)
        raise TriageError(Problem(MUNICIPALITIES_FILE, "", message)) from None
    try:
        from triage.training import scenarios

        scenarios.load(load(root))
    except DataError as err:
        written.roll_back()
        first = err.problems[0] if err.problems else Problem(MUNICIPALITIES_FILE, "", "?")
        raise TriageError(Problem(first.file, first.key, t("nm_rolled_back", lang, problem=first.message),
                                  first.line, first.column)) from None
    print(
        t("nm_done", lang, id=mid, file=MUNICIPALITIES_FILE, line=written.first_line,
          scenarios=new_municipality.scenario_file(mid))
    )
    return Exit.OK
