"""``briefing notes [--brief ID]``: the user's notes, most recently changed first.

One plain block per note (``brief · section · item`` then the note), or with
``--json`` the ``briefing.notes`` shape. Never creates the notes database: with
none yet there are no notes. Exit 0 (none is not an error); 2 when the
database cannot be read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.cli.common import err, saved_annotations
from briefing.cli.json_shapes import emit
from briefing.core.annotations import KIND_LABELS, conflict_mark
from briefing.core.safetext import clean_line, clean_text
from briefing.storage.store.database import StoreError

if TYPE_CHECKING:
    import argparse

    from briefing.core.annotations import Note


def _json_note(note: Note) -> dict[str, object]:
    """One note of ``notes --json`` (shape ``briefing.notes``)."""

    return {
        "uid": note.uid,
        "brief_id": note.brief_id,
        "brief_title": note.brief_title,
        "kind": note.kind.value,
        "section": KIND_LABELS[note.kind],
        "item_id": note.item_id,
        "item_text": note.item_text,
        "body": note.body,
        "created": note.created.isoformat(),
        "updated": note.updated.isoformat(),
        "detached": note.detached,
    }


def cmd_notes(args: argparse.Namespace) -> int:
    """Run ``briefing notes``; 0, or 2 when the notes database cannot be read."""

    annotations = saved_annotations()
    try:
        notes = annotations.all_notes() if annotations is not None else []
    except StoreError as error:
        err(f"{error}; run 'briefing doctor'", "briefing notes")
        return 2
    finally:
        if annotations is not None:
            annotations.store.close()
    notes = [n for n in notes if args.brief is None or n.brief_id == args.brief]
    if args.json:
        emit("notes", {"notes": [_json_note(n) for n in notes]})
        return 0
    for note in notes:
        head = [note.brief_title, KIND_LABELS[note.kind], note.item_text]
        mark = f" · {conflict_mark(note)}" if note.conflict is not None else ""
        print(" · ".join(clean_line(f)[:80] for f in head) + mark)
        print("".join(f"    {line}\n" for line in clean_text(note.body).splitlines()))
    return 0
