"""Participants' columns share the width by content (issue 16 item 23): at 80 columns the
affiliation hid behind a horizontal scrollbar; at 120x40 a long name squeezed the role to
one letter. Long cells wrap; no column is cut to a letter."""

from __future__ import annotations

import pytest

from briefing.ui.widgets.participant_table import COLUMNS, ParticipantTable, share_widths

from .uihelpers import screen_text, settle


def test_widths_fit_and_a_short_column_keeps_its_width() -> None:
    assert share_widths([10, 12, 8], 40) == [10, 12, 8]
    shared = share_widths([40, 20, 25, 6], 50)
    assert sum(shared) <= 50
    assert shared[3] == 6  # fits whole: never cut
    assert min(shared) >= 6


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 48)])
async def test_the_table_fits_its_pane(make_app, seed_brief_path, size) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one(ParticipantTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width, (
            table.virtual_size,
            table.scrollable_content_region,
        )
        widths = [width + 2 for width in table.column_widths if width]  # with their padding
        assert min(widths) >= 6, widths


def test_a_column_keeps_room_for_its_longest_word() -> None:
    """ "Trade Representative" wrapped as "Representat" / "ive" at 160x48."""
    shared = share_widths([14, 20, 13, 8], 40, floors=[8, 14, 7, 6])
    assert shared[1] >= 14 and sum(shared) <= 40 + 2


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 48)])
async def test_every_column_label_shows_whole_or_says_it_is_cut(
    make_app, seed_brief_path, size
) -> None:
    """The header read "Affiliat" at 160x48: a column is at least as wide as its label when
    the rows fit without a scrollbar (its room was kept for one that never came). In a
    40-column pane (120x40) four labels cannot all show whole: a cut one ends in "…"."""
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one(ParticipantTable)
        widths = table.column_widths
        header = next(line for line in screen_text(app).splitlines() if "Name" in line)
        for (label, _), width in zip(COLUMNS, widths, strict=True):
            if not width:
                continue  # left out (see test_no_word_is_cut_at_120x40)
            if width >= len(label):
                assert label in header, header
            else:
                assert label[: width - 1] + "…" in header, (header, widths)
        if size != (120, 40):
            assert all(w >= len(label) for (label, _), w in zip(COLUMNS, widths, strict=True))
            assert "Affiliation" in screen_text(app)
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_the_header_keeps_affiliation_whole_at_160x48(make_app, seed_brief_path) -> None:
    """At 160x48 the header read "Affiliat": a label is a column's floor, as its longest word."""
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ParticipantTable)
        assert table.column_widths[2] >= len("Affiliation"), table.column_widths
        assert "Affiliation" in screen_text(app)


def test_labels_stay_whole_before_long_words_do() -> None:
    """The big brief's pane at 160x48 (41 cells) cut "Affiliation": the words give way first."""
    from briefing.ui.widgets.participant_rows import column_widths

    rows = [
        ("Ines Lindqvist", "Commissioner", "European Commission", "Opposition"),
        ("Quentin Hayes", "Minister of Finance", "Ministry of Trade", "Government"),
    ]
    widths = column_widths(rows, 41)
    assert widths[2] >= len("Affiliation"), widths
    assert sum(widths) <= 41 and min(widths) >= 6, widths


async def test_a_click_highlights_and_a_double_click_opens(make_app, seed_brief_path) -> None:
    """A click on a row focuses the table and moves its cursor there; a double click opens it."""
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one(ParticipantTable)
        app.screen.set_focus(None)
        await pilot.pause()
        assert await pilot.click(table, offset=(3, 3))  # the header, then the 3rd row
        await settle(pilot)
        assert app.focused is table
        assert table.highlighted_id == "li-chenggang"
        assert await pilot.click(table, offset=(3, 3), times=2)
        await settle(pilot)
        assert "Li Chenggang" in screen_text(app)
        assert app.screen is not table.screen  # the participant with all their quotes


async def test_no_word_is_cut_at_120x40(make_app, seed_brief_path) -> None:
    """At 120x40 four columns in a 38-cell pane cut roles mid-word ("Treasur" / "y",
    "Represe" / "ntative"): the side is left out, and every word shows whole."""
    from briefing.core.loading import load_brief

    brief = load_brief(seed_brief_path)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ParticipantTable)
        assert table.column_widths[3] == 0  # the side: left out
        assert all(table.column_widths[:3]), table.column_widths
        shown = screen_text(app)
        for person in brief.participants:
            for word in f"{person.name} {person.role or ''}".split():
                assert word in shown, (word, table.column_widths)
