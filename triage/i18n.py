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


# --- training: scenarios and `triage train` (issue 5) ----------------------------------
CATALOGUE.update(
    {
        "sc_id": ("ID", "ID"),
        "sc_title": ("Titel", "Title"),
        "sc_difficulty": ("Sværhed", "Difficulty"),
        "sc_topics": ("Emner", "Topics"),
        "sc_level": ("Forventet serviceniveau", "Expected service level"),
        "sc_list_title": ("Scenarier ({count})", "Scenarios ({count})"),
        "sc_none_match": ("Ingen scenarier passer til filteret.", "No scenario matches the filter."),
        "sc_known": ("kendt uenighed", "known disagreement"),
        "sc_summary": (
            "{count} scenarier: {passed} bestået, {failed} fejlet; {known} kendte uenigheder mellem standard og motor.",
            "{count} scenarios: {passed} passed, {failed} failed;"
            " {known} known disagreements between standard and engine.",
        ),
        "tr_report_title": ("Træningsresultater", "Training results"),
        "tr_by_municipality": ("Pr. kommune", "By municipality"),
        "tr_by_topic": ("Pr. emne", "By topic"),
        "tr_group": ("Gruppe", "Group"),
        "tr_rounds": ("Runder", "Rounds"),
        "tr_level_ok": ("Serviceniveau rigtigt", "Service level right"),
        "tr_notes_ok": ("Underretninger rigtige", "Notifications right"),
        "tr_answers_ok": ("Svar rigtige", "Answers right"),
        "tr_score": ("Gns. point", "Avg. score"),
        "tr_no_rounds": (
            "Ingen træningsrunder endnu. Start med: triage train",
            "No training rounds yet. Start with: triage train",
        ),
        "tr_report_only": (
            "Træningsskærmen kommer med den nye guide. Indtil da: triage train --report og triage scenarios list.",
            "The training screen comes with the new wizard."
            " Until then: triage train --report and triage scenarios list.",
        ),
        "tr_next": ("Øv dette emne næste gang: {topic}", "Practise this topic next: {topic}"),
    }
)
