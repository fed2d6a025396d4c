"""The one catalogue of interface strings, Danish first. Domain wording lives in the data files."""

from __future__ import annotations

from triage.rules.model import Lang
from triage.rules.parsing import MESSAGES as ANSWER_MESSAGES

CATALOGUE: dict[str, tuple[str, str]] = {
    # what is wrong with an answer, typed or in a file: kept beside the one parser in the rules core
    **ANSWER_MESSAGES,
    "warning_prefix": ("advarsel", "warning"),
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
    "tell_citizen": ("Fortæl borgeren", "Tell the caller"),
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
    "today": ("i dag", "today"),
    "made": ("Udarbejdet", "Made"),
    "at_time": ("kl.", "at"),
    "counsellor": ("Rådgiver", "Counsellor"),
    "yes": ("Ja", "Yes"),
    "unknown_answer": ("Ved ikke", "Not known"),
    "no": ("Nej", "No"),
    "status_current": ("gældende", "current"),
    "status_draft": ("UDKAST", "DRAFT"),
    "status_outdated": ("FORÆLDET", "OUTDATED"),
    "ignored": ("Ikke brugt (spørgsmålet stilles ikke)", "Not used (question not asked)"),
    "generated_by": (
        "Udarbejdet med triage – en anbefaling, ikke en afgørelse.",
        "Made with triage – a recommendation, not a decision.",
    ),
    # --- triage check: the proof's report (the findings themselves are the data's own lines) ---
    "sc_unknown_topic": ("ukendt emne '{topic}'{hint} (emner: {ids})", "unknown topic '{topic}'{hint} (topics: {ids})"),
    "check_title": ("triage check: {root}", "triage check: {root}"),
    "check_classes": ("klasser afprøvet", "classes checked"),
    "check_rules": ("regler", "rules"),
    "check_rules_used": ("regler brugt", "rules used"),
    "check_dead_rules": ("døde regler", "dead rules"),
    "check_seconds": ("sekunder", "seconds"),
    "check_counterexample": (
        "mindste modeksempel for {municipality} (triage recommend --answers -):",
        "smallest counterexample for {municipality} (triage recommend --answers -):",
    ),
    "check_note": ("bemærk", "note"),
    "check_example_of": (
        "mindste samtale, der viser det (triage recommend --answers -):",
        "the smallest conversation that shows it (triage recommend --answers -):",
    ),
    "check_ok": (
        "OK: hver samtale får præcis ét serviceniveau, med kilde",
        "OK: every conversation gets exactly one level, cited",
    ),
    "check_findings": ("{n} fund", "{n} finding(s)"),
    "check_no_standards": (
        "--standards: {folder}: ingen sådan mappe (standardernes tekstfiler)",
        "--standards: {folder}: no such folder (the standards' text files)",
    ),
    "check_standards_read": (
        "{n} henvisninger til afsnit er holdt op mod overskrifterne i {folder}",
        "{n} cited sections read against the headings in {folder}",
    ),
    "check_standards_not_read": (
        "bemærk: {municipality}: kilden '{source}' er ikke efterprøvet ({n} henvisninger): {reason}",
        "note: {municipality}: source '{source}' not verified ({n} citations): {reason}",
    ),
    "check_standards_no_file": (
        "kilden har ingen file (fx en webside)",
        "the source has no file (a web page, for example)",
    ),
    # --- triage new-municipality (contract v3) ---
    "nm_bad_id": (
        "'{id}' er ikke et ID: små bogstaver a-z, cifre og _, først et bogstav, højst 40 tegn (fx norddjurs)",
        "'{id}' is not an ID: lower-case letters a-z, digits and _, a letter first, at most 40 (e.g. norddjurs)",
    ),
    "nm_reserved_id": (
        "'{id}' er navnet på lovens lag (flows/law.toml); vælg et andet ID",
        "'{id}' is the name of the law's layer (flows/law.toml); choose another ID",
    ),
    "nm_exists": ("'{id}' findes allerede i {file}", "'{id}' is already in {file}"),
    "nm_file_exists": ("{file} findes allerede; intet er skrevet", "{file} already exists; nothing was written"),
    "nm_no_name": (
        "--name mangler: kommunens navn, som det skal stå på skærmen (fx --name Norddjurs)",
        "--name is missing: the municipality's name as it is shown (e.g. --name Norddjurs)",
    ),
    "nm_bad_name": (
        "--name: én linje på højst {max} tegn, uden mellemrum først eller sidst",
        "--name: one line of at most {max} characters, no space first or last",
    ),
    "nm_cannot_write": ("kan ikke skrive: {reason}", "cannot write: {reason}"),
    "nm_rolled_back": (
        "{problem} (den nye kommune indlæses ikke; intet er ændret)",
        "{problem} (the new municipality does not load; nothing was changed)",
    ),
    "nm_done": (
        "{id} er tilføjet i {file} (linje {line}) med et eksempel i {scenarios}. Loven svarer på hvert opkald, "
        "til standardens regler er indtastet: udfyld det, der står »udfyldes«, og kør triage check.",
        "{id} was added to {file} (line {line}) with an example in {scenarios}. The law answers every call "
        "until the standard's rules are entered: fill in what says \"udfyldes\" and run triage check.",
    ),
    "check_standards_missing": ("{file} findes ikke i mappen", "{file} is not in the folder"),
    "check_standards_unreadable": ("{file} kan ikke læses som UTF-8-tekst", "{file} cannot be read as UTF-8 text"),
    # --- triage ask: line-by-line prompts (issue 6) ---
    "wizard_no_tty": (
        "triage: ingen tastatur (stdin er ikke en terminal); til svar fra en fil eller et rør: "
        "triage recommend --answers FIL|-",
        "triage: no keyboard (stdin is not a terminal); for answers from a file or a pipe: "
        "triage recommend --answers FILE|-",
    ),
    "wizard_no_screen": (
        "triage: skærmen (stderr) er ikke en terminal, og svarene ville ende i filen; "
        "brug triage ask, eller start uden 2>",
        "triage: the screen (stderr) is not a terminal, and the answers would end up in that file; "
        "use triage ask, or start without 2>",
    ),
    "wizard_dumb_terminal": (
        "triage: TERM=dumb kan ikke vise guiden; brug triage ask (ét spørgsmål pr. linje)",
        "triage: TERM=dumb cannot show the wizard; use triage ask (one question per line)",
    ),
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
    "ask_say": ("Sig til den, der ringer", "Say to the caller"),
    "ask_select_hint": ("(tast eller pile + enter; < tilbage)", "(key, or arrows + enter; < back)"),
    "ask_bool_hint": ("(j/n; < tilbage)", "(y/n; < back)"),
    "ask_bool_unknown_hint": ("(j/n; v = ved ikke; < tilbage)", "(y/n; v = not known; < back)"),
    "ask_yes_no_hint": ("(j/n)", "(y/n)"),
    "ask_multi_hint": (
        "(tast eller mellemrum vælger, enter bekræfter; < tilbage)",
        "(key or space toggles, enter confirms; < back)",
    ),
    "ask_int_hint": ("({lo}–{hi}; < tilbage)", "({lo}–{hi}; < back)"),
    "ask_int_unknown_hint": ("({lo}–{hi}; v eller ? = ved ikke; < tilbage)", "({lo}–{hi}; v or ? = not known; < back)"),
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
    "wizard_pick_title": ("Vælg kommune", "Choose the municipality"),
    "wizard_pick_filter": ("Skriv for at filtrere …", "Type to filter …"),
    "wizard_pick_hint": ("↑↓ vælger, Enter starter samtalen.", "↑↓ moves, Enter starts the call."),
    "wizard_pick_hint_last": (
        "↑↓ vælger, Enter starter samtalen · ▶ = sidst valgte kommune",
        "↑↓ moves, Enter starts the call · ▶ = the one chosen last",
    ),
    "wizard_pick_last": ("(sidst valgt)", "(chosen last)"),
    "wizard_pick_none": ("Ingen kommune passer", "No municipality matches"),
    "wizard_step": ("Spørgsmål {i} af {n}", "Question {i} of {n}"),
    "wizard_done": ("Alle spørgsmål er besvaret", "All questions answered"),
    "wizard_editing": ("Retter – Esc fortryder", "Changing – Esc cancels"),
    "wizard_say": ("Sig til den, der ringer", "Say to the caller"),
    "wizard_hint_bool": ("j / y = ja   n = nej", "y / j = yes   n = no"),
    "wizard_hint_bool_unknown": ("j / y = ja   n = nej   v = ved ikke", "y / j = yes   n = no   v = not known"),
    "wizard_hint_choice": ("Tryk tallet eller bogstavet", "Press the number or the letter"),
    "wizard_hint_multi": (
        "Tal eller bogstav sætter/fjerner kryds, Enter bekræfter",
        "A number or letter ticks/unticks, Enter confirms",
    ),
    "wizard_key_after_emergency": ("Videre: børn og graviditet", "On: children and pregnancy"),
    "wizard_too_small": (
        "Vinduet er for lille til samtalen: mindst {w} × {h} tegn (nu {now_w} × {now_h}). "
        "Gør vinduet større, eller brug triage ask.",
        "The window is too small for the call: at least {w} × {h} characters (now {now_w} × {now_h}). "
        "Make it larger, or use triage ask.",
    ),
    "wizard_key_panel": ("Anbefaling", "Recommendation"),
    "wizard_live_more_steps": ("+ {n} trin uden dato i opsummeringen", "+ {n} undated steps in the summary"),
    "wizard_live_rights": ("+ Fortæl borgeren: {n} i opsummeringen", "+ Tell the caller: {n} in the summary"),
    "wizard_hint_int": ("Skriv tallet og tryk Enter", "Type the number and press Enter"),
    "wizard_hint_int_unknown": (
        "Skriv tallet og tryk Enter · v eller ? = ved ikke",
        "Type the number and press Enter · v or ? = not known",
    ),
    "wizard_multi_min": (
        "Intet er krydset af: tryk tallet eller bogstavet ud for hvert svar, der passer, og så Enter",
        "Nothing is ticked: press the number or the letter of each answer that applies, then Enter",
    ),
    "wizard_enter_nothing": (
        "Intet svar valgt endnu. Svar med {keys} (eller ↑↓ og Enter)",
        "No answer chosen yet. Answer with {keys} (or ↑↓ and Enter)",
    ),
    "wizard_answers_empty": ("Ingen svar endnu", "No answers yet"),
    "wizard_live_title": ("Foreløbig anbefaling", "Recommendation so far"),
    "wizard_live_empty": ("Vises, når der er svar nok.", "Shown as soon as there are answers enough."),
    "wizard_live_problem": (
        "Ingen anbefaling: data har et hul for disse svar. Sig det til den, der vedligeholder standarden.",
        "No recommendation: the data has a gap for these answers. Tell whoever maintains the standard.",
    ),
    "wizard_live_inform_first": ("orientér borgeren først", "tell the citizen first"),
    "wizard_emergency_title": ("AKUT FARE", "ACUTE DANGER"),
    "wizard_centre_phone": ("Centret: {name}, tlf. {phone}", "The centre: {name}, phone {phone}"),
    "wizard_summary_title": ("Opsummering", "Summary"),
    "wizard_card_do": ("Gør nu", "To do"),
    "wizard_card_below": ("se nedenfor", "see below"),
    "wizard_card_undated": ("{n} trin uden dato", "{n} steps without a date"),
    "wizard_card_details": ("Begrundelser og kilder", "Reasons and sources"),
    "wizard_citations_title": ("Kilder for hvert punkt", "Sources for each item"),
    "wizard_item_service_level": ("Serviceniveau", "Service level"),
    "wizard_item_offer": ("Tilbud", "Offer"),
    "wizard_item_notification": ("Underretning", "Notification"),
    "wizard_item_deadline": ("Frist", "Deadline"),
    "wizard_item_next_step": ("Næste skridt", "Next step"),
    "wizard_item_warning": ("Advarsel", "Warning"),
    "wizard_copied": (
        "Opsummeringen er sendt til terminalens udklipsholder som tekst (virker ikke i alle terminaler).",
        "The summary was sent to the terminal's clipboard as text (not every terminal takes it).",
    ),
    "wizard_copied_markdown": (
        "Opsummeringen er sendt til terminalens udklipsholder som Markdown (virker ikke i alle terminaler).",
        "The summary was sent to the terminal's clipboard as Markdown (not every terminal takes it).",
    ),
    "wizard_key_copy_markdown": ("Kopiér som Markdown", "Copy as Markdown"),
    "wizard_palette_search": ("Søg efter en kommando …", "Search for commands …"),
    "wizard_palette_no_matches": ("Ingen kommando passer", "No matching command"),
    "wizard_sys_quit": ("Afslut", "Quit"),
    "wizard_sys_quit_help": (
        "Afslut programmet (spørger først, hvis opsummeringen ikke er gemt)",
        "Quit (asks first while the summary is unsaved)",
    ),
    "wizard_sys_keys": ("Taster", "Keys"),
    "wizard_sys_keys_help": (
        "Vis hjælp og alle taster for det, der har fokus",
        "Show help for the focused widget and a summary of available keys",
    ),
    "wizard_sys_keys_hide": ("Taster", "Keys"),
    "wizard_sys_keys_hide_help": ("Skjul panelet med taster og hjælp", "Hide the keys and widget help panel"),
    "wizard_sys_maximize": ("Maksimér", "Maximize"),
    "wizard_sys_maximize_help": ("Vis den del, der har fokus, i hele vinduet", "Maximize the focused widget"),
    "wizard_sys_minimize": ("Normal størrelse", "Minimize"),
    "wizard_sys_minimize_help": ("Vis alle dele igen", "Minimize the widget and restore to normal size"),
    "wizard_cmd_copy_markdown": (
        "Send opsummeringen som Markdown til terminalens udklipsholder",
        "Send the summary as Markdown to the terminal's clipboard",
    ),
    "wizard_export_initials": ("Dine initialer (valgfrit, spørges én gang):", "Your initials (optional, asked once):"),
    "wizard_export_title": ("Gem opsummeringen som Markdown", "Save the summary as Markdown"),
    "wizard_export_hint": (
        "Kun du kan læse filen (0600). Enter gemmer, Esc fortryder.",
        "Only you can read the file (0600). Enter saves, Esc cancels.",
    ),
    "wizard_export_exists": ("{path} findes allerede. Overskriv den?", "{path} already exists. Overwrite it?"),
    "wizard_export_saved": ("Gemt: {path}", "Saved: {path}"),
    "wizard_export_failed": ("Kunne ikke gemme {path}: {error}", "Could not save {path}: {error}"),
    "wizard_quit_unsaved": (
        "Opsummeringen er ikke gemt, og svarene forsvinder. Afslut alligevel?",
        "The summary is not saved and the answers will be lost. Quit anyway?",
    ),
    "wizard_new_unsaved": (
        "Opsummeringen er ikke gemt. Start en ny samtale alligevel?",
        "The summary is not saved. Start a new call anyway?",
    ),
    "wizard_confirm_keys": ("j / y = ja    n / Esc = nej", "y / j = yes    n / Esc = no"),
    "wizard_key_back": ("Tilbage", "Back"),
    "wizard_focus_esc": ("Esc: tilbage til spørgsmålet", "Esc: back to the question"),
    "wizard_back_drops": (
        "Tilbage til valget af kommune? Svarene i denne samtale slettes.",
        "Back to the choice of municipality? The answers of this call are dropped.",
    ),
    "wizard_key_help": ("Hjælp", "Help"),
    "wizard_key_answers": ("Svar", "Answers"),
    "wizard_key_change": ("Ret svar", "Change"),
    "wizard_key_quit": ("Afslut", "Quit"),
    "wizard_key_copy": ("Kopiér", "Copy"),
    "wizard_key_save": ("Gem .md", "Save .md"),
    "wizard_key_sources": ("Kilder", "Sources"),
    "wizard_key_new": ("Ny samtale", "New call"),
    "wizard_key_summary": ("Opsummering", "Summary"),
    "wizard_key_choose": ("Vælg", "Choose"),
    "wizard_key_close": ("Luk", "Close"),
    "wizard_key_yes": ("Ja", "Yes"),
    "wizard_key_no": ("Nej", "No"),
    "wizard_key_save_here": ("Gem", "Save"),
    "wizard_key_cancel": ("Fortryd", "Cancel"),
    "wizard_key_palette": ("mere", "more"),
    "wizard_cmd_copy": (
        "Send opsummeringen som tekst til terminalens udklipsholder",
        "Send the summary as text to the terminal's clipboard",
    ),
    "wizard_cmd_save": ("Gem opsummeringen som Markdown-fil", "Save the summary as a Markdown file"),
    "wizard_cmd_sources": ("Vis kilderne for hvert punkt", "Show the sources of each item"),
    "wizard_cmd_new": ("Start en ny samtale i samme kommune", "Start a new call in the same municipality"),
    "wizard_cmd_municipality": ("Skift kommune", "Change municipality"),
    "wizard_cmd_not_done": ("Besvar alle spørgsmål først", "Answer every question first"),
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
        # Broken where Danish hyphenates: at 80 columns a header wraps there instead of mid-word.
        "tr_level_ok": ("Service-\nniveau rigtigt", "Service level right"),
        "tr_notes_ok": ("Underret-\nninger rigtige", "Notifi-\ncations right"),
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
        "training_pick_title": ("Vælg et scenarie", "Choose a scenario"),
        "training_pick_filter": (
            "Skriv for at filtrere (titel, kommune, emne) …",
            "Type to filter (title, municipality, topic) …",
        ),
        "training_pick_hint": (
            "↑↓ vælger, Enter starter. Sværhed ●○○ let til ●●● svær.",
            "↑↓ moves, Enter starts. Difficulty ●○○ easy to ●●● hard.",
        ),
        "training_pick_none": ("Intet scenarie passer", "No scenario matches"),
        "training_vignette_title": ("Borgeren fortæller", "The caller says"),
        "training_key_vignette": ("Sagen", "Case"),
        "training_predict_title": (
            "Din forudsigelse – før anbefalingen vises",
            "Your prediction – before the recommendation is shown",
        ),
        "training_predict_level": ("1. Serviceniveau: ↑↓ og Enter", "1. Service level: ↑↓ and Enter"),
        "training_predict_notes": (
            "2. Underretninger: tal eller mellemrum markerer, Enter bekræfter (ingen er også et svar)",
            "2. Notifications: a number or space ticks, Enter confirms (none is an answer too)",
        ),
        "training_key_predict": ("Videre", "Next"),
        "training_debrief_title": ("Gennemgang", "Debrief"),
        "training_score": ("Point: {score} af 100", "Score: {score} of 100"),
        "training_prediction": ("Din forudsigelse", "Your prediction"),
        "training_level_ok": ("✓ Serviceniveau rigtigt: {label}", "✓ Service level right: {label}"),
        "training_level_wrong": (
            "✗ Serviceniveau: du forudsagde «{got}», det rigtige er «{expected}»",
            "✗ Service level: you predicted «{got}», the right one is «{expected}»",
        ),
        "training_notes_ok": ("✓ Underretninger rigtige: {labels}", "✓ Notifications right: {labels}"),
        "training_notes_wrong": (
            "✗ Underretninger: du forudsagde {got}, det rigtige er {expected}",
            "✗ Notifications: you predicted {got}, the right ones are {expected}",
        ),
        "training_answers": ("Dine svar", "Your answers"),
        "training_answers_ok": ("✓ Alle {total} svar som i facit.", "✓ All {total} answers as in the key."),
        "training_answers_wrong": (
            "✗ {wrong} af {total} svar afviger fra facit:",
            "✗ {wrong} of {total} answers differ from the key:",
        ),
        "training_you": ("du", "you"),
        "training_right": ("rigtigt", "right"),
        "training_not_asked": ("ikke spurgt", "not asked"),
        "training_clue": ("Sagen siger", "The case says"),
        "training_why": ("Hvorfor", "Why"),
        "training_why_prediction": ("Hvorfor – din forudsigelse", "Why – your prediction"),
        "training_why_outcome": ("Hvad dine svar ville have ført til", "What your answers would have led to"),
        "training_expected_got": ("rigtigt: {expected} · dit: {got}", "right: {expected} · yours: {got}"),
        "training_section": ("Standardens afsnit", "Section of the standard"),
        "training_not_predicted": ("ikke forudsagt", "not predicted"),
        "training_not_required": ("ikke påkrævet", "not required"),
        "training_required": ("påkrævet", "required"),
        "training_recorded": (
            "Runden er gemt i din træningsstatistik (kun på denne computer): triage train --report",
            "The round is saved in your training statistics (on this computer only): triage train --report",
        ),
        "training_record_failed": ("Runden kunne ikke gemmes: {error}", "The round could not be saved: {error}"),
        "training_record_later": (
            "Fremskridtsdatabasen bruges af en anden triage; runden gemmes med næste runde",
            "The progress database is in use by another triage; the round is saved with the next one",
        ),
        "training_record_lost": (
            "{count} runde(r) kunne ikke gemmes: {error}",
            "{count} round(s) could not be saved: {error}",
        ),
        "training_key_next": ("Næste scenarie", "Next scenario"),
        "training_key_sources": ("Alle kilder", "All sources"),
        "training_cmd_next": ("Gå videre til et nyt scenarie", "Go on to a new scenario"),
        "training_unknown_scenario": ("ukendt scenarie '{id}'{hint}", "unknown scenario '{id}'{hint}"),
        "training_none_match": (
            "Intet scenarie passer til --municipality/--difficulty.",
            "No scenario matches --municipality/--difficulty.",
        ),
    }
)

# --- why, what if, what an edit changes (issue 13) ------------------------------------
CATALOGUE.update(
    {
        "because": ("Begrundelse", "Because"),
        "because_also": ("og", "and"),
        "because_level": ("serviceniveau", "service level"),
        "because_condition": ("Gælder når", "Applies when"),
        "cond_and": ("og", "and"),
        "cond_or": ("eller", "or"),
        "cond_not": ("ikke", "not"),
        "cond_includes": ("omfatter", "include"),
        "cond_excludes": ("omfatter ikke", "do not include"),
        "cond_only": ("kun", "only"),
        "cond_not_only": ("ikke kun", "not only"),
        "cond_under": ("under", "under"),
        "cond_at_most": ("højst", "at most"),
        "cond_over": ("over", "over"),
        "cond_at_least": ("mindst", "at least"),
        "alternatives": ("Hvis et svar ændres", "If one answer changes"),
        "alt_anonymous_False": ("Uden anonymitet", "Without anonymity"),
        "alt_parental_consent_yes": ("Med forældresamtykke", "With parental consent"),
        "alt_wants_treatment_True": ("Med ønske om behandling", "Asking for treatment"),
        "alt_generic": ("Hvis {question}: {value}", "If {question}: {value}"),
        "alt_notify": ("underret", "notify"),
        "alt_by": ("senest", "by"),
        "alt_no_offers": ("ingen tilbud", "no offers"),
        "alt_none": ("ingen", "none"),
        "training_decided_by": ("Afgjort af dit svar", "Decided by your answer"),
    }
)


# --- training a trainer can run (issue 21) -------------------------------------------
CATALOGUE.update(
    {
        "training_score_less": ("Trukket fra", "Taken off"),
        "training_cost_level": ("forkert serviceniveau", "wrong service level"),
        "training_cost_answer": ("svar", "answer"),
        "training_cost_hint": ("hjælp brugt", "hint taken"),
        "training_cost_notification_missed": ("underretning glemt", "notification missed"),
        "training_cost_notification_extra": ("underretning uden grund", "notification without cause"),
        "training_cost_notification_wrong": ("underretning", "notification"),
        "training_cost_offer_missed": ("tilbud mangler", "offer missing"),
        "training_cost_offer_extra": ("tilbud uden grund", "offer without cause"),
        "training_cost_offer_wrong": ("tilbud", "offer"),
        "training_cost_deadline_missed": ("frist mangler", "deadline missing"),
        "training_cost_deadline_extra": ("frist uden grund", "deadline without cause"),
        "training_cost_deadline_wrong": ("frist på en anden dag", "deadline on another day"),
        "training_teaching": ("Pointen", "The point"),
        "training_therefore": ("Derfor", "Therefore"),
        "training_no_rule": (
            "Ingen regel kræver denne underretning for disse svar.",
            "No rule requires this notification for these answers.",
        ),
        "training_key_answer_key": ("Hele facit", "Whole answer"),
        "tr_trainee": ("Kursist", "Trainee"),
        "tr_trends": (
            "Udvikling pr. emne (gns. point første og seneste dag)",
            "Trend per topic (avg. score first and last day)",
        ),
        "tr_rounds_title": ("Runder", "Rounds"),
        "tr_date": ("Dato", "Date"),
        "tr_points": ("Point", "Score"),
        "tr_wrong": ("Forkert", "Wrong"),
        "tr_wrong_level": ("serviceniveau", "service level"),
        "tr_wrong_notes": ("underretninger", "notifications"),
        "tr_over_weeks": ("over {n} uger", "over {n} weeks"),
        "tr_over_week": ("over {n} uge", "over {n} week"),
        "tr_over_days": ("over {n} dage", "over {n} days"),
        "tr_over_day": ("over {n} dag", "over {n} day"),
        "tr_format_needs_report": ("--format virker kun med --report", "--format works only with --report"),
        "tr_trainee_prompt": (
            "Dit navn eller dine initialer (til træneren; aldrig et CPR-nummer): ",
            "Your name or initials (for the trainer; never a CPR number): ",
        ),
        "tr_trainee_kept": ("Gemt: {name}. Skift med --trainee NAVN.", "Kept: {name}. Change it with --trainee NAME."),
        "training_unknown_topic": (
            "ukendt emne '{id}'{hint} (emner: {known})",
            "unknown topic '{id}'{hint} (topics: {known})",
        ),
        "training_retry_none": (
            "Ingen scenarier at tage om: alle senest spillede var rigtige (eller intet er spillet endnu).",
            "No scenario to retry: every one played last was right (or none has been played yet).",
        ),
        "training_key_hint": ("Spor", "Clue"),
        "training_hint": (
            "Spor (−{cost} point) – {question}: «{words}»",
            "Clue (−{cost} points) – {question}: «{words}»",
        ),
        "training_no_hint": ("Ikke flere spor i denne sag.", "No more clues in this case."),
        "training_done_mark": ("✓", "✓"),
        "training_answer_key_title": ("Den rigtige anbefaling", "The right recommendation"),
    }
)
