"""A recommendation as Rich renderables for a person at a terminal.

Kept apart from ``render`` so that JSON and Markdown output never pay for importing Rich.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from triage.output.dates import day, short_date
from triage.output.i18n import t
from triage.output.render import alternative_details, alternative_title, because_text, citation_line, status_label
from triage.rules.model import Flow
from triage.rules.recommendation import Recommendation


def to_rich(rec: Recommendation, flow: Flow) -> RenderableType:
    """For a person at a terminal: the level first, then who to notify, then what to do."""
    lang = rec.lang
    m = rec.municipality
    parts: list[RenderableType] = []
    head = Text()
    head.append(f"{m.name} – {m.centre.name}\n", style="bold")
    head.append(f"{m.standard.title} ")
    status_style = "green" if m.standard.status == "current" else "bold black on yellow"
    head.append(f" {status_label(rec)} ", style=status_style)
    head.append(f"\n{t('contact_date', lang)}: {short_date(rec.contact_date, lang)}")
    parts.append(head)
    level_style = "bold white on red" if rec.level.role == "emergency" else "bold"
    body = Text(rec.level.text)
    for c in rec.cited("service_level"):
        body.append(f"\n↳ {citation_line(c, lang, short=True)}", style="dim")
    _because(body, rec, flow, "service_level")
    parts.append(Panel(body, title=Text(f" {rec.level.label} ", style=level_style), title_align="left"))
    if rec.notifications:
        notes = Text()
        for i, n in enumerate(rec.notifications):
            if i:
                notes.append("\n\n")
            notes.append(f"• {n.label}", style="bold")
            notes.append(f" → {n.recipient}\n")
            notes.append(n.reason)
            notes.append(f"\n{t('basis', lang)}: {n.basis}", style="dim")
            first = t("yes" if n.inform_citizen_first else "no", lang)
            notes.append(f" · {t('inform_first', lang)}: {first}", style="dim")
            _because(notes, rec, flow, f"notification:{n.to}")
        parts.append(Panel(notes, title=t("notifications", lang), title_align="left", border_style="magenta"))
    if rec.offers:
        offers = Text()
        for o in rec.offers:
            offers.append(f"• {o.label}", style="bold")
            if o.provided_by == "referred":
                offers.append(f" ({t('referred', lang)})")
            offers.append(f": {o.text}")
            _because(offers, rec, flow, f"offer:{o.id}")
            offers.append("\n")
        offers.rstrip()
        parts.append(Panel(offers, title=t("offers", lang), title_align="left"))
    if rec.steps or rec.deadlines:
        steps = Table.grid(padding=(0, 2))
        for s in rec.steps:
            steps.add_row(short_date(s.due, lang) if s.due else "–", s.text)
        for key, date in rec.deadlines.items():
            term = flow.term("deadlines", key)
            # The label, then the date: "Behandlingsgaranti: behandling senest 08.12.2026".
            label = Text(f"{term.label.get(lang) if term else key} ")
            label.append(short_date(date, lang), style="bold")
            _because(label, rec, flow, f"deadline:{key}")
            steps.add_row("→", label)
        parts.append(Panel(steps, title=t("next_steps", lang), title_align="left"))
    if rec.rights:
        rights = Text()
        for i, r in enumerate(rec.rights):
            if i:
                rights.append("\n")
            rights.append(f"• {r.label}: ", style="bold")
            rights.append(f"{r.text} ({r.basis})")
        parts.append(Panel(rights, title=t("tell_citizen", lang), title_align="left"))
    if rec.alternatives:
        alts: list[RenderableType] = []
        for i, alt in enumerate(rec.alternatives):
            if i:
                alts.append(Text())
            alts.append(Text(f"• {alternative_title(alt, flow, lang)}", style="bold"))
            for heading, detail in alternative_details(alt, flow, lang):
                # A hanging indent: a long list of notifications wraps under its heading, not at the edge.
                alts.append(Padding(Text.assemble((f"{heading}: ", "dim"), detail), (0, 0, 0, 2)))
        parts.append(Panel(Group(*alts), title=t("alternatives", lang), title_align="left", border_style="cyan"))
    if rec.warnings:
        warn = Text("\n".join(f"⚠ {w.text}" for w in rec.warnings))
        parts.append(Panel(warn, title=t("warnings", lang), title_align="left", border_style="yellow"))
    return Group(*parts)


def _because(text: Text, rec: Recommendation, flow: Flow, item: str) -> None:
    """The item's one "Begrundelse:/Because:" line, under it."""
    why = because_text(rec, flow, item)
    if why:
        text.append(f"\n{why}", style="italic dim")


def action_card(rec: Recommendation, flow: Flow) -> RenderableType:
    """What to do, on the first screen of the summary: the level, whom to notify, what is due
    by when, the offers, the rights to tell the caller of, the warnings. Reasons, legal basis
    and citations follow below it (``to_rich``); a counsellor on the phone reads this part
    aloud or acts on it.
    """
    lang, today = rec.lang, rec.contact_date
    emergency = rec.level.role == "emergency"
    parts: list[RenderableType] = [
        Text(f" {rec.level.label} ", style="bold reverse red" if emergency else "bold reverse")
    ]
    rows = Table.grid(padding=(0, 1))
    rows.add_column(no_wrap=True, style="bold")
    rows.add_column()
    for n in rec.notifications:
        text = Text.assemble((n.label, "bold"), f" → {n.recipient}")
        if n.inform_citizen_first:
            text.append(f" ({t('wizard_live_inform_first', lang)})", style="italic")
        rows.add_row(t("today", lang), text)
    for s in rec.steps:
        if s.due is not None:
            rows.add_row(day(s.due, lang, today), s.text)
    for key, date in rec.deadlines.items():
        term = flow.term("deadlines", key)
        # The label, then the date, so the sentence ends: "… behandling senest 08.12.2026".
        rows.add_row("→", Text.assemble(f"{term.label.get(lang) if term else key} ", (day(date, lang, today), "bold")))
    if rows.row_count:
        parts += [Text(""), Text(t("wizard_card_do", lang), style="bold underline"), rows]
    if rec.offers:
        parts += [Text(""), Text.assemble((f"{t('offers', lang)}: ", "bold"), ", ".join(o.label for o in rec.offers))]
    if rec.rights:  # what to say is long: the labels here, the text under the same heading below
        parts += [Text(""), rights_line(rec)]
    for w in rec.warnings:  # in full: a warning can be the call's main point (a professional's own duty)
        parts += [Text(""), Text(f"⚠ {w.text}")]
    undated = sum(1 for s in rec.steps if s.due is None)
    if undated:
        more = f"{t('wizard_card_undated', lang, n=undated)} – {t('wizard_card_below', lang)}"
        parts += [Text(""), Text(more, style="italic")]
    return Group(*parts)


def rights_line(rec: Recommendation) -> Text:
    """"Fortæl borgeren: Frit valg af behandlingssted, Klageadgang, Betaling – se nedenfor": the
    first screen of the summary has room for the labels; what to say follows under the heading."""
    line = Text.assemble((f"{t('tell_citizen', rec.lang)}: ", "bold"), ", ".join(r.label for r in rec.rights))
    line.append(f" – {t('wizard_card_below', rec.lang)}", style="italic")
    return line
