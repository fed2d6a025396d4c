"""Does a scenario's clue say what its answer key says? Words that give an answer away.

A key written by hand drifts from its vignette: the caller says "Jeg vil bare gerne snakke
med nogen om det" and the key says (or its default says) that they ask for treatment.
``flows/scenarios/signals.toml`` lists, per question and answer, the words a caller uses
for that answer. A scenario contradicts itself when the words for another answer stand in
the clue for that question (or, without a clue, in the vignette) and the words for the
keyed answer do not. An age clue must name the keyed age when it names a number at all.

Data, not code: a phrase that misleads is removed from the file, never special-cased here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from triage.data.loader import SourceFile, convert, read_toml
from triage.data.schema import Struct
from triage.rules.errors import Problem, suggestion
from triage.rules.model import Answer, Flow

SIGNALS_FILE = "flows/scenarios/signals.toml"


class SignalSpec(Struct, frozen=True, kw_only=True):
    question: str
    answer: bool | str
    da: list[str]
    en: list[str]


class SignalsFile(Struct, frozen=True, kw_only=True):
    signal: list[SignalSpec]


@dataclass(frozen=True)
class Signal:
    question: str
    answer: bool | str
    words: Mapping[str, tuple[str, ...]]  # language -> phrases, case-folded


def load(root: Path, flow: Flow, problems: list[Problem]) -> tuple[Signal, ...]:
    """The signals of a data folder (none when it has no signals file)."""
    if not (root / SIGNALS_FILE).is_file():
        return ()
    read = read_toml(root, SIGNALS_FILE, problems)
    if read is None:
        return ()
    source, raw = read
    spec = convert(source, raw, SignalsFile, problems)
    if spec is None:
        return ()
    checked = [_checked(source, i, s, flow, problems) for i, s in enumerate(spec.signal)]
    return tuple(s for s in checked if s is not None)


def _checked(source: SourceFile, i: int, spec: SignalSpec, flow: Flow, problems: list[Problem]) -> Signal | None:
    q = flow.question(spec.question)
    if q is None:
        known = [x.id for x in flow.questions]
        problems.append(
            source.problem(("signal", i, "question"), f"unknown question{suggestion(spec.question, known)}")
        )
        return None
    values: list[bool | str] = [True, False] if q.kind == "bool" else [o.value for o in q.options]
    if spec.answer not in values or isinstance(spec.answer, bool) != (q.kind == "bool"):
        problems.append(
            source.problem(
                ("signal", i, "answer"), f"not an answer of '{q.id}' (answers: {', '.join(map(str, values))})"
            )
        )
        return None
    return Signal(q.id, spec.answer, {"da": _folded(spec.da), "en": _folded(spec.en)})


def _folded(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(" ".join(w.casefold().split()) for w in words if w.strip())


def _found(text: str, words: Sequence[str]) -> str | None:
    folded = " ".join(text.casefold().split())
    return next((w for w in words if w in folded), None)


def contradictions(
    signals: Sequence[Signal],
    answers: Mapping[str, Any],
    clues: Mapping[str, Mapping[str, str]],
    vignette: Mapping[str, str],
) -> list[tuple[str, str, str]]:
    """(answer key, language, message) for each place where the words say another answer than the key."""
    out: list[tuple[str, str, str]] = []
    for key, keyed in answers.items():
        for lang in ("da", "en"):
            where = "clue" if key in clues else "vignette"
            text = clues[key][lang] if key in clues else vignette[lang]
            if key == "age" and key in clues and isinstance(keyed, int):
                numbers = [int(n) for n in re.findall(r"\d+", text)]
                if numbers and keyed not in numbers:
                    out.append((key, lang, f"the clue names {numbers[0]}, the key says {keyed}"))
                continue
            mine = [s for s in signals if s.question == key]
            if any(_found(text, s.words[lang]) for s in mine if _same(s.answer, keyed)):
                continue
            for s in mine:
                hit = _found(text, s.words[lang]) if not _same(s.answer, keyed) else None
                if hit is not None:
                    said = f"the {where} says »{hit}«, which answers {_show(s.answer)}"
                    out.append((key, lang, f"{said}; the key says {_show(keyed)}"))
                    break
            if out and out[-1][0] == key:
                break  # one line per answer: Danish first, English only when Danish is clean
    return out


def _same(a: Answer | bool | str, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"'{value}'"
