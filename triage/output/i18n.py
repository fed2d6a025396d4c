"""The one catalogue of interface strings, Danish first. Domain wording lives in the data files."""

from __future__ import annotations

from triage.rules.model import Lang

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
    # --- the Textual wizard (issue 4) ---
    "wz_pick_title": ("Vælg kommune", "Choose the municipality"),
    "wz_pick_filter": ("Skriv for at filtrere …", "Type to filter …"),
    "wz_pick_hint": (
        "↑↓ vælger, Enter starter samtalen. Den sidst valgte kommune er markeret.",
        "↑↓ moves, Enter starts the call. The municipality chosen last is highlighted.",
    ),
    "wz_pick_none": ("Ingen kommune passer", "No municipality matches"),
    "wz_step": ("Spørgsmål {i} af {n}", "Question {i} of {n}"),
    "wz_done": ("Alle spørgsmål er besvaret", "All questions answered"),
    "wz_editing": ("Retter – Esc fortryder", "Changing – Esc cancels"),
    "wz_say": ("Sig til borgeren", "Say to the caller"),
    "wz_hint_bool": ("j / y = ja   n = nej", "y / j = yes   n = no"),
    "wz_hint_choice": ("Tryk tallet eller bogstavet", "Press the number or the letter"),
    "wz_hint_multi": (
        "Tal eller bogstav sætter/fjerner kryds, Enter bekræfter",
        "A number or letter ticks/unticks, Enter confirms",
    ),
    "wz_hint_int": ("Skriv tallet og tryk Enter", "Type the number and press Enter"),
    "wz_int_invalid": ("Skriv et helt tal fra {min} til {max}", "Type a whole number from {min} to {max}"),
    "wz_multi_min": ("Vælg mindst {n}", "Choose at least {n}"),
    "wz_answers_empty": ("Ingen svar endnu", "No answers yet"),
    "wz_live_title": ("Anbefaling indtil nu", "Recommendation so far"),
    "wz_live_empty": ("Vises, når svarene rækker til det.", "Shown as soon as the answers allow."),
    "wz_live_inform_first": ("orientér borgeren først", "tell the citizen first"),
    "wz_emergency_title": ("AKUT FARE", "ACUTE DANGER"),
    "wz_emergency_call": ("Ring 112 ved livsfare.", "Call 112 if life is at risk."),
    "wz_centre_phone": ("Centret: {name}, tlf. {phone}", "The centre: {name}, phone {phone}"),
    "wz_summary_title": ("Opsummering", "Summary"),
    "wz_citations_title": ("Kilder for hvert punkt", "Sources for each item"),
    "wz_item_service_level": ("Serviceniveau", "Service level"),
    "wz_item_offer": ("Tilbud", "Offer"),
    "wz_item_notification": ("Underretning", "Notification"),
    "wz_item_deadline": ("Frist", "Deadline"),
    "wz_item_next_step": ("Næste skridt", "Next step"),
    "wz_item_warning": ("Advarsel", "Warning"),
    "wz_copied": ("Opsummeringen er kopieret til udklipsholderen.", "The summary is copied to the clipboard."),
    "wz_export_title": ("Gem opsummeringen som Markdown", "Save the summary as Markdown"),
    "wz_export_hint": (
        "Kun du kan læse filen (0600). Enter gemmer, Esc fortryder.",
        "Only you can read the file (0600). Enter saves, Esc cancels.",
    ),
    "wz_export_exists": ("{path} findes allerede. Overskriv den?", "{path} already exists. Overwrite it?"),
    "wz_export_saved": ("Gemt: {path}", "Saved: {path}"),
    "wz_export_failed": ("Kunne ikke gemme {path}: {error}", "Could not save {path}: {error}"),
    "wz_quit_unsaved": (
        "Opsummeringen er ikke gemt, og svarene forsvinder. Afslut alligevel?",
        "The summary is not saved and the answers will be lost. Quit anyway?",
    ),
    "wz_new_unsaved": (
        "Opsummeringen er ikke gemt. Start en ny samtale alligevel?",
        "The summary is not saved. Start a new call anyway?",
    ),
    "wz_confirm_keys": ("j / y = ja    n / Esc = nej", "y / j = yes    n / Esc = no"),
    "wz_key_back": ("Tilbage", "Back"),
    "wz_key_help": ("Hjælp", "Help"),
    "wz_key_answers": ("Svar", "Answers"),
    "wz_key_change": ("Ret svar", "Change"),
    "wz_key_quit": ("Afslut", "Quit"),
    "wz_key_copy": ("Kopiér", "Copy"),
    "wz_key_save": ("Gem .md", "Save .md"),
    "wz_key_sources": ("Kilder", "Sources"),
    "wz_key_new": ("Ny samtale", "New call"),
    "wz_key_summary": ("Opsummering", "Summary"),
    "wz_key_choose": ("Vælg", "Choose"),
    "wz_key_close": ("Luk", "Close"),
    "wz_key_yes": ("Ja", "Yes"),
    "wz_key_no": ("Nej", "No"),
    "wz_key_save_here": ("Gem", "Save"),
    "wz_key_cancel": ("Fortryd", "Cancel"),
    "wz_key_palette": ("mere", "more"),
    "wz_cmd_copy": ("Kopiér opsummeringen til udklipsholderen", "Copy the summary to the clipboard"),
    "wz_cmd_save": ("Gem opsummeringen som Markdown-fil", "Save the summary as a Markdown file"),
    "wz_cmd_sources": ("Vis kilderne for hvert punkt", "Show the sources of each item"),
    "wz_cmd_new": ("Start en ny samtale i samme kommune", "Start a new call in the same municipality"),
    "wz_cmd_municipality": ("Skift kommune", "Change municipality"),
    "wz_cmd_not_done": ("Besvar alle spørgsmål først", "Answer every question first"),
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
        "tr_next": ("Øv dette emne næste gang: {topic}", "Practise this topic next: {topic}"),
    }
)


# --- training TUI (issue 5): `triage train` as screens ----------------------------------
CATALOGUE.update(
    {
        "tt_pick_title": ("Vælg et scenarie", "Choose a scenario"),
        "tt_pick_filter": (
            "Skriv for at filtrere (titel, kommune, emne) …",
            "Type to filter (title, municipality, topic) …",
        ),
        "tt_pick_hint": (
            "↑↓ vælger, Enter starter. Sværhed ●○○ let til ●●● svær.",
            "↑↓ moves, Enter starts. Difficulty ●○○ easy to ●●● hard.",
        ),
        "tt_pick_none": ("Intet scenarie passer", "No scenario matches"),
        "tt_vignette_title": ("Borgeren fortæller", "The caller says"),
        "tt_key_vignette": ("Sagen", "Case"),
        "tt_predict_title": (
            "Din forudsigelse – før anbefalingen vises",
            "Your prediction – before the recommendation is shown",
        ),
        "tt_predict_level": ("1. Serviceniveau: ↑↓ og Enter", "1. Service level: ↑↓ and Enter"),
        "tt_predict_notes": (
            "2. Underretninger: tal eller mellemrum markerer, Enter bekræfter (ingen er også et svar)",
            "2. Notifications: a number or space ticks, Enter confirms (none is an answer too)",
        ),
        "tt_key_predict": ("Videre", "Next"),
        "tt_debrief_title": ("Gennemgang", "Debrief"),
        "tt_score": ("Point: {score} af 100", "Score: {score} of 100"),
        "tt_score_parts": (
            "(40 for serviceniveau, 30 for underretninger, 30 for svarene)",
            "(40 for the service level, 30 for notifications, 30 for the answers)",
        ),
        "tt_prediction": ("Din forudsigelse", "Your prediction"),
        "tt_level_ok": ("✓ Serviceniveau rigtigt: {label}", "✓ Service level right: {label}"),
        "tt_level_wrong": (
            "✗ Serviceniveau: du forudsagde «{got}», det rigtige er «{expected}»",
            "✗ Service level: you predicted «{got}», the right one is «{expected}»",
        ),
        "tt_notes_ok": ("✓ Underretninger rigtige: {labels}", "✓ Notifications right: {labels}"),
        "tt_notes_wrong": (
            "✗ Underretninger: du forudsagde {got}, det rigtige er {expected}",
            "✗ Notifications: you predicted {got}, the right ones are {expected}",
        ),
        "tt_answers": ("Dine svar", "Your answers"),
        "tt_answers_ok": ("✓ Alle {total} svar som i facit.", "✓ All {total} answers as in the key."),
        "tt_answers_wrong": (
            "✗ {wrong} af {total} svar afviger fra facit:",
            "✗ {wrong} of {total} answers differ from the key:",
        ),
        "tt_you": ("du", "you"),
        "tt_right": ("rigtigt", "right"),
        "tt_not_asked": ("ikke spurgt", "not asked"),
        "tt_clue": ("Sagen siger", "The case says"),
        "tt_why": ("Hvorfor", "Why"),
        "tt_why_prediction": ("Hvorfor – din forudsigelse", "Why – your prediction"),
        "tt_why_outcome": ("Hvad dine svar ville have ført til", "What your answers would have led to"),
        "tt_expected_got": ("rigtigt: {expected} · dit: {got}", "right: {expected} · yours: {got}"),
        "tt_section": ("Standardens afsnit", "Section of the standard"),
        "tt_not_predicted": ("ikke forudsagt", "not predicted"),
        "tt_not_required": ("ikke påkrævet", "not required"),
        "tt_required": ("påkrævet", "required"),
        "tt_recorded": (
            "Runden er gemt i din træningsstatistik (kun på denne computer): triage train --report",
            "The round is saved in your training statistics (on this computer only): triage train --report",
        ),
        "tt_record_failed": ("Runden kunne ikke gemmes: {error}", "The round could not be saved: {error}"),
        "tt_key_next": ("Næste scenarie", "Next scenario"),
        "tt_key_sources": ("Alle kilder", "All sources"),
        "tt_cmd_next": ("Gå videre til et nyt scenarie", "Go on to a new scenario"),
        "tt_unknown_scenario": ("ukendt scenarie '{id}'{hint}", "unknown scenario '{id}'{hint}"),
        "tt_none_match": (
            "Intet scenarie passer til --municipality/--difficulty.",
            "No scenario matches --municipality/--difficulty.",
        ),
    }
)
