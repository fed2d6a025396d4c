"""A recommendation as contract JSON and as Markdown for the case file (Rich text: ``richview``)."""

from __future__ import annotations

import datetime
import re
from typing import Any

from triage.output.dates import short_date
from triage.output.i18n import CATALOGUE, t
from triage.rules.model import UNKNOWN, Answer, Flow, Lang, Question
from triage.rules.outcome import Because, Cited, Reason
from triage.rules.printable import printable
from triage.rules.recommendation import Alternative, Recommendation


def source_name(c: Cited, lang: Lang) -> str:
    return c.source.title if c.source is not None else t("national_law", lang)


def quoted(text: str, lang: Lang) -> str:
    """»Ungebehandling« in Danish, "Youth treatment" in English."""
    return f"»{text}«" if lang == "da" else f"“{text}”"


def citation_line(c: Cited, lang: Lang, *, short: bool = False) -> str:
    """``Title, »Section«, Law (the standard cites X; to be checked)``.

    ``short``: the standard by its short name (``Holbæk-standarden 2023``), where its full
    title is already on screen.
    """
    name = c.source.short if short and c.source is not None else source_name(c, lang)
    text = f"{name}, {quoted(c.section, lang)}"
    if c.law:
        text += f", {c.law}"
    extra = []
    if c.cited_law:
        extra.append(f"{t('cited_law', lang)} {c.cited_law}")
    if c.to_check:
        extra.append(t("to_check", lang))
    if extra:
        text += f" ({'; '.join(extra)})"
    return text


def to_json(rec: Recommendation) -> dict[str, Any]:
    """The contract's recommendation object; extra keys only add, never change."""
    std = rec.municipality.standard
    citations = []
    for c in rec.citations:
        entry: dict[str, Any] = {
            "item": c.item,
            "source": source_name(c, rec.lang),
            "section": c.section,
        }
        if c.law:
            entry["law"] = c.law
        if c.cited_law:
            entry["cited_law"] = c.cited_law
        if c.to_check:
            entry["to_check"] = True
        citations.append(entry)
    steps = []
    for s in rec.steps:
        step: dict[str, Any] = {"id": s.id, "text": s.text}
        if s.due is not None:
            step["due"] = s.due.isoformat()
        steps.append(step)
    return {
        "municipality": rec.municipality.id,
        "standard": {
            "title": std.title,
            "approved": std.approved_as,
            "status": std.status,
        },
        "service_level": rec.level.id,
        "offers": [o.id for o in rec.offers],
        "notifications": [
            {
                "to": n.to,
                "recipient": n.recipient,
                "reason": n.reason,
                "basis": n.basis,
                "inform_citizen_first": n.inform_citizen_first,
            }
            for n in rec.notifications
        ],
        "next_steps": steps,
        "deadlines": {k: v.isoformat() for k, v in rec.deadlines.items()},
        "warnings": [w.text for w in rec.warnings],
        "citations": citations,
        "because": {b.item: {k: _json_answer(v) for k, v in b.mapping().items()} for b in rec.because},
        "alternatives": [alternative_json(a) for a in rec.alternatives],
        "rights": [{"id": r.id, "text": r.text, "basis": r.basis} for r in rec.rights],  # contract version 3
        # Extensions of the contract:
        "contact_date": rec.contact_date.isoformat(),
        "language": rec.lang,
        "service_level_text": rec.level.text,
        **({"service_level_provider": rec.level.provider} if rec.level.provider else {}),
        "ignored_answers": list(rec.ignored),
    }


def _json_answer(value: Answer) -> object:
    return list(value) if isinstance(value, tuple) else value


def alternative_json(alt: Alternative) -> dict[str, Any]:
    r = alt.result
    return {
        "if": {k: _json_answer(v) for k, v in alt.change},
        "service_level": r.level.id,
        "offers": [o.id for o in r.offers],
        "notifications": [n.to for n in r.notifications],
        "deadlines": {k: v.isoformat() for k, v in r.deadlines.items()},
    }


def short_name(q: Question | None, name: str, lang: Lang, place: str | None = None) -> str:
    """The question's short label as it reads inside a sentence ("fordi: alder 17"); ``place``
    names the municipality ("bor i Holbæk")."""
    if q is None:
        return name
    short = q.short_label(lang, place)
    return short[:1].lower() + short[1:]


def reason_text(reason: Reason, flow: Flow, lang: Lang, place: str | None = None) -> str:
    """``alder 17 (≥ 13, ≤ 25)``, ``bor i kommunen: ja``."""
    q = flow.question(reason.name)
    value = format_answer(q, reason.value, lang) if q else str(reason.value)
    name = short_name(q, reason.name, lang, place)
    if reason.tests and isinstance(reason.value, int) and not isinstance(reason.value, bool):
        return f"{name} {value} ({', '.join(reason.tests)})"
    return f"{name}: {value.lower() if isinstance(reason.value, bool) else value}"


def because_text(rec: Recommendation, flow: Flow, item: str) -> str | None:
    """One line: what the deciding rule read, the level where it read it, then what ruled out the rest.

    ``Begrundelse: alder 17 (≥ 13, ≤ 25), ønsker behandling: ja (og: akut fare: nej, …)``
    """
    why: Because | None = rec.why(item)
    if why is None:
        return None
    lang = rec.lang
    place = rec.municipality.name
    parts = [reason_text(r, flow, lang, place) for r in why.decided]
    if why.level:
        parts.append(f"{t('because_level', lang)}: {rec.level.label}")
    text = f"{t('because', lang)}: {', '.join(parts) or '–'}"
    decided = {r.name for r in why.decided}
    rest = [reason_text(r, flow, lang, place) for r in why.ruled_out if r.name not in decided]
    if rest:
        text += f" ({t('because_also', lang)}: {', '.join(rest)})"
    return text


def alternative_title(alt: Alternative, flow: Flow, lang: Lang) -> str:
    """``Uden anonymitet``; for an answer without its own wording, ``Hvis anonym: nej``."""
    titles = []
    for key, value in alt.change:
        catalogue_key = f"alt_{key}_{value}"
        title = t(catalogue_key, lang)
        if title == catalogue_key:
            q = flow.question(key)
            shown = format_answer(q, value, lang) if q else str(value)
            title = t("alt_generic", lang, question=short_name(q, key, lang), value=shown)
        titles.append(title)
    return ", ".join(titles)


def alternative_line(alt: Alternative, flow: Flow, lang: Lang) -> str:
    """One line: ``Uden anonymitet: Ambulant behandling + Medicinsk behandling, senest 14.12.2026``"""
    r = alt.result
    text = f"{alternative_title(alt, flow, lang)}: {' + '.join([r.level.label, *(o.label for o in r.offers)])}"
    if r.notifications:
        text += f", {t('alt_notify', lang)} {', '.join(n.label for n in r.notifications)}"
    start = r.deadlines.get(r.guarantee) if r.guarantee is not None else None
    if start is not None:
        text += f", {t('alt_by', lang)} {short_date(start, lang)}"
    return text


def alternative_details(alt: Alternative, flow: Flow, lang: Lang) -> list[tuple[str, str]]:
    """The alternative in full, as (heading, text) rows: level, offers, notifications, deadlines."""
    r = alt.result
    none = t("alt_none", lang)
    deadlines = []
    for key, date in r.deadlines.items():
        term = flow.term("deadlines", key)
        deadlines.append(f"{term.label.get(lang) if term else key} {short_date(date, lang)}")
    return [
        (t("service_level", lang), r.level.label),
        (t("offers", lang), ", ".join(o.label for o in r.offers) or none),
        (t("notifications", lang), ", ".join(f"{n.label} ({n.recipient})" for n in r.notifications) or none),
        (t("deadlines", lang), ", ".join(deadlines) or none),
    ]


def format_answer(q: Question, value: Answer, lang: Lang, *, short: bool = False) -> str:
    """An answer as people read it; ``short``: the options' short forms, where they have one."""
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, tuple):
        return ", ".join(_option_label(q, v, lang, short) for v in value)
    if value == UNKNOWN and q.allow_unknown is not None:  # "ved ikke" to a number or a yes/no
        return t("unknown_answer", lang)
    if isinstance(value, str):
        return _option_label(q, value, lang, short)
    return str(value)


def _option_label(q: Question, value: str, lang: Lang, short: bool = False) -> str:
    opt = q.option(value)
    if opt is None:
        return value
    return opt.short_label(lang) if short else opt.label.get(lang)


def status_label(rec: Recommendation) -> str:
    return t(f"status_{rec.municipality.standard.status}", rec.lang)


def item_label(rec: Recommendation, flow: Flow, item: str) -> str:
    """``offer:doctor_consultation`` → ``Tilbud: Vederlagsfri lægesamtale …``, in the call's language
    (the sources screen and the saved file name items by this, never by their IDs)."""
    lang = rec.lang
    kind, _, key = item.partition(":")
    name = ""
    if kind == "service_level":
        name = rec.level.label
    elif kind in ("offer", "notification", "deadline"):
        term = flow.term({"offer": "offers", "notification": "notifications", "deadline": "deadlines"}[kind], key)
        name = term.label.get(lang) if term else key
    elif kind == "next_step":
        name = next((s.text for s in rec.steps if s.id == key), key)
    elif kind == "warning":
        name = next((w.text for w in rec.warnings if w.id == key), key)
    label = f"wizard_item_{kind}"
    return f"{t(label, lang)}: {name}" if label in CATALOGUE else name


def to_markdown(
    rec: Recommendation, flow: Flow, *, made_at: datetime.datetime | None = None, initials: str | None = None
) -> str:
    """Plain Markdown, ready to paste into a case file.

    ``made_at``: the time the summary was saved (its time of day goes in); ``initials``: the
    counsellor's, where given.
    """
    lang = rec.lang
    m = rec.municipality
    out = [f"# {t('recommendation', lang)}: {m.name}", ""]

    def because(item: str) -> list[str]:
        """The item's "because" line as a sub-bullet, or nothing."""
        why = because_text(rec, flow, item)
        return [f"  - {why}"] if why else []

    out.append(f"- **{t('centre', lang)}:** {m.centre.name}")
    out.append(f"- **{t('standard', lang)}:** {m.standard.title} ({status_label(rec)})")
    out.append(f"- **{t('contact_date', lang)}:** {short_date(rec.contact_date, lang)}")
    if made_at is not None:
        made = f"{short_date(made_at.date(), lang)} {t('at_time', lang)} {made_at:%H:%M}"
        out.append(f"- **{t('made', lang)}:** {made}" + (f" · {t('counsellor', lang)}: {initials}" if initials else ""))
    provider = f" ({rec.level.provider})" if rec.level.provider else ""
    out += ["", f"## {t('service_level', lang)}: {rec.level.label}{provider}", "", rec.level.text, ""]
    for c in rec.cited("service_level"):
        out.append(f"> {citation_line(c, lang)}")
    why = because_text(rec, flow, "service_level")
    if why:
        out += ["", f"_{why}_"]
    if rec.notifications:
        out += ["", f"## {t('notifications', lang)}", ""]
        for n in rec.notifications:
            out.append(f"- **{n.label}** – {n.recipient}")
            out.append(f"  - {t('reason', lang)}: {n.reason}")
            out.append(f"  - {t('basis', lang)}: {n.basis}")
            out.append(f"  - {t('inform_first', lang)}: {t('yes' if n.inform_citizen_first else 'no', lang)}")
            out += because(f"notification:{n.to}")
    if rec.offers:
        out += ["", f"## {t('offers', lang)}", ""]
        for o in rec.offers:
            referred = f" ({t('referred', lang)})" if o.provided_by == "referred" else ""
            out.append(f"- **{o.label}**{referred}: {o.text}")
            out += because(f"offer:{o.id}")
    if rec.steps or rec.deadlines:
        out += ["", f"## {t('next_steps', lang)}", ""]
        for s in rec.steps:
            due = short_date(s.due, lang) if s.due else t("no_date", lang)
            out.append(f"- [ ] {due}: {s.text}")
        for key, date in rec.deadlines.items():
            term = flow.term("deadlines", key)
            out.append(f"- {term.label.get(lang) if term else key} **{short_date(date, lang)}**")
            out += because(f"deadline:{key}")
    if rec.rights:
        out += ["", f"## {t('tell_citizen', lang)}", ""]
        out += [f"- **{r.label}:** {r.text} ({r.basis})" for r in rec.rights]
    if rec.alternatives:
        out += ["", f"## {t('alternatives', lang)}", ""]
        for alt in rec.alternatives:
            out.append(f"- **{alternative_title(alt, flow, lang)}**")
            out += [f"  - {head}: {text}" for head, text in alternative_details(alt, flow, lang)]
    if rec.warnings:
        out += ["", f"## {t('warnings', lang)}", ""]
        out += [f"- ⚠ {w.text}" for w in rec.warnings]
    out += ["", f"## {t('answers', lang)}", ""]
    for q in flow.questions:
        if q.id in rec.answers:
            label = q.label_text(lang, rec.municipality.name)
            out.append(f"- {label} **{format_answer(q, rec.answers[q.id], lang)}**")
    out += ["", f"## {t('citations', lang)}", ""]
    out += list(dict.fromkeys(f"- {item_label(rec, flow, c.item)}: {citation_line(c, lang)}" for c in rec.citations))
    out += ["", f"_{t('generated_by', lang)}_", ""]
    return printable("\n".join(out), lines=True)  # a control character would act in a terminal or viewer


_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|(?<!\w)_(.+?)_(?!\w)")


def to_plain(markdown: str) -> str:
    """The Markdown summary as plain text for a case system that shows Markdown as typed:
    headings underlined, no ``**``, ``_`` or ``- [ ]``."""
    out = []
    for line in markdown.split("\n"):
        line = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line)
        heading = re.match(r"#+ (.*)", line)
        if heading:
            title = heading.group(1)
            out += [title, ("=" if line.startswith("# ") else "-") * len(title)]
            continue
        line = re.sub(r"^(\s*)- \[ \] ", r"\1- ", line)
        line = re.sub(r"^> ", "  ", line)
        out.append(line)
    return "\n".join(out)
