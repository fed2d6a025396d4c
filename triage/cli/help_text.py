"""``--help`` in the chosen language: Danish by default, as the rest of triage.

argparse writes its own words ("usage:", "options:") through gettext, for which no Danish
catalogue ships; ``Parser`` replaces them in the finished text, and ``h`` gives each
argument's help in the language that ``--lang`` (or ``TRIAGE_LANG``) asks for.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from triage.rules.model import Lang

# argparse's own words (Python 3.11-3.13), as they end up in the help text.
_ARGPARSE_DA = {
    "usage: ": "brug: ",
    "\noptions:\n": "\ntilvalg:\n",
    "\npositional arguments:\n": "\nargumenter:\n",
    "show this help message and exit": "vis denne hjælp og afslut",
    "show program's version number and exit": "vis versionen og afslut",
    "\ncommands:\n": "\nkommandoer:\n",
    "\nscenario commands:\n": "\nkommandoer for scenarier:\n",
}

# Each argument's help, English -> Danish.
DANISH = dict(
    [
        ("COMMAND", "KOMMANDO"),
        (
            "folder with municipalities.toml and flows/ (default: the shipped data)",
            "mappe med municipalities.toml og flows/ (standard: de medfølgende data)",
        ),
        ("language (default: da)", "sprog (standard: da)"),
        ("start at the first question for this municipality", "start ved første spørgsmål for denne kommune"),
        ("one recommendation from an answers file, no interaction", "én anbefaling ud fra en svarfil, uden spørgsmål"),
        ("answers as TOML or JSON; - for stdin", "svar som TOML eller JSON; - for standardinput"),
        (
            "the same call as line-by-line prompts (screen readers, slow terminals)",
            "samme samtale som spørgsmål linje for linje (skærmlæsere, langsomme terminaler)",
        ),
        ("skip the municipality question", "spring spørgsmålet om kommune over"),
        ("day of first contact (default: today)", "dagen for henvendelsen (standard: i dag)"),
        ("validate and verify the data files", "kontrollér og efterprøv datafilerne"),
        ("data folder (default: --data or the shipped data)", "datamappe (standard: --data eller de medfølgende data)"),
        (
            "also read every cited section against the headings of the standards' text files in DIR",
            "hold også hver henvisning til et afsnit op mod overskrifterne i standardernes tekstfiler i DIR",
        ),
        (
            "what an edit of the data changes; exit 0 no change, 1 changes, 2 unreadable",
            "hvad en ændring af data ændrer; afslutter med 0 ingen ændring, 1 ændringer, 2 ulæselig",
        ),
        (
            "the data before the edit: a folder, or a git revision (HEAD~1)",
            "data før ændringen: en mappe eller en git-version (HEAD~1)",
        ),
        (
            "the data after it (default: --data or the shipped data)",
            "data efter den (standard: --data eller de medfølgende data)",
        ),
        ("only this municipality", "kun denne kommune"),
        (
            "add a municipality's table and an example scenario; the law answers until its rules are added",
            "tilføj en kommunes tabel og et eksempelscenarie; loven svarer, til dens regler er tilføjet",
        ),
        (
            "the new municipality's ID: lower-case letters, digits, _",
            "den nye kommunes ID: små bogstaver, cifre, _",
        ),
        ("its name as shown, e.g. Norddjurs", "dens navn, som det vises, fx Norddjurs"),
        (
            "contact date the deadlines count from (default: today)",
            "henvendelsesdatoen, fristerne regnes fra (standard: i dag)",
        ),
        (
            "the training scenarios: run them through the engine, or list them",
            "træningsscenarierne: kør dem gennem reglerne, eller vis dem",
        ),
        (
            "run every scenario; exit 0 all pass, 1 mismatches, 2 unreadable",
            "kør alle scenarier; afslutter med 0 alle bestået, 1 afvigelser, 2 ulæselig",
        ),
        ("the scenarios as a table", "scenarierne som tabel"),
        ("only this difficulty", "kun denne sværhedsgrad"),
        ("only scenarios with this topic", "kun scenarier med dette emne"),
        (
            "training: work a case, predict, get a debrief (--report: accuracy)",
            "træning: arbejd med en sag, forudsig, få en gennemgang (--report: træfsikkerhed)",
        ),
        ("accuracy per municipality and per topic so far", "træfsikkerhed pr. kommune og pr. emne indtil nu"),
        (
            "start with this scenario (see: triage scenarios list)",
            "start med dette scenarie (se: triage scenarios list)",
        ),
        (
            "a random scenario, and a new random one after each",
            "et tilfældigt scenarie og et nyt tilfældigt efter hvert",
        ),
        ("only scenarios for this municipality", "kun scenarier for denne kommune"),
        ("only scenarios of this difficulty", "kun scenarier med denne sværhedsgrad"),
    ]
)


def lang_asked(argv: Sequence[str]) -> Lang:
    """The language ``argv`` (or ``TRIAGE_LANG``) asks for, read before the parser exists."""
    lang = os.environ.get("TRIAGE_LANG", "da")
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return "en" if lang == "en" else "da"


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help and usage speak ``lang`` (its subparsers too)."""

    lang: Lang = "da"

    def format_help(self) -> str:
        return self._speak(super().format_help())

    def format_usage(self) -> str:
        return self._speak(super().format_usage())

    def _speak(self, text: str) -> str:
        if self.lang == "da":
            for en, da in _ARGPARSE_DA.items():
                text = text.replace(en, da)
        return text


def h(text: str, lang: Lang) -> str:
    """An argument's help in ``lang``."""
    return DANISH.get(text, text) if lang == "da" else text
