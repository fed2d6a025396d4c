"""The wizard app: owns the one ``Session``, replaces it whole, and announces every change.

Screens and widgets render the call they are given and post what the counsellor pressed;
only ``set_call`` changes the state, and ``_route`` decides which screen belongs on top
(picker, question, emergency, summary). Files are written only by ``action_save`` (the
summary, where the counsellor chose) and the picker (the municipality ID, for next time).
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.signal import Signal

from triage.data.clock import Today, danish_today
from triage.data.settings import last_folder, last_municipality, remember_folder, remember_municipality
from triage.output.export import export_name, shown
from triage.output.i18n import CATALOGUE, t
from triage.rules.model import Answer, Knowledge, Lang
from triage.rules.session import Session
from triage.tui.keys import translate_bindings
from triage.tui.screens.picker import PickerScreen
from triage.tui.textual_compat import give_base_screen_a_result_callback

if TYPE_CHECKING:
    from triage.tui.screens import EmergencyScreen, SummaryScreen

# Screens and dialogs after the first paint are imported where they are first needed.


class WizardApp(App[None]):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses elsewhere (benchmarks) find it too
    TITLE = "triage"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "wizard_key_quit", priority=True, id="quit"),
        # Textual 8 binds Ctrl+C to copying a selection, else to a hint that Ctrl+Q quits. On a
        # call it is the reflex for "stop": it asks like Ctrl+Q, everywhere (c copies the summary).
        Binding("ctrl+c", "quit", "wizard_key_quit", show=False, priority=True, id="quit_ctrl_c"),
        Binding("ctrl+p", "command_palette", "wizard_key_palette", show=False, priority=True, id="palette"),
    ]

    def __init__(
        self,
        knowledge: Knowledge,
        municipality: str | None = None,
        lang: Lang = "da",
        today: datetime.date | None = None,
        *,
        clock: Today = danish_today,
        remember: bool = True,
        dark: bool = True,
    ) -> None:
        # NO_COLOR: Textual 8.2 turns an ANSI theme monochrome by the colours' RGB values, which
        # ANSI colours do not have, so every cell became black on black (textual app.py, the
        # NoColor/Monochrome choice in App.__init__). With ansi_color=True it takes its NoColor
        # filter instead: the terminal's own foreground on its own background, attributes kept;
        # app.tcss marks with reverse and bold (`:nocolor`) what colour marked.
        super().__init__(ansi_color=True if "NO_COLOR" in os.environ else None)
        # Each call takes the Danish date of the moment it starts (a fixed ``today``: tests, training).
        self.clock: Today = clock if today is None else lambda: today
        self.call = Session(knowledge, lang, self.clock(), municipality)
        self.call_changed: Signal[Session] = Signal(self, "call-changed")
        # Remember the picker's choice only; ``--municipality`` is a one-off and writes nothing.
        self.remember = remember and municipality is None
        self.preselect = last_municipality() if self.remember else None
        self.saved: Mapping[str, Answer] | None = None  # the answers as last saved to a file
        self.initials: str | None = None  # the counsellor's, asked at the first save; never written but in a file
        self.theme = "ansi-dark" if dark else "ansi-light"
        self._reroute = False  # the call changed under a dialog: route when it closes
        self.emergency_seen = False  # Enter on the emergency screen: go on to the child questions
        translate_bindings(self, lang)

    @property
    def lang(self) -> Lang:
        return self.call.lang

    def get_default_screen(self) -> Screen[None]:
        """The base screen is the bottom of the stack: no empty screen to build beneath the picker."""
        screen = self._base_screen()
        give_base_screen_a_result_callback(screen)  # so that the base can be switched
        return screen

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)
        self._route()

    def _base_screen(self) -> Screen[None]:
        call = self.call
        if call.municipality is None:
            return PickerScreen(call.knowledge, call.lang, self.preselect)
        from triage.tui.screens import CallScreen

        return CallScreen(call.lang)

    # --- the state ------------------------------------------------------------------
    def set_call(self, call: Session) -> None:
        """Replace the call, let every subscriber render it, and put the right screen on top.

        A call without answers is not begun: it takes today's date (a wizard left open over
        midnight, or for days, dates the next call by the day it is taken, and saves under it).
        """
        if not (self.call.started and call.started):
            today = self.clock()
            if call.contact_date != today:
                call = dataclasses.replace(call, contact_date=today)
        self.call = call
        self.call_changed.publish(call)
        self._route()

    def _route(self) -> None:
        """Base screen: the picker or the call; on top of it, the emergency or summary screen."""
        if isinstance(self.screen, ModalScreen):
            # A dialog, the sources or the palette stay open when a key typed ahead changed the
            # call beneath them (popping one would drop its question, or crash the palette's
            # search); the screens follow when it closes.
            self._reroute = True
            return
        self._reroute = False
        call = self.call
        top: type[EmergencyScreen | SummaryScreen] | None = None
        base: type[Screen[None]] = PickerScreen
        if call.municipality is not None:  # imported here: the picker comes first, and alone
            from triage.tui.screens import CallScreen, EmergencyScreen, SummaryScreen

            base = CallScreen
            rec = call.recommendation
            if rec is None or rec.level.role != "emergency":
                self.emergency_seen = False
            # Acute danger: the emergency screen at once; after it, the child questions that
            # the duty to notify needs, then the summary.
            if rec is not None and rec.level.role == "emergency" and not self.emergency_seen:
                top = EmergencyScreen
            elif call.done:
                top = SummaryScreen
        if top is not None and isinstance(self.screen, top):
            return
        self._arrange(lambda screen: isinstance(screen, base), top(call) if top is not None else None)

    def _arrange(self, is_base: Callable[[Screen[Any]], bool], top: Screen[None] | None) -> None:
        """The stack: the base screen at the bottom (the picker or the call), maybe one on top.

        The call screen is built only once a municipality is chosen, so the picker comes first, alone.
        """
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if not is_base(self.screen):
            self.switch_screen(self._base_screen())
        if top is not None:
            self.push_screen(top)

    def _screen_changed(self, screen: Screen[object]) -> None:
        if self._reroute and not isinstance(screen, ModalScreen):
            self.call_later(self._route)

    def on_picker_screen_chosen(self, event: PickerScreen.Chosen) -> None:
        if self.remember:
            remember_municipality(event.municipality)
        self.preselect = event.municipality
        self.set_call(self.call.choose(event.municipality))

    @property
    def unsaved(self) -> bool:
        return bool(self.call.answers) and self.call.answers != self.saved

    # --- actions (footer, command palette) -------------------------------------------
    def action_step_back(self) -> None:
        self.set_call(self.call.back())

    def action_after_emergency(self) -> None:
        """Enter on the emergency screen: on to the questions still needed (children,
        pregnancy), or to the summary when none is left."""
        self.emergency_seen = True
        self._route()

    def action_summary(self) -> None:
        from triage.tui.screens import SummaryScreen

        if self.call.done and not any(isinstance(s, SummaryScreen) for s in self.screen_stack):
            self.push_screen(SummaryScreen(self.call))

    def summary_markdown(self, *, made_at: datetime.datetime | None = None) -> str | None:
        from triage.output.render import to_markdown

        rec = self.call.recommendation
        if rec is None or not self.call.done:
            return None
        return to_markdown(rec, self.call.knowledge.flow, made_at=made_at, initials=self.initials or None)

    def _not_done(self) -> None:
        self.notify(t("wizard_cmd_not_done", self.lang), severity="warning")

    def action_copy(self, markdown: bool = False) -> None:
        """Plain text for a case system (Markdown as a choice in the palette), sent by OSC 52:
        the terminal does not say whether it arrived, so the message does not claim it did."""
        from triage.output.render import to_plain

        text = self.summary_markdown(made_at=datetime.datetime.now())
        if text is None:
            self._not_done()
            return
        self.copy_to_clipboard(text if markdown else to_plain(text))
        self.notify(t("wizard_copied_markdown" if markdown else "wizard_copied", self.lang))

    def action_copy_markdown(self) -> None:
        self.action_copy(markdown=True)

    def action_sources(self) -> None:
        from triage.tui.screens import CitationsScreen

        rec = self.call.recommendation
        if rec is None or not self.call.done:
            self._not_done()
            return
        self.push_screen(CitationsScreen(rec, self.call.knowledge.flow))

    def default_folder(self) -> Path:
        """The folder saved in last, else the user's documents folder; never a git checkout
        unless the counsellor typed it (a summary left untracked in a repository)."""
        from platformdirs import user_documents_path

        from triage.output.export import in_git_checkout

        folder = last_folder()
        if folder is None or in_git_checkout(folder):
            folder = user_documents_path()
        return folder

    def default_export_path(self) -> Path:
        """The suggested file: a free name in the default folder (a second save the same day: ``-2``)."""
        from triage.output.export import free_name

        return free_name(self.default_folder() / export_name(self.call.municipality or "", self.call.contact_date))

    def action_save(self) -> None:
        from triage.tui.dialogs import ConfirmDialog, ExportDialog

        text = self.summary_markdown()
        if text is None:
            self._not_done()
            return

        def chosen(result: tuple[Path, str | None] | None) -> None:
            from triage.output.export import existing_target, free_name, typed_path

            if result is None:
                return
            typed, initials = result
            if initials is not None:
                self.initials = initials
            text = self.summary_markdown(made_at=datetime.datetime.now()) or ""
            path = typed
            try:
                path = typed_path(str(typed))  # ~nosuchuser: an error shown, not a crash
                if path.is_dir():  # as in `triage ask`: a folder saves inside it, under a free suggested name
                    path = free_name(path / export_name(self.call.municipality or "", self.call.contact_date))
                exists = existing_target(path)  # a FIFO would hang the write, a folder is no file
            except OSError as err:
                self._save_failed(path, err)
                return
            if exists:
                question = t("wizard_export_exists", self.lang, path=shown(path))

                def overwrite(yes: bool | None) -> None:
                    if yes:
                        self._write(path, text, True)
                    else:  # not dropped in silence: the dialog again, under a free name
                        again = ExportDialog(free_name(path), self.lang)
                        self.push_screen(again, chosen)

                self.push_screen(ConfirmDialog(question, self.lang), overwrite)
            else:
                self._write(path, text, False)

        dialog = ExportDialog(self.default_export_path(), self.lang, ask_initials=self.initials is None)
        self.push_screen(dialog, chosen)

    def _write(self, path: Path, text: str, overwrite: bool) -> None:
        from platformdirs import user_documents_path

        from triage.output.export import write_private

        try:
            if path.parent == user_documents_path() and not path.parent.exists():
                path.parent.mkdir(mode=0o700, parents=True)  # the default folder, on a system without one yet
            write_private(path, text, overwrite=overwrite)
        except OSError as err:
            self._save_failed(path, err)
            return
        self.saved = self.call.answers
        if self.remember:
            remember_folder(path.parent)  # the folder, for next time; never the file's name or content
        # A path is shown as typed: "[2026]" in a folder name is no markup (it vanished, or
        # "[/x]" raised MarkupError and lost the call).
        self.notify(t("wizard_export_saved", self.lang, path=shown(path)), markup=False)

    def _save_failed(self, path: Path, err: OSError) -> None:
        error = err.strerror or err
        message = t("wizard_export_failed", self.lang, path=shown(path), error=error)
        self.notify(message, severity="error", markup=False)

    def _confirm_then(self, question_key: str, then: Callable[[], object]) -> None:
        """Run ``then`` at once, or after a yes when unsaved answers would be lost."""
        from triage.tui.dialogs import ConfirmDialog

        if not self.unsaved:
            then()
            return
        if isinstance(self.screen, ConfirmDialog):  # already asking (Ctrl+Q pressed twice)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        self.push_screen(ConfirmDialog(t(question_key, self.lang), self.lang), answered)

    async def action_quit(self) -> None:
        self._confirm_then("wizard_quit_unsaved", self.exit)

    def action_new_call(self) -> None:
        self._confirm_then("wizard_new_unsaved", lambda: self._restart(self.call.municipality))

    def action_municipality(self) -> None:
        self._confirm_then("wizard_new_unsaved", lambda: self._restart(None))

    def _restart(self, municipality: str | None) -> None:
        self.saved = None
        self.set_call(self.call.restart().choose(municipality))

    def action_command_palette(self) -> None:
        """Textual's palette, made safe against keys typed ahead (see textual_compat.WizardPalette)."""
        from textual.command import CommandPalette

        from triage.tui.textual_compat import WizardPalette

        quitting = self.return_code is not None  # Ctrl+Q typed just before: its search would outlive the app
        if self.use_command_palette and not quitting and not isinstance(self.screen, CommandPalette):
            palette = WizardPalette(
                id="--command-palette",
                placeholder=t("wizard_palette_search", self.lang),
                no_matches=t("wizard_palette_no_matches", self.lang),
            )
            self.push_screen(palette)

    def textual_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, less "Screenshot" (it writes the screen, answers and
        all, to Downloads, readable by all, outside the one export that is 0600 and asks first)
        and "Theme"."""
        for command in App.get_system_commands(self, screen):
            # Screenshot: see above. Theme: the colours follow the terminal (and NO_COLOR); Textual's
            # theme picker is a plain CommandPalette, which a key typed ahead can close twice
            # (ScreenStackError, found by the soak once the palette spoke Danish).
            if command.title in ("Screenshot", "Theme"):
                continue
            # Textual's own commands in the call's language: by title (and for "Keys", show or hide).
            key = f"wizard_sys_{command.title.lower()}" + ("_hide" if command.help.startswith("Hide") else "")
            if key in CATALOGUE:
                command = SystemCommand(t(key, self.lang), t(key + "_help", self.lang), command.callback)
            elif self.lang != "en":
                continue  # no English on a Danish screen: a command we cannot name is left out
            yield command

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from self.textual_commands(screen)
        lang = self.lang
        if self.call.done:
            yield SystemCommand(t("wizard_key_copy", lang), t("wizard_cmd_copy", lang), self.action_copy)
            yield SystemCommand(
                t("wizard_key_copy_markdown", lang), t("wizard_cmd_copy_markdown", lang), self.action_copy_markdown
            )
            yield SystemCommand(t("wizard_key_save", lang), t("wizard_cmd_save", lang), self.action_save)
            yield SystemCommand(t("wizard_key_sources", lang), t("wizard_cmd_sources", lang), self.action_sources)
        yield SystemCommand(t("wizard_key_new", lang), t("wizard_cmd_new", lang), self.action_new_call)
        yield SystemCommand(t("wizard_cmd_municipality", lang), t("wizard_pick_title", lang), self.action_municipality)
