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
    # --- triage ask: line-by-line prompts (issue 6) ---
    "ask_no_tty": (
        "triage ask: ingen terminal (stdin er ikke en tty); til svar fra en fil eller et rør: "
        "triage recommend --answers FIL|-",
        "triage ask: no terminal (stdin is not a tty); for answers from a file or a pipe: "
        "triage recommend --answers FILE|-",
    ),
    "ask_bad_date": ("forventede en dato ÅÅÅÅ-MM-DD, fik '{value}'", "expected a date YYYY-MM-DD, got '{value}'"),
    "ask_unknown_municipality": (
        "ukendt kommune '{value}'{hint} (kendte: {known})",
        "unknown municipality '{value}'{hint} (known: {known})",
    ),
    "ask_intro": (
        "Første samtale – {date}. Tast < for at gå et spørgsmål tilbage, Ctrl+C for at afbryde.",
        "First conversation – {date}. Type < to go back one question, Ctrl+C to stop.",
    ),
    "ask_which_municipality": ("Hvilken kommune ringer borgeren til?", "Which municipality is the call for?"),
    "ask_back": ("Tilbage", "Back"),
    "ask_nothing_before": ("intet før dette", "nothing before this"),
    "ask_progress": ("Spørgsmål {n} af ca. {total}", "Question {n} of about {total}"),
    "ask_say": ("Sig til borgeren", "Say to the caller"),
    "ask_select_hint": ("(tast eller pile + enter; < tilbage)", "(key, or arrows + enter; < back)"),
    "ask_bool_hint": ("(j/n; < tilbage)", "(y/n; < back)"),
    "ask_yes_no_hint": ("(j/n)", "(y/n)"),
    "ask_multi_hint": (
        "(tast eller mellemrum vælger, enter bekræfter; < tilbage)",
        "(key or space toggles, enter confirms; < back)",
    ),
    "ask_int_hint": ("({lo}–{hi}; < tilbage)", "({lo}–{hi}; < back)"),
    "ask_int_invalid": (
        "Skriv et helt tal fra {lo} til {hi}, eller < for tilbage",
        "Type a whole number from {lo} to {hi}, or < to go back",
    ),
    "ask_multi_min": ("Vælg mindst {n}", "Choose at least {n}"),
    "ask_quit_confirm": ("Afbryd samtalen og kassér {n} svar?", "Stop the call and drop {n} answers?"),
    "ask_dropped": ("Samtalen er afbrudt. Intet er gemt.", "Call stopped. Nothing was saved."),
    "ask_continue": ("Vi fortsætter.", "Carrying on."),
    "ask_save": ("Gem resuméet som Markdown-fil?", "Save the summary as a Markdown file?"),
    "ask_save_path": ("Filnavn (tomt: gem ikke)", "File name (empty: don't save)"),
    "ask_overwrite": ("{path} findes allerede. Overskriv den?", "{path} already exists. Overwrite it?"),
    "ask_saved": ("Gemt, kun læsbar for dig (0600): {path}", "Saved, readable only by you (0600): {path}"),
    "ask_not_saved": ("Ikke gemt.", "Not saved."),
    "ask_save_failed": ("Kunne ikke gemme {path}: {error}", "Could not save {path}: {error}"),
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
