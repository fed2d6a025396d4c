"""What ``triage train`` offers: the pool of scenarios (--topic, --set, --retry) and the trainee's name.

The name is asked once, at the terminal before the training screen starts, and kept in the
progress database for the trainer's report; ``--trainee`` changes it. Anything that looks
like a CPR number is refused (``progress.check_trainee``).
"""

from __future__ import annotations

import sys

from triage.output.i18n import t
from triage.rules.model import Lang
from triage.training import progress, sets
from triage.training.scenarios import Library, Scenario

ASK_TRIES = 3


def pool(
    library: Library,
    municipality: str | None,
    difficulty: int | None,
    topic: str | None,
    set_file: str | None,
    retry: bool,
) -> tuple[Scenario, ...]:
    """The scenarios to offer, in the set's order when there is a set; ``DataError`` for a bad set file."""
    chosen = library.select(municipality=municipality, difficulty=difficulty, topic=topic)
    if set_file is not None:
        wanted = sets.load(set_file, library).scenarios
        chosen = tuple(s for s in wanted if s in chosen)
    if retry:
        last = progress.last_scores()
        chosen = tuple(s for s in chosen if last.get(s.id, 100) < 100)
    return chosen


def keep_trainee(name: str, lang: Lang) -> None:
    """``--trainee NAME``: checked (``TraineeError`` is one line, exit 2) and kept."""
    kept = progress.set_trainee(name)
    print(t("tr_trainee_kept", lang, name=kept), file=sys.stderr)


def ask_trainee_once(lang: Lang) -> None:
    """Ask the name when none is kept yet; an empty answer or end of input skips it (asked next time)."""
    if progress.trainee() is not None:
        return
    for _ in range(ASK_TRIES):
        try:
            answer = input(t("tr_trainee_prompt", lang))
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)
            return
        if not answer.strip():
            return
        try:
            keep_trainee(answer, lang)
            return
        except progress.TraineeError as err:
            print(err.problems[0].message, file=sys.stderr)
