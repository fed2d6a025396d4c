"""A recommendation as contract JSON and as Markdown for the case file (Rich text: ``richview``)."""

from __future__ import annotations

from typing import Any

from triage.output.i18n import t
from triage.rules.engine import Cited, Recommendation
from triage.rules.model import UNKNOWN, Answer, Flow, Lang, Question


def source_name(c: Cited, lang: Lang) -> str:
    return c.source.title if c.source is not None else t("national_law", lang)


def citation_line(c: Cited, lang: Lang) -> str:
    """``Title, "Section", Law (the standard cites X; to be checked)``."""
    text = f"{source_name(c, lang)}, «{c.section}»"
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
            "approved": std.approved.isoformat() if std.approved else None,
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
        # Extensions of the contract:
        "contact_date": rec.contact_date.isoformat(),
        "language": rec.lang,
        "service_level_text": rec.level.text,
        "ignored_answers": list(rec.ignored),
    }


def format_answer(q: Question, value: Answer, lang: Lang, *, short: bool = False) -> str:
    """An answer as people read it; ``short``: the options' short forms, where they have one."""
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, tuple):
        return ", ".join(_option_label(q, v, lang, short) for v in value)
    if value == UNKNOWN and q.kind == "int":
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


def to_markdown(rec: Recommendation, flow: Flow) -> str:
    """Plain Markdown, ready to paste into a case file."""
    lang = rec.lang
    m = rec.municipality
    out = [f"# {t('recommendation', lang)}: {m.name}", ""]
    out.append(f"- **{t('centre', lang)}:** {m.centre.name}")
    out.append(f"- **{t('standard', lang)}:** {m.standard.title} ({status_label(rec)})")
    out.append(f"- **{t('contact_date', lang)}:** {rec.contact_date.isoformat()}")
    out += ["", f"## {t('service_level', lang)}: {rec.level.label}", "", rec.level.text, ""]
    for c in rec.cited("service_level"):
        out.append(f"> {citation_line(c, lang)}")
    if rec.notifications:
        out += ["", f"## {t('notifications', lang)}", ""]
        for n in rec.notifications:
            out.append(f"- **{n.label}** – {n.recipient}")
            out.append(f"  - {t('reason', lang)}: {n.reason}")
            out.append(f"  - {t('basis', lang)}: {n.basis}")
            out.append(f"  - {t('inform_first', lang)}: {t('yes' if n.inform_citizen_first else 'no', lang)}")
    if rec.offers:
        out += ["", f"## {t('offers', lang)}", ""]
        for o in rec.offers:
            referred = f" ({t('referred', lang)})" if o.provided_by == "referred" else ""
            out.append(f"- **{o.label}**{referred}: {o.text}")
    if rec.steps or rec.deadlines:
        out += ["", f"## {t('next_steps', lang)}", ""]
        for s in rec.steps:
            due = s.due.isoformat() if s.due else t("no_date", lang)
            out.append(f"- [ ] {due}: {s.text}")
        for key, date in rec.deadlines.items():
            term = flow.term("deadlines", key)
            out.append(f"- {term.label.get(lang) if term else key}: **{date.isoformat()}**")
    if rec.warnings:
        out += ["", f"## {t('warnings', lang)}", ""]
        out += [f"- ⚠ {w.text}" for w in rec.warnings]
    out += ["", f"## {t('answers', lang)}", ""]
    for q in flow.questions:
        if q.id in rec.answers:
            out.append(f"- {q.label.get(lang)} **{format_answer(q, rec.answers[q.id], lang)}**")
    out += ["", f"## {t('citations', lang)}", ""]
    for c in dict.fromkeys(rec.citations):
        out.append(f"- `{c.item}`: {citation_line(c, lang)}")
    out += ["", f"_{t('generated_by', lang)}_", ""]
    return "\n".join(out)
