"""The ``triage`` command: parse arguments, load data once, hand finished objects to a mode.

Exit codes (contract; ``triage.rules.errors.Exit``): 0 success, 1 findings, 2 bad input
with one located line on stderr and never a traceback; an error carries its own code.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
from collections.abc import Callable, MutableMapping, Sequence

from triage import __version__
from triage.cli.help_text import Parser, h, lang_asked
from triage.data.clock import danish_today
from triage.data.knowledge import load_knowledge
from triage.rules.errors import DataError, Exit, TriageError, after_signal
from triage.rules.model import Knowledge, Lang
from triage.rules.printable import excerpt


def cmd_recommend(args: argparse.Namespace) -> int:
    from triage.data import answers
    from triage.output import render
    from triage.output.i18n import t
    from triage.rules import recommendation

    lang = lang_of(args.lang)
    knowledge = load_knowledge(args.data)
    name, raw = answers.read(args.answers, lang)
    parsed = answers.parse(name, raw, knowledge, danish_today(), lang)
    for warning in parsed.warnings:
        print(f"{t('warning_prefix', lang)}: {warning}", file=sys.stderr)
    rec = recommendation.recommend(
        knowledge, parsed.municipality, parsed.values, parsed.contact_date, lang, parsed.not_known
    )
    if args.format == "json":
        import json

        from triage.output.streams import ascii_only

        print(json.dumps(render.to_json(rec), ensure_ascii=ascii_only(), indent=2))
    elif args.format == "markdown":
        print(render.to_markdown(rec, knowledge.flow), end="")
    else:
        from triage.output.richview import to_rich
        from triage.output.streams import console

        console().print(to_rich(rec, knowledge.flow))
    return Exit.OK


def cmd_check(args: argparse.Namespace) -> int:
    from triage.cli import check_report

    data: str | None = args.dir or args.data
    return check_report.run(data, str(args.format), lang_of(args.lang), args.standards)


def cmd_new_municipality(args: argparse.Namespace) -> int:
    from triage.cli import new_municipality

    return new_municipality.run(args.data, args.id, args.name, lang_of(args.lang))


def _full_screen_refused(lang: Lang) -> bool:
    """The wizard and training need a keyboard and a screen; say so in one line if not.

    Without a terminal on stdin Textual reads a file's bytes as keystrokes (an answers file
    piped in answers question 1) or spins on /dev/null; it draws on stderr, so ``2> file``
    would write every answer into that file; and TERM=dumb cannot show it at all.
    """
    import os

    from triage.output.i18n import t

    key = None
    if not sys.stdin.isatty():
        key = "wizard_no_tty"
    elif os.environ.get("TERM", "") == "dumb":
        key = "wizard_dumb_terminal"
    elif not sys.stderr.isatty():
        key = "wizard_no_screen"
    if key is None:
        return False
    print(t(key, lang), file=sys.stderr)
    return True


def cmd_diff(args: argparse.Namespace) -> int:
    from triage.cli import diff_report

    contact_date = date_option(args.date, "en")
    return diff_report.run(args.old, args.new or args.data, args.format, args.municipality, contact_date)


def date_option(value: str | None, lang: Lang) -> datetime.date:
    """``--date``: a day YYYY-MM-DD within the bounds of a contact date; default today (Danish)."""
    from triage.data.schema import contact_date_problem
    from triage.output.i18n import t
    from triage.rules.errors import Problem

    if value is None:
        return danish_today()
    try:
        day = datetime.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        day = None
    if day is None:
        raise TriageError(Problem("--date", "", t("ask_bad_date", lang, value=excerpt(value))))
    out_of_range = contact_date_problem(day)
    if out_of_range is not None:
        raise TriageError(Problem("--date", "", out_of_range))
    return day


def cmd_wizard(args: argparse.Namespace) -> int:
    from triage.tui.launch import run_wizard

    knowledge = load_knowledge(args.data)
    _known_municipality(knowledge, args.municipality, lang_of(args.lang))
    if _full_screen_refused(lang_of(args.lang)):
        return Exit.BAD_INPUT
    return run_wizard(knowledge, municipality=args.municipality, lang=lang_of(args.lang))


def cmd_scenarios_test(args: argparse.Namespace) -> int:
    from triage.cli.scenario_commands import run_test

    return run_test(load_knowledge(args.data), lang_of(args.lang))


def cmd_scenarios_list(args: argparse.Namespace) -> int:
    from triage.cli.scenario_commands import run_list

    knowledge = load_knowledge(args.data)
    _known_municipality(knowledge, args.municipality, lang_of(args.lang))
    return run_list(
        knowledge,
        lang_of(args.lang),
        municipality=args.municipality,
        difficulty=args.difficulty,
        topic=args.topic,
    )


def cmd_train(args: argparse.Namespace) -> int:
    from triage.cli.scenario_commands import load_library
    from triage.output.i18n import t

    knowledge = load_knowledge(args.data)
    library = load_library(knowledge)
    if library is None:
        return Exit.BAD_INPUT
    lang = lang_of(args.lang)
    from triage.rules.errors import Problem, suggestion

    if args.format is not None and not args.report:
        raise TriageError(Problem("--format", "", t("tr_format_needs_report", lang)))
    if args.report:
        from triage.cli import train_report

        return train_report.run(knowledge, library, lang, fmt=args.format or "text")
    _known_municipality(knowledge, args.municipality, lang)
    if args.topic is not None and library.topic(args.topic) is None:
        ids = [x.id for x in library.topics]
        message = t(
            "training_unknown_topic", lang, id=args.topic, hint=suggestion(args.topic, ids, lang), known=", ".join(ids)
        )
        raise TriageError(Problem("--topic", "", message))

    scenario = None
    if args.scenario is not None:
        scenario = library.get(args.scenario)
        if scenario is None:
            hint = suggestion(args.scenario, [s.id for s in library.scenarios], lang)
            raise TriageError(
                Problem("--scenario", "", t("training_unknown_scenario", lang, id=args.scenario, hint=hint))
            )
    from triage.cli import practice

    pool = practice.pool(library, args.municipality, args.difficulty, args.topic, args.set, args.retry)
    if not pool:
        print(t("training_retry_none" if args.retry else "training_none_match", lang), file=sys.stderr)
        return Exit.BAD_INPUT
    if args.trainee is not None:
        practice.keep_trainee(args.trainee, lang)
    if _full_screen_refused(lang):
        return Exit.BAD_INPUT
    if args.trainee is None:
        practice.ask_trainee_once(lang)
    from triage.tui.train_app import run_training

    return run_training(knowledge, library, lang, pool=pool, scenario=scenario, pick_random=args.random)


def _known_municipality(knowledge: Knowledge, mid: str | None, lang: Lang) -> None:
    """``--municipality`` must name a municipality of the data: one located line if not."""
    if mid and mid not in knowledge.municipalities:
        from triage.output.i18n import t
        from triage.rules.errors import Problem, suggestion

        ids = list(knowledge.municipalities)
        hint = suggestion(mid[:100], ids, lang)
        message = t("ask_unknown_municipality", lang, value=excerpt(mid), hint=hint, known=", ".join(ids))
        raise TriageError(Problem("--municipality", "", message))


def cmd_ask(args: argparse.Namespace) -> int:
    """Line-by-line prompts; without a terminal, point to ``recommend`` instead of hanging.

    Arguments are checked first, so a typo is reported as such even from a script.
    """
    from triage.output.i18n import t

    lang = lang_of(args.lang)
    contact_date = date_option(args.date, lang)
    knowledge = load_knowledge(args.data)
    _known_municipality(knowledge, args.municipality, lang)
    if not sys.stdin.isatty():
        print(t("ask_no_tty", lang), file=sys.stderr)
        return Exit.BAD_INPUT
    from triage.cli.ask import Ended, ending_signals_end_the_prompt, run_ask

    try:
        with ending_signals_end_the_prompt():
            return run_ask(knowledge, lang=lang, contact_date=contact_date, municipality=args.municipality)
    except Ended as ended:
        return after_signal(ended.signal)


def _common(p: argparse.ArgumentParser, lang: Lang, *, top: bool = False) -> None:
    """``--data`` and ``--lang``, accepted before and after the command name alike.

    The defaults live on the top-level parser only: a subparser's own default would
    otherwise overwrite a value given before the command name (argparse copies every
    subparser default into the namespace), so on a subparser they are SUPPRESSed.
    """
    p.add_argument(
        "--data",
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help=h("folder with municipalities.toml and flows/ (default: the shipped data)", lang),
    )
    p.add_argument(
        "--lang",
        choices=["da", "en"],
        default="da" if top else argparse.SUPPRESS,
        help=h("language (default: da)", lang),
    )


def build_parser(lang: Lang = "da") -> argparse.ArgumentParser:
    """The command line; its help in ``lang`` (help_text.py)."""
    Parser.lang = lang
    parser = Parser(
        prog="triage",
        description="Første samtale på et rusmiddelcenter / the first conversation at a drug-treatment centre.",
    )
    parser.add_argument("--version", action="version", version=f"triage {__version__}")
    _common(parser, lang, top=True)
    parser.add_argument(
        "--municipality", metavar="ID", help=h("start at the first question for this municipality", lang)
    )
    parser.add_argument(
        "--dev",
        action="store_true",
        help=h(
            "honour Textual's debug variables (TEXTUAL_LOG, TEXTUAL_SCREENSHOT, ...), which write the screen"
            " and every answer to files: for development with made-up calls only",
            lang,
        ),
    )
    parser.set_defaults(run=cmd_wizard)
    sub = parser.add_subparsers(title="commands", metavar=h("COMMAND", lang))

    rec = sub.add_parser("recommend", help=h("one recommendation from an answers file, no interaction", lang))
    _common(rec, lang)
    rec.add_argument("--answers", required=True, metavar="FILE", help=h("answers as TOML or JSON; - for stdin", lang))
    rec.add_argument("--format", choices=["json", "text", "markdown"], default="json")
    rec.set_defaults(run=cmd_recommend)

    ask = sub.add_parser("ask", help=h("the same call as line-by-line prompts (screen readers, slow terminals)", lang))
    _common(ask, lang)
    ask.add_argument("--municipality", metavar="ID", help=h("skip the municipality question", lang))
    ask.add_argument("--date", metavar="YYYY-MM-DD", help=h("day of first contact (default: today)", lang))
    ask.set_defaults(run=cmd_ask)

    chk = sub.add_parser("check", help=h("validate and verify the data files", lang))
    _common(chk, lang)
    chk.add_argument("dir", nargs="?", metavar="DIR", help=h("data folder (default: --data or the shipped data)", lang))
    chk.add_argument("--format", choices=["text", "json"], default="text")
    chk.add_argument("--standards", metavar="DIR",
        help=h("also read every cited section against the headings of the standards' text files in DIR", lang))
    chk.set_defaults(run=cmd_check)

    dif = sub.add_parser(
        "diff", help=h("what an edit of the data changes; exit 0 no change, 1 changes, 2 unreadable", lang)
    )
    _common(dif, lang)
    dif.add_argument(
        "old", metavar="OLD", help=h("the data before the edit: a folder, or a git revision (HEAD~1)", lang)
    )
    dif.add_argument(
        "new", nargs="?", metavar="NEW", help=h("the data after it (default: --data or the shipped data)", lang)
    )
    dif.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    dif.add_argument("--municipality", metavar="ID", help=h("only this municipality", lang))
    dif.add_argument(
        "--date", metavar="YYYY-MM-DD", help=h("contact date the deadlines count from (default: today)", lang)
    )
    dif.set_defaults(run=cmd_diff)

    new = sub.add_parser("new-municipality",
        help=h("add a municipality's table and an example scenario; the law answers until its rules are added", lang))
    _common(new, lang)
    new.add_argument("id", metavar="ID", help=h("the new municipality's ID: lower-case letters, digits, _", lang))
    new.add_argument("--name", metavar="NAME", help=h("its name as shown, e.g. Norddjurs", lang))
    new.set_defaults(run=cmd_new_municipality)

    scn = sub.add_parser("scenarios", help=h("the training scenarios: run them through the engine, or list them", lang))
    _common(scn, lang)
    scn_sub = scn.add_subparsers(title="scenario commands", metavar=h("COMMAND", lang), required=True)
    scn_test = scn_sub.add_parser(
        "test", help=h("run every scenario; exit 0 all pass, 1 mismatches, 2 unreadable", lang)
    )
    _common(scn_test, lang)
    scn_test.set_defaults(run=cmd_scenarios_test)
    scn_list = scn_sub.add_parser("list", help=h("the scenarios as a table", lang))
    _common(scn_list, lang)
    scn_list.add_argument("--municipality", metavar="ID", help=h("only this municipality", lang))
    scn_list.add_argument("--difficulty", type=int, choices=[1, 2, 3], help=h("only this difficulty", lang))
    scn_list.add_argument("--topic", metavar="TOPIC", help=h("only scenarios with this topic", lang))
    scn_list.set_defaults(run=cmd_scenarios_list)

    trn = sub.add_parser("train", help=h("training: work a case, predict, get a debrief (--report: accuracy)", lang))
    _common(trn, lang)
    trn.add_argument("--report", action="store_true", help=h("accuracy per municipality and per topic so far", lang))
    trn.add_argument("--scenario", metavar="ID", help=h("start with this scenario (see: triage scenarios list)", lang))
    trn.add_argument(
        "--random", action="store_true", help=h("a random scenario, and a new random one after each", lang)
    )
    trn.add_argument("--municipality", metavar="ID", help=h("only scenarios for this municipality", lang))
    trn.add_argument("--difficulty", type=int, choices=[1, 2, 3], help=h("only scenarios of this difficulty", lang))
    trn.add_argument(
        "--topic", metavar="ID", help=h("only scenarios with this topic (see flows/scenarios/topics.toml)", lang)
    )
    trn.add_argument("--set", metavar="FILE", help=h("only the scenarios a trainer listed in this TOML file", lang))
    trn.add_argument("--retry", action="store_true", help=h("only the scenarios answered wrong the last time", lang))
    trn.add_argument(
        "--trainee", metavar="NAME", help=h("your name or initials for the report (kept; never a CPR number)", lang)
    )
    trn.add_argument(
        "--format", choices=["text", "csv", "json"], default=None, help=h("with --report: the format", lang)
    )
    trn.set_defaults(run=cmd_train)
    return parser


def ignore_bad_terminal_size(environ: MutableMapping[str, str]) -> None:
    """COLUMNS or LINES of 0, negative or not a number is no size: forget it.

    Rich took ``COLUMNS=0`` as a width of 0, and ``recommend --format text``, ``check`` and the
    lists printed nothing with exit 0; without it the real size (or 80) is used.
    """
    for name in ("COLUMNS", "LINES"):
        value = environ.get(name)
        if value is not None and not (value.strip().isdigit() and int(value) > 0):
            del environ[name]


def main(argv: Sequence[str] | None = None) -> int:
    from triage.output.streams import make_tolerant

    make_tolerant()
    ignore_bad_terminal_size(os.environ)
    args = build_parser(lang_asked(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    from triage.cli.debug_switches import neutralise

    neutralise(os.environ, dev=args.dev)  # before Textual is imported: it reads them then
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        code = run(args)
        sys.stdout.flush()  # a reader gone away is found here, not at interpreter exit
        return code
    except BrokenPipeError:
        # `triage recommend … | head`: the reader has what it wanted. Nothing more can be
        # written, and Python would complain again when it flushes stdout at exit.
        _stdout_to_devnull()
        return Exit.PIPE_CLOSED
    except DataError as err:
        extra = f" (and {len(err.problems) - 1} more; run 'triage check')" if len(err.problems) > 1 else ""
        print(f"{err}{extra}", file=sys.stderr)
        return err.exit_code
    except TriageError as err:
        print(str(err), file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return Exit.STOPPED
    except MemoryError:
        print("triage: out of memory", file=sys.stderr)
        return Exit.BAD_INPUT
    except Exception as err:
        # A fault of triage itself. Exit 2, never Python's 1: `check` and `diff` document 1 as
        # "findings" and "changes", so a crash must not read as a result. --dev shows the traceback.
        if args.dev:
            raise
        print(f"triage: internal error ({type(err).__name__}: {excerpt(err)}); --dev shows where", file=sys.stderr)
        return Exit.BAD_INPUT


def _stdout_to_devnull() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (in a test): nothing is flushed at exit either
        pass


def lang_of(value: str) -> Lang:
    return "en" if value == "en" else "da"
