"""``triage check --standards DIR``: every cited section is a heading of its standard's text.

A citation a counsellor cannot find in the standard is no citation: "Ungebehandlnig" and
"SEL § 10l" passed the proof, which reads the rules, not the texts. This check reads the
texts (the standards' ``.txt`` files in DIR, named by each source's ``file``; they stay
out of the repository) and names each citation whose section is not a heading there, at
the citation's own line, with the heading it most likely means.

A source without a ``file`` (a web page) or whose file is not in DIR cannot be read: its
citations are listed as not verified, which is no finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from triage.data.files import read_bounded
from triage.data.loader import key_string, resolve
from triage.rules.errors import Problem
from triage.rules.model import Citation, Knowledge, Location, Municipality, Rule
from triage.verify import sections

MAX_STANDARD_BYTES = 4 * 1024 * 1024  # the five texts are under 40 KB each

Reason = Literal["no_file", "missing", "unreadable"]


@dataclass(frozen=True)
class Unverified:
    """A source whose citations could not be read against a text, and why."""

    municipality: str
    source: str
    file: str | None
    reason: Reason
    citations: int

    def to_json(self) -> dict[str, str | int | None]:
        return {
            "municipality": self.municipality,
            "source": self.source,
            "file": self.file,
            "reason": self.reason,
            "citations": self.citations,
        }


@dataclass
class Result:
    """What ``--standards`` found: findings (exit 1), the sources not verified, and a count."""

    folder: str
    findings: list[Problem] = field(default_factory=list)
    unverified: list[Unverified] = field(default_factory=list)
    verified: int = 0  # citations read against a heading


def _own_citations(muni: Municipality) -> list[tuple[Rule, int, Citation]]:
    """The citations of a standard in this municipality's own rules (national rules cite law only)."""
    return [
        (r, j, c)
        for r in muni.rules
        if r.origin == muni.id
        for j, c in enumerate(r.cites)
        if c.source in muni.sources
    ]


class _Texts:
    """Each standard's headings, read once per file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cache: dict[str, list[str] | Reason] = {}

    def titles(self, file: str) -> list[str] | Reason:
        if file not in self.cache:
            self.cache[file] = self._read(file)
        return self.cache[file]

    def _read(self, file: str) -> list[str] | Reason:
        path = self.folder / file
        if not path.is_file():
            return "missing"
        try:
            text = read_bounded(path, MAX_STANDARD_BYTES, regular=True).decode("utf-8")
        except (OSError, ValueError, UnicodeDecodeError):  # TooLarge is an OSError
            return "unreadable"
        return [h.title for h in sections.headings(text)]


def verify_citations(knowledge: Knowledge, folder: str | Path) -> Result:
    """Every standard citation of every municipality's own rules, read against its text in ``folder``."""
    texts = _Texts(Path(folder))
    result = Result(str(folder))
    for muni in knowledge.municipalities.values():
        not_read: dict[str, Unverified] = {}
        for rule, j, cite in _own_citations(muni):
            source = muni.sources[cite.source]
            titles = texts.titles(source.file) if source.file else "no_file"
            if isinstance(titles, str):
                old = not_read.get(source.key)
                count = old.citations + 1 if old else 1
                not_read[source.key] = Unverified(muni.id, source.key, source.file, titles, count)
                continue
            result.verified += 1
            if cite.section not in titles:
                result.findings.append(_finding(knowledge, muni, rule, j, cite, source.file or "", titles))
        result.unverified += not_read.values()
    return result


def _finding(
    knowledge: Knowledge, muni: Municipality, rule: Rule, j: int, cite: Citation, file: str, titles: list[str]
) -> Problem:
    """Located at the citation's ``section`` key, on the rule's own line in the data."""
    path = (*rule.location.path, "cite", j, "section")
    loc = resolve(knowledge.root, Location(rule.location.file, key_string(path), path=path))
    close = sections.closest(cite.section, titles)
    hint = f" (did you mean '{close}'?)" if close else ""
    message = f"rule '{rule.id}': section '{cite.section}' is not a heading of {file}{hint}"
    return Problem(loc.file, loc.key, message, loc.line, loc.column, municipality=muni.id, rule=rule.id)
