"""``triage ask``: the first conversation as line-by-line prompts, for screen readers and slow links.

The same flow, engine and summary as the wizard, one question per line with questionary.
What to ask and what an answer means is decided in ``triage.cli.conversation`` (pure); this
module only talks to the terminal. Every prompt offers "back" (the ``<`` key), Ctrl+C asks
before answers are dropped, and nothing is written unless the counsellor saves the summary.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyPressEvent
from questionary import Choice
from questionary.prompts.common import InquirerControl
from rich.console import Console
from rich.text import Text

from triage.cli.prompt_input import BACK_KEY, is_back, typed_problem
from triage.output.answer_keys import NO_KEYS, UNKNOWN_KEYS, YES_KEYS, means_unknown
from triage.output.dates import short_date
from triage.output.export import export_name, shown, typed_path, write_private
from triage.output.i18n import t
from triage.output.render import to_markdown
from triage.output.richview import to_rich
from triage.rules.errors import Exit
from triage.rules.model import UNKNOWN, Answer, Knowledge, Lang, Question
from triage.rules.parsing import parse_typed
from triage.rules.session import MUNICIPALITY, Session

BACK = "\x00back"  # the value of the "back" choice: no option ID can look like it


def _control(question: questionary.Question) -> InquirerControl:
    controls = question.application.layout.find_all_controls()
    return next(c for c in controls if isinstance(c, InquirerControl))


def _answer_on_key(question: questionary.Question, key: str, value: Any) -> None:
    """Pressing ``key`` answers at once with ``value`` (one keystroke per answer on a live call)."""
    ic = _control(question)
    index = next(i for i, c in enumerate(ic.choices) if c.value == value)

    def answer(event: KeyPressEvent) -> None:
        ic.pointed_at = index
        ic.is_answered = True
        event.app.exit(result=value)

    question.application.key_bindings.add(key, eager=True)(answer)  # type: ignore[union-attr]


Item = tuple[str, Any, str | None]  # title, value, key that answers at once


def _select(
    conv: Session,
    message: str,
    items: list[Item],
    *,
    default: Any,
    hint: str,
    aliases: tuple[tuple[str, Any], ...] = (),
    back: bool = True,
) -> Any:
    """A select where each item's key (shown before it) answers at once; ``<`` goes back.

    The "back" item is on every prompt of the flow; it is greyed out where there is
    nothing to go back to. ``aliases`` are further keys for a value (``y`` for "ja").
    """
    choices = [
        Choice(f"{key}) {title}" if key else title, value=value, shortcut_key=False) for title, value, key in items
    ]
    if back:
        reason = None if conv.can_go_back else t("ask_nothing_before", conv.lang)
        title = f"{BACK_KEY}) {t('ask_back', conv.lang)}"
        choices.append(Choice(title, value=BACK, shortcut_key=False, disabled=reason))
    question = questionary.select(
        message,
        choices=choices,
        default=next((c for c in choices if c.value == default and default is not None), None),
        use_jk_keys=False,
        instruction=hint,
    )
    keys = [(key, value) for _, value, key in items if key] + list(aliases)
    if back and conv.can_go_back:
        keys.append((BACK_KEY, BACK))
    for key, value in keys:
        _answer_on_key(question, key, value)
    return question.unsafe_ask()


def _yes_no_items(lang: Lang) -> tuple[list[Item], tuple[tuple[str, Any], ...]]:
    """Ja/Nej (or Yes/No) with the language's key shown, and j, y and n all accepted."""
    shown_yes = "j" if lang == "da" else "y"
    items: list[Item] = [(t("yes", lang), True, shown_yes), (t("no", lang), False, NO_KEYS[0])]
    aliases: list[tuple[str, Any]] = [(k, True) for k in YES_KEYS if k != shown_yes]
    aliases += [(k, False) for k in NO_KEYS if k != NO_KEYS[0]]
    return items, tuple(aliases)


def ask_municipality(conv: Session) -> str:
    items: list[Item] = [(m.name, m.id, str(i)) for i, m in enumerate(conv.knowledge.municipalities.values(), 1)]
    value: str = _select(
        conv,
        t("ask_which_municipality", conv.lang),
        items,
        default=conv.suggestion(MUNICIPALITY),
        hint=t("ask_select_hint", conv.lang),
    )
    return value


def ask_question(conv: Session, q: Question) -> Answer | str:
    """One question of the flow; returns the answer, or ``BACK``."""
    lang = conv.lang
    label = q.label_text(lang, conv.place)
    default = conv.suggestion(q.id)
    if q.kind == "bool":
        items, aliases = _yes_no_items(lang)
        hint = t("ask_bool_hint", lang)
        if q.unknown_allowed(conv.flow_state.answers):  # "ved ikke" (contract v3): v, or ? as for a number
            items.append((t("unknown_answer", lang), UNKNOWN, UNKNOWN_KEYS[0]))
            aliases = (*aliases, *((k, UNKNOWN) for k in UNKNOWN_KEYS[1:]))
            hint = t("ask_bool_unknown_hint", lang)
        answer: Answer | str = _select(conv, label, items, default=default, hint=hint, aliases=aliases)
        return answer
    if q.kind == "choice":
        options: list[Item] = [(o.label.get(lang), o.value, o.key) for o in q.options]
        chosen: str = _select(conv, label, options, default=default, hint=t("ask_select_hint", lang))
        return chosen
    if q.kind == "int":
        return _ask_int(conv, q, label, default)
    return _ask_multi(conv, q, label, default)


def _ask_int(conv: Session, q: Question, label: str, default: Answer | None) -> int | str:
    lang = conv.lang

    unknown_ok = q.unknown_allowed(conv.flow_state.answers)

    def validate(text: str) -> bool | str:
        if (is_back(text) and conv.can_go_back) or (unknown_ok and means_unknown(text)):
            return True
        return typed_problem(q, text, lang) or True

    text: str = questionary.text(
        label,
        default="" if default is None else UNKNOWN_KEYS[0] if default == UNKNOWN else str(default),
        validate=validate,
        instruction=t("ask_int_unknown_hint" if unknown_ok else "ask_int_hint", lang, lo=q.minimum, hi=q.maximum),
    ).unsafe_ask()
    if is_back(text):
        return BACK
    if unknown_ok and means_unknown(text):
        return UNKNOWN
    value = parse_typed(q, text, lang)  # validate let nothing else through
    if not isinstance(value, int):
        raise ValueError(text)
    return value


def _ask_multi(conv: Session, q: Question, label: str, default: Answer | None) -> tuple[str, ...] | str:
    lang = conv.lang
    chosen = set(default) if isinstance(default, tuple) else set()
    choices = [
        Choice(
            f"{o.key}) {o.label.get(lang)}" if o.key else o.label.get(lang),
            value=o.value,
            checked=o.value in chosen,
        )
        for o in q.options
    ]
    reason = None if conv.can_go_back else t("ask_nothing_before", lang)
    back = Choice(f"{BACK_KEY}) {t('ask_back', lang)}", value=BACK, disabled=reason)

    def validate(values: list[str]) -> bool | str:
        if BACK in values:
            return True
        return typed_problem(q, values, lang) or True

    question = questionary.checkbox(
        label,
        choices=[*choices, back],
        validate=validate,
        use_jk_keys=False,
        instruction=t("ask_multi_hint", lang),
    )
    ic = _control(question)
    for o in q.options:
        if o.key:
            _toggle_on_key(question, ic, o.key, o.value)
    if conv.can_go_back:
        _answer_on_key(question, BACK_KEY, BACK)
    values: list[str] | str = question.unsafe_ask()
    if values == BACK or BACK in values:
        return BACK
    return tuple(o.value for o in q.options if o.value in values)


def _toggle_on_key(question: questionary.Question, ic: InquirerControl, key: str, value: str) -> None:
    """Pressing an option's key ticks or unticks it (the data's keys, as in the wizard)."""
    index = next(i for i, c in enumerate(ic.choices) if c.value == value)

    def toggle(event: KeyPressEvent) -> None:
        ic.pointed_at = index
        if value in ic.selected_options:
            ic.selected_options.remove(value)
        else:
            ic.selected_options.append(value)

    question.application.key_bindings.add(key, eager=True)(toggle)  # type: ignore[union-attr]


def _yes_no(conv: Session, message: str, *, default: bool) -> bool:
    """A yes/no question outside the flow (stop, overwrite): j/y/n, no "back"."""
    items, aliases = _yes_no_items(conv.lang)
    hint = t("ask_yes_no_hint", conv.lang)
    answer: bool = _select(conv, message, items, default=default, hint=hint, aliases=aliases, back=False)
    return answer


def confirm_stop(conv: Session) -> bool:
    """Ctrl+C with answers given: ask first. A second Ctrl+C here means yes, stop."""
    try:
        return _yes_no(conv, t("ask_quit_confirm", conv.lang, n=len(conv.answers)), default=False)
    except (KeyboardInterrupt, EOFError):
        return True


def show_context(console: Console, conv: Session, q: Question) -> None:
    """Before a question: where we are, what to say to the caller, and what the question means."""
    lang = conv.lang
    state = conv.flow_state
    console.print()
    console.print(Text(t("ask_progress", lang, n=len(state.asked) + 1, total=state.total), style="dim"))
    script = q.say(state.answers)  # fits the caller; none during an acute call
    if script is not None:
        console.print(Text.assemble((f"{t('ask_say', lang)}: ", "bold"), (f"»{script.get(lang)}«", "italic")))
    console.print(Text(q.help.get(lang), style="dim"))


def _emergency(conv: Session) -> bool:
    rec = conv.recommendation if not conv.needs_municipality else None
    return rec is not None and rec.level.id == "emergency"


def tell_emergency(console: Console, conv: Session) -> None:
    """Acute danger, the moment it is answered: who to call now (112, Giftlinjen), as the wizard's
    emergency screen says it, before the questions about children and pregnancy."""
    console.print()
    for line in conv.knowledge.flow.emergency_lines:
        console.print(Text(line.get(conv.lang), style="bold"))


def offer_save(console: Console, conv: Session, markdown: str) -> bool | str:
    """Offer to save the summary; returns True when saved, False when not, ``BACK`` to go back."""
    lang = conv.lang
    items, aliases = _yes_no_items(lang)
    hint = t("ask_bool_hint", lang)
    wanted: bool | str = _select(conv, t("ask_save", lang), items, default=False, hint=hint, aliases=aliases)
    if wanted is not True:
        if wanted is False:
            console.print(t("ask_not_saved", lang))
        return wanted
    suggested = export_name(conv.municipality or "", conv.contact_date)
    while True:
        name: str = questionary.text(t("ask_save_path", lang), default=suggested).unsafe_ask()
        if not name.strip():
            console.print(t("ask_not_saved", lang))
            return False
        path = Path(name.strip())
        # A path is printed as typed (markup=False): "[2026]" in a folder name is not Rich markup.
        try:
            path = typed_path(name.strip())  # ~nosuchuser: said, and asked again
            if path.is_dir():
                path = path / suggested
            write_private(path, markdown)
        except FileExistsError:
            if not _yes_no(conv, t("ask_overwrite", lang, path=shown(path)), default=False):
                continue
            try:
                write_private(path, markdown, overwrite=True)
            except OSError as err:
                console.print(t("ask_save_failed", lang, path=shown(path), error=err.strerror or err), markup=False)
                continue
        except OSError as err:
            console.print(t("ask_save_failed", lang, path=shown(path), error=err.strerror or err), markup=False)
            continue
        console.print(t("ask_saved", lang, path=shown(path)), markup=False)
        return True


class Ended(Exception):
    """SIGTERM or SIGHUP arrived: the call ends, the terminal given back first."""

    def __init__(self, signal: int) -> None:
        super().__init__(signal)
        self.signal = signal


@contextlib.contextmanager
def ending_signals_end_the_prompt() -> Iterator[None]:
    """SIGTERM and SIGHUP end ``triage ask`` with ``Ended`` instead of killing it in a prompt.

    While a prompt is open, the prompt is told to end with ``Ended`` (prompt_toolkit's
    ``Application.exit(exception=...)``, through the event loop), so it leaves raw mode and
    shows the cursor as on Enter; between prompts the terminal is in its normal mode, and
    ``Ended`` is raised at once. A ``SystemExit`` raised inside the prompt's event loop would
    skip that clean-up.
    """
    import asyncio
    import signal

    from prompt_toolkit.application import get_app_or_none

    def ending(number: int, _frame: object) -> None:
        app = get_app_or_none()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if app is None or not app.is_running or loop is None:
            raise Ended(number)

        def end_prompt() -> None:
            if app.future is not None and not app.future.done():
                app.exit(exception=Ended(number))

        loop.call_soon_threadsafe(end_prompt)

    names = ("SIGTERM", "SIGHUP")
    wanted = [getattr(signal, n) for n in names if hasattr(signal, n)]
    previous = {sig: signal.signal(sig, ending) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_ask(
    knowledge: Knowledge,
    *,
    lang: Lang,
    contact_date: datetime.date,
    municipality: str | None = None,
    console: Console | None = None,
) -> int:
    """The whole call at the prompt. Exit code 0 when the summary was shown, 130 when stopped."""
    console = console or Console(highlight=False)
    conv = Session(
        knowledge,
        lang,
        contact_date,
        municipality=municipality,
        fixed_municipality=municipality is not None,
    )
    console.print(Text(t("ask_intro", lang, date=short_date(contact_date, lang)), style="bold"))
    shown: Mapping[str, Answer] | None = None  # the answers whose summary is on screen
    while True:
        try:
            if conv.needs_municipality:
                chosen = ask_municipality(conv)
                conv = conv.back() if chosen == BACK else conv.choose(chosen)
                continue
            q = conv.question
            if q is not None:
                show_context(console, conv, q)
                value = ask_question(conv, q)
                before = conv
                conv = conv.back() if value == BACK else conv.answer(q.id, value)
                if _emergency(conv) and not _emergency(before):
                    tell_emergency(console, conv)
                continue
            rec = conv.recommendation
            if rec is None:  # a finished call always has one; the data is proven so by `triage check`
                raise RuntimeError("no recommendation for a finished call")
            if shown != conv.answers:  # after "carry on" the summary is still on screen
                console.print()
                console.print(to_rich(rec, knowledge.flow))
                shown = conv.answers
            saved = offer_save(console, conv, to_markdown(rec, knowledge.flow))
            if saved == BACK:
                conv = conv.back()
                continue
            return Exit.OK
        except (KeyboardInterrupt, EOFError):
            if not conv.started or confirm_stop(conv):
                console.print(t("ask_dropped", lang))
                return Exit.STOPPED
            console.print(t("ask_continue", lang))
