"""Keys typed straight after the key that opens a text field go into the field.

Textual routes a key to the widget focused when the app takes it from its queue.
Typed quickly (a burst in one read, as a fast typist or a paste-like burst gives),
the keys after ``/`` used to be routed to the list before the field had the focus:
lost, or run as bindings (``r`` reloaded the library, ``s`` sorted it).
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen

from .uihelpers import wait_for_workers


def burst(app, text: str) -> None:
    """Queue ``text`` as key events all at once (``/`` as slash), as a terminal read would."""
    for character in text:
        key = "slash" if character == "/" else character
        app.post_message(events.Key(key, character))


async def settle(pilot, app) -> None:
    for _ in range(3):
        await wait_for_workers(pilot)
        await pilot.pause()


async def test_library_keys_after_slash_go_to_the_filter_not_to_bindings(
    make_app, samples_dir: Path
) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        burst(app, "/sr")  # s sorts, r reloads: neither must run
        await settle(pilot, app)
        assert screen.filter_text == "sr"
        assert screen.order == "published"
        assert not screen.loader.loading
        burst(app, "/x")  # in the field, / is a character
        await settle(pilot, app)
        assert screen.filter_text == "sr/x"


async def test_library_keys_after_slash_wait_for_a_field_not_mounted_yet(
    make_app, samples_dir: Path
) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        field = screen.filter_field
        assert field is not None  # mounted, hidden, once the first frame was out
        await field.remove()
        burst(app, "/board")
        await settle(pilot, app)
        assert screen.filter_text == "board"


async def test_brief_keys_after_slash_go_to_the_search_not_to_bindings(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await screen.ready.wait()
        await settle(pilot, app)
        burst(app, "/a3")  # a: the clock, 3: the quotes pane; neither must run
        await settle(pilot, app)
        field = screen.query_one("#search-input", Input)
        assert field.value == "a3"
        assert not screen.as_published
        assert screen.current == "summary"
        burst(app, "/")
        await settle(pilot, app)
        assert field.value == "a3/"


async def test_people_keys_after_slash_go_to_the_filter(make_app, samples_dir: Path) -> None:
    from textual.widgets import Input

    from briefing.ui.screens.people import PeopleScreen

    app = make_app(path=samples_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("p")
        await settle(pilot, app)
        assert isinstance(app.screen, PeopleScreen)
        burst(app, "/bes")
        await settle(pilot, app)
        assert app.screen.query_one("#people-filter", Input).value == "bes"


async def test_a_burst_that_filters_then_opens_reaches_the_brief(
    make_app, samples_dir: Path
) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        burst(app, "/bessent")
        app.post_message(events.Key("enter", "\r"))  # to the list
        app.post_message(events.Key("enter", "\r"))  # open the brief under the cursor
        await settle(pilot, app)
        assert isinstance(app.screen, BriefScreen)


async def test_a_burst_that_switches_pane_then_moves_stays_in_the_new_pane(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        await screen.ready.wait()
        await settle(pilot, app)
        burst(app, "3j")
        await settle(pilot, app)
        quotes = screen.query_one("#quotes")
        assert app.focused is quotes
        assert quotes.highlighted == 1


async def test_a_burst_after_n_goes_into_the_note_and_ctrl_s_saves_all_of_it(
    make_app, seed_brief_path: Path
) -> None:
    """``n``, text and ``ctrl+s`` in one read: the note holds every character, and the
    letters that are keys of the brief screen (x export, d delete, q back) never run."""
    from briefing.storage.store.notes import Annotations
    from briefing.ui.screens.note_editor import NoteEditorScreen

    from .test_notes import wait_for_writes

    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await screen.ready.wait()
        await settle(pilot, app)
        text = "quick xdq note, NBA done"
        app.post_message(events.Key("n", "n"))
        for character in text:
            key = {" ": "space", ",": "comma"}.get(character, character)
            app.post_message(events.Key(key, character))
        app.post_message(events.Key("ctrl+s", "\x13"))
        await settle(pilot, app)
        await wait_for_writes(pilot)
        assert app.screen is screen, app.screen
        assert not any(isinstance(s, NoteEditorScreen) for s in app.screen_stack)
        bodies = [n.body for n in Annotations(app.store).notes_for_brief(screen.brief.id)]
        assert bodies == [text]
        assert app.screen is screen and screen.is_attached


async def test_a_burst_after_n_on_the_library_goes_into_the_note(
    make_app, samples_dir: Path
) -> None:
    """On the library, ``n`` then ``sr`` and ``ctrl+s`` in one read: the note is "sr";
    the library is neither sorted (s) nor reloaded (r)."""
    from briefing.storage.store.notes import Annotations

    from .test_notes import wait_for_writes

    app = make_app(path=samples_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        burst(app, "nsr")
        app.post_message(events.Key("ctrl+s", "\x13"))
        await settle(pilot, app)
        await wait_for_writes(pilot)
        assert app.screen is screen
        assert screen.order == "published"
        notes = Annotations(app.store).all_notes()
        assert [note.body for note in notes] == ["sr"]


async def test_a_paste_straight_after_n_goes_into_the_note(make_app, seed_brief_path: Path) -> None:
    """A bracketed paste that arrives with the ``n`` (before the editor has the focus)."""
    from briefing.ui.screens.note_editor import NoteEditorScreen

    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await app.screen.ready.wait()
        await settle(pilot, app)
        app.post_message(events.Key("n", "n"))
        app.post_message(events.Paste("pasted\nx d q"))
        await settle(pilot, app)
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        assert editor.text == "pasted\nx d q"
