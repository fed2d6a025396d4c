"""The one catalogue of interface strings, Danish first. Domain wording lives in the data files."""

from __future__ import annotations

from triage.model import Lang

CATALOGUE: dict[str, tuple[str, str]] = {
    # recommendation headings
    "recommendation": ("Anbefaling", "Recommendation"),
    "municipality": ("Kommune", "Municipality"),
    "centre": ("Tilbud", "Service"),
    "standard": ("Standard", "Standard"),
    "contact_date": ("Henvendelse", "Contact date"),
    "service_level": ("Serviceniveau", "Service level"),
    "offers": ("Tilbud til borgeren", "Offers"),
    "notifications": ("Underretninger og inddragelse", "Notifications"),
    "next_steps": ("Næste skridt", "Next steps"),
    "deadlines": ("Frister", "Deadlines"),
    "warnings": ("Advarsler", "Warnings"),
    "citations": ("Kilder", "Sources"),
    "answers": ("Svar", "Answers"),
    "recipient": ("Modtager", "Recipient"),
    "reason": ("Hvorfor", "Why"),
    "basis": ("Hjemmel", "Legal basis"),
    "inform_first": ("Borgeren orienteres først", "Tell the citizen first"),
    "due": ("Senest", "Due"),
    "no_date": ("uden dato", "no date"),
    "none": ("Ingen", "None"),
    "referred": ("henvist til anden leverandør", "referred to another provider"),
    "law": ("Lov", "Law"),
    "section": ("Afsnit", "Section"),
    "cited_law": ("standarden citerer", "the standard cites"),
    "to_check": ("kontrolleres mod gældende lov", "to be checked against current law"),
    "national_law": ("Lovgivning", "Legislation"),
    "yes": ("Ja", "Yes"),
    "no": ("Nej", "No"),
    "status_current": ("gældende", "current"),
    "status_draft": ("UDKAST", "DRAFT"),
    "status_outdated": ("FORÆLDET", "OUTDATED"),
    "ignored": ("Ikke brugt (spørgsmålet stilles ikke)", "Not used (question not asked)"),
    "generated_by": (
        "Udarbejdet med triage – en anbefaling, ikke en afgørelse.",
        "Made with triage – a recommendation, not a decision.",
    ),
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The string for ``key`` in ``lang``; unknown keys show themselves, to be caught in tests."""
    da, en = CATALOGUE.get(key, (key, key))
    text = da if lang == "da" else en
    return text.format(**values) if values else text
