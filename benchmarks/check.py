"""How long `triage check`'s proof takes, against a naive enumeration of the same answers.

    .venv/bin/python benchmarks/check.py [--naive-seconds N]

Three measurements in one run:
1. the five shipped municipalities;
2. 98 generated municipalities, one per Danish municipality, each a shipped table with its
   age limits moved by -2..+2 years (so their answer classes differ);
3. the naive way for comparison: every raw answer set the flow can ask (ages 0-120, every
   non-empty set of substances, every flag), run through the same rules. It does not finish
   in any reasonable time, so it runs for --naive-seconds on one municipality and the
   total is extrapolated from its rate; the exact size of that answer space is counted
   from the classes (each class weighs the raw answers it stands for).
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import sys
import tempfile
import time
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from triage.data.loader import load  # noqa: E402
from triage.rules.conditions import Condition, ListLiteral, Literal  # noqa: E402
from triage.rules.engine import decide  # noqa: E402
from triage.rules.model import UNKNOWN, Answer, Knowledge, Municipality, Question  # noqa: E402
from triage.verify import check  # noqa: E402

DANISH_MUNICIPALITIES = """
Albertslund Allerød Assens Ballerup Billund Bornholm Brøndby Brønderslev Dragør Egedal Esbjerg Fanø
Favrskov Faxe Fredensborg Fredericia Frederiksberg Frederikshavn Frederikssund Furesø Faaborg-Midtfyn
Gentofte Gladsaxe Glostrup Greve Gribskov Guldborgsund Haderslev Halsnæs Hedensted Helsingør Herlev
Herning Hillerød Hjørring Holbæk Holstebro Horsens Hvidovre Høje-Taastrup Hørsholm Ikast-Brande Ishøj
Jammerbugt Kalundborg Kerteminde Kolding København Køge Langeland Lejre Lemvig Lolland Lyngby-Taarbæk
Læsø Mariagerfjord Middelfart Morsø Norddjurs Nordfyns Nyborg Næstved Odder Odense Odsherred Randers
Rebild Ringkøbing-Skjern Ringsted Roskilde Rudersdal Rødovre Samsø Silkeborg Skanderborg Skive Slagelse
Solrød Sorø Stevns Struer Svendborg Syddjurs Sønderborg Thisted Tønder Tårnby Vallensbæk Varde Vejen
Vejle Vesthimmerland Viborg Vordingborg Ærø Aabenraa Aalborg Aarhus
""".split()  # noqa: SIM905 - 98 names read better as text

AGE = re.compile(r"(\bage\s*(?:<=|>=|<|>|==|!=)\s*)(\d+)")


def ascii_id(name: str) -> str:
    name = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "_", unicodedata.normalize("NFKD", name)).strip("_")


def generated(folder: Path) -> Path:
    """A data folder with 98 municipalities made from the five shipped tables."""
    text = (ROOT / "municipalities.toml").read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=\[\w+\]\n)", text)  # the shipped tables, whatever they are
    tables = {re.match(r"\[(\w+)\]", b).group(1): b for b in blocks if re.match(r"\[(\w+)\]", b)}  # type: ignore[union-attr]
    bases = sorted(tables)
    out = []
    for i, name in enumerate(DANISH_MUNICIPALITIES):
        base = bases[i % len(bases)]
        shift = i % 5 - 2
        block = tables[base].replace(f"[{base}", f"[{ascii_id(name)}").replace(f"{base}.", f"{ascii_id(name)}.")
        block = re.sub(r'^name = ".*"$', f'name = "{name}"', block, count=1, flags=re.M)

        def moved(m: re.Match[str], shift: int = shift) -> str:
            return f"{m.group(1)}{max(int(m.group(2)) + shift, 1) if int(m.group(2)) != 18 else 18}"

        out.append(AGE.sub(moved, block))
    (folder / "flows").mkdir(parents=True)
    for f in ("intake.toml", "law.toml"):
        shutil.copy(ROOT / "flows" / f, folder / "flows" / f)
    (folder / "municipalities.toml").write_text("\n".join(out), encoding="utf-8")
    assert len(tomllib.loads((folder / "municipalities.toml").read_text(encoding="utf-8"))) == 98
    return folder


def full_domain(q: Question) -> list[Answer]:
    if q.kind == "bool":  # and "ved ikke" where the flow allows it (contract v3)
        return [False, True, *([UNKNOWN] if q.allow_unknown is not None else [])]
    if q.kind == "int":
        unknown: list[Answer] = [UNKNOWN] if q.allow_unknown is not None else []
        return [*range(q.minimum or 0, (q.maximum or 0) + 1), *unknown]
    values = [o.value for o in q.options]
    if q.kind == "choice":
        return list(values)
    return [tuple(v for i, v in enumerate(values) if mask >> i & 1) for mask in range(1, 1 << len(values))]


def raw_size(knowledge: Knowledge, muni: Municipality) -> int:
    """How many raw answer sets the flow can ask: each class weighted by the raw answers in it."""
    domains = check.domains_for(knowledge, muni)
    full = {q.id: full_domain(q) for q in knowledge.flow.questions}

    def weight(q: Question, rep: Answer) -> int:
        reps = domains[q.id]
        if len(reps) == 1:
            return len(full[q.id])
        if q.kind == "int":
            if rep == UNKNOWN:  # one raw answer, "unknown", is its own class
                return 1
            numbers = [r for r in reps if r != UNKNOWN]
            i = numbers.index(rep)
            upper = numbers[i + 1] if i + 1 < len(numbers) else (q.maximum or 0) + 1
            return int(upper) - int(rep)  # type: ignore[call-overload]
        return 1

    multi = next((q for q in knowledge.flow.questions if q.kind == "multi"), None)
    multi_weights: dict[Answer, int] = {}
    if multi is not None:  # a raw set's class, built as check.classes builds its representatives
        named = {
            v
            for cond in _conditions(knowledge, muni)
            for c in cond.comparisons()
            if multi.id in check._names(c)
            for side in (c.left, c.right)
            for v in (
                side.items if isinstance(side, ListLiteral) else (side.value,) if isinstance(side, Literal) else ()
            )
        }
        options = [o.value for o in multi.options]
        relevant, others = [v for v in options if v in named], [v for v in options if v not in named]
        for raw in full[multi.id]:
            rep = tuple(v for v in relevant if v in raw)  # type: ignore[operator]
            rep += (others[0],) if any(v in others for v in raw) else ()  # type: ignore[union-attr]
            multi_weights[rep] = multi_weights.get(rep, 0) + 1

    total = 0
    for answers in check.conversations(knowledge.flow, domains):
        n = 1
        for qid, value in answers.items():
            q = knowledge.flow.question(qid)
            assert q is not None
            n *= multi_weights.get(value, 1) if q.kind == "multi" and len(domains[qid]) > 1 else weight(q, value)
        total += n
    return total


def _conditions(knowledge: Knowledge, muni: Municipality) -> list[Condition]:
    return [
        *(q.when for q in knowledge.flow.questions),
        *(r.when for r in muni.rules),
        *(t.when for t in knowledge.law.to_check),
    ]


def naive(knowledge: Knowledge, muni: Municipality, seconds: float) -> tuple[int, float, bool]:
    """The same per-conversation work as the proof, over raw answers, until time runs out."""
    full = {q.id: full_domain(q) for q in knowledge.flow.questions}
    start = time.perf_counter()
    n = 0
    for answers in check.conversations(knowledge.flow, full):
        decide(knowledge.flow, muni, {**answers, "municipality": muni.id})
        n += 1
        if n % 2000 == 0 and time.perf_counter() - start > seconds:
            return n, time.perf_counter() - start, False
    return n, time.perf_counter() - start, True


def prove_all(knowledge: Knowledge, processes: int | None = None) -> tuple[int, float, int]:
    start = time.perf_counter()
    _, reports = check.verify(knowledge, processes)
    elapsed = time.perf_counter() - start
    findings = sum(len(r.findings) for r in reports)
    return sum(r.classes for r in reports), elapsed, findings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--naive-seconds", type=float, default=10.0)
    args = parser.parse_args()

    shipped = load(ROOT)
    classes5, seconds5, findings5 = prove_all(shipped)
    with tempfile.TemporaryDirectory() as tmp:
        many = load(generated(Path(tmp) / "data"))
        classes98, seconds98, findings98 = prove_all(many)  # as `triage check` runs it: a process per core
        _, sequential98, _ = prove_all(many, processes=1)

    muni = next(iter(shipped.municipalities.values()))
    done, spent, finished = naive(shipped, muni, args.naive_seconds)
    space = raw_size(shipped, muni)
    rate = done / spent
    one = space / rate
    print(f"{'':34}{'classes':>10}{'seconds':>10}{'findings':>10}")
    print(f"{'proof, 5 shipped municipalities':34}{classes5:>10,}{seconds5:>10.2f}{findings5:>10}")
    print(f"{'proof, 98 generated':34}{classes98:>10,}{seconds98:>10.2f}{findings98:>10}")
    print(f"{'  the same in one process':34}{classes98:>10,}{sequential98:>10.2f}"
          f"   ({os.cpu_count()} cores; {sequential98 / seconds98:.2f}x with workers)")  # fmt: skip
    print()
    print(f"naive, {muni.id}: {space:,} raw answer sets the flow can ask (the classes stand for all of them)")
    state = "finished" if finished else f"stopped after {spent:.1f} s"
    print(f"naive, {muni.id}: {done:,} done at {rate:,.0f}/s ({state}); all of them: {one / 60:,.1f} min")
    five, all98 = 5 * one, 98 * one
    print(f"naive, 5 municipalities (extrapolated): {five / 60:8,.1f} min   ratio {five / seconds5:,.0f}x the proof")
    print(
        f"naive, 98 (extrapolated):               {all98 / 3600:8,.1f} h     ratio {all98 / seconds98:,.0f}x the proof"
    )
    print(f"proof, per class: {seconds5 / classes5 * 1e6:.1f} µs; naive, per raw answer set: {1e6 / rate:.1f} µs")
    if not math.isfinite(one):
        raise SystemExit("no rate measured")


if __name__ == "__main__":
    main()
