"""The pages of the vault export: one per brief, one per person (see :mod:`briefing.core.vault`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from briefing.core.anchors import ItemKind
from briefing.core.annotations import KIND_LABELS, Bookmark, Note
from briefing.core.models import Brief
from briefing.core.status import DeadlineStatus
from briefing.core.timeutil import PartialDate
from briefing.core.vault import Page, callout, link, tag, yaml_list, yaml_text, yaml_when

_TASK = {
    DeadlineStatus.OPEN: "[ ]",
    DeadlineStatus.EXTENDED: "[ ]",
    DeadlineStatus.MISSED: "[ ]",
    DeadlineStatus.MET: "[x]",
    DeadlineStatus.CANCELLED: "[-]",
}
BOOKMARKED = "#bookmarked"


@dataclass(frozen=True)
class PersonQuote:
    """A quote on a person's page: the brief's page it is in, and the words."""

    brief_page: str
    brief_title: str
    when: str
    text: str
    context: str


@dataclass(frozen=True)
class Marks:
    """The notes and bookmarks of one brief, found by item."""

    notes: Sequence[Note]
    bookmarks: Sequence[Bookmark]

    def notes_on(self, kind: ItemKind, item_id: str) -> list[Note]:
        """The notes on one item, oldest first."""
        found = [
            n for n in self.notes if n.kind is kind and n.item_id == item_id and not n.detached
        ]
        return sorted(found, key=lambda n: (n.created, n.uid))

    def marked(self, kind: ItemKind, item_id: str) -> str:
        """`` #bookmarked`` when the item is bookmarked, else ""."""
        hit = any(
            b.kind is kind and b.item_id == item_id and not b.detached for b in self.bookmarks
        )
        return f" {BOOKMARKED}" if hit else ""

    def under(self, kind: ItemKind, item_id: str, indent: str = "") -> list[str]:
        """The item's notes as callouts, each after a blank line."""
        out: list[str] = []
        for note in self.notes_on(kind, item_id):
            out += [indent.rstrip() if indent else "", *callout("note", "Note", note.body, indent)]
        return out


def _local(value: date, brief: Brief) -> date:
    return value.astimezone(brief.zone) if isinstance(value, datetime) else value


def _front(brief: Brief) -> list[tuple[str, str]]:
    source = brief.source.url or brief.source.name if brief.source else ""
    return [
        ("title", yaml_text(brief.title)),
        # Obsidian's date-times have no offset: the brief's own zone is how it reads them.
        ("published", yaml_when(_local(brief.published, brief))),
        ("source", yaml_text(source)),
        ("tags", yaml_list(tag(t) for t in brief.tags)),
        ("aliases", yaml_list([brief.id])),
        ("briefing-id", yaml_text(brief.id)),
    ]


def _participants(brief: Brief, marks: Marks, person: Callable[[str], str | None]) -> list[str]:
    out = ["", "## Participants", ""]
    for p in brief.participants:
        page = person(p.id)
        about = ", ".join(filter(None, [p.role, p.affiliation]))
        name = link(page, p.name) if page else p.name
        line = f"- {name}" + (f" — {about}" if about else "")
        out += [line + marks.marked(ItemKind.PARTICIPANT, p.id)]
        out += marks.under(ItemKind.PARTICIPANT, p.id, "    ")
    return out


def _quotes(brief: Brief, marks: Marks, person: Callable[[str], str | None]) -> list[str]:
    out = ["", "## Quotes"]
    for q in brief.quotes:
        speaker = brief.participant(q.speaker)
        page = person(speaker.id) if speaker else None
        who = link(page, speaker.name) if page and speaker else "Unattributed"
        when = f" · {yaml_when(q.said)[:10]}" if q.said else ""
        body = q.text + (f"\n\n*{q.context.strip()}*" if q.context else "")
        out += ["", *callout("quote", f"{who}{when}{marks.marked(ItemKind.QUOTE, q.id)}", body)]
        out += marks.under(ItemKind.QUOTE, q.id)
    return out


def _deadlines(brief: Brief, marks: Marks) -> list[str]:
    out = ["", "## Deadlines", ""]
    for d in brief.deadlines:
        state = (
            "" if d.status in (DeadlineStatus.OPEN, DeadlineStatus.MET) else f" ({d.status.value})"
        )
        due = yaml_when(d.due)[:10]
        out.append(
            f"- {_TASK[d.status]} {d.title}{state} 📅 {due}{marks.marked(ItemKind.DEADLINE, d.id)}"
        )
        out += marks.under(ItemKind.DEADLINE, d.id, "    ")
    return out


def _more(brief: Brief, marks: Marks) -> list[str]:
    out: list[str] = []
    if brief.timeline:
        out += ["", "## Timeline", ""]
        for e in brief.timeline:
            when = str(e.date) if isinstance(e.date, PartialDate) else yaml_when(e.date)
            place = f" ({e.place})" if e.place else ""
            out.append(f"- {when} — {e.label}{place}{marks.marked(ItemKind.EVENT, e.id)}")
            out += marks.under(ItemKind.EVENT, e.id, "    ")
    if brief.figures:
        out += ["", "## Key figures", ""]
        for f in brief.figures:
            note = f" — {f.note.strip()}" if f.note else ""
            out.append(f"- **{f.label}**: {f.value}{note}{marks.marked(ItemKind.FIGURE, f.id)}")
            out += marks.under(ItemKind.FIGURE, f.id, "    ")
    detached = [n for n in marks.notes if n.detached]
    if detached:
        out += ["", "## Notes on items no longer in the brief"]
        for gone in sorted(detached, key=lambda n: (n.created, n.uid)):
            words = "\n".join(f"> {line}" for line in gone.item_text.splitlines())
            out += ["", *callout("note", KIND_LABELS[gone.kind], f"{words}\n\n{gone.body}")]
    return out


def brief_page(brief: Brief, marks: Marks, person: Callable[[str], str | None]) -> Page:
    """The page of ``brief``; ``person`` gives a participant's page name (None: no page)."""
    block = [f"# {brief.title}{marks.marked(ItemKind.BRIEF, '')}", ""]
    if brief.source is not None:
        name = brief.source.name
        block.append(
            f"Source: [{name}]({brief.source.url})" if brief.source.url else f"Source: {name}"
        )
        block.append("")
    block += ["## Summary", "", brief.summary.strip() or "*No summary.*"]
    block += marks.under(ItemKind.SUMMARY, "") + marks.under(ItemKind.BRIEF, "")
    block += _participants(brief, marks, person) + _quotes(brief, marks, person)
    block += _deadlines(brief, marks) + _more(brief, marks)
    return Page(_front(brief), block)


def person_page(
    name: str,
    names: Sequence[str],
    about: Sequence[str],
    quotes: Sequence[PersonQuote],
) -> Page:
    """The page of one person: who they are and their quotes across the library."""
    front = [
        ("title", yaml_text(name)),
        ("aliases", yaml_list(n for n in names if n != name)),
        ("tags", yaml_list(["person"])),
    ]
    block = [f"# {name}", ""]
    if about:
        block += [" · ".join(about), ""]
    block.append("## Quotes")
    for q in quotes:
        title = f"{link(q.brief_page, q.brief_title)}" + (f" · {q.when}" if q.when else "")
        body = q.text + (f"\n\n*{q.context.strip()}*" if q.context else "")
        block += ["", *callout("quote", title, body)]
    if not quotes:
        block += ["", "*No quotes.*"]
    return Page(front, block)


def unique_names(wanted: Mapping[str, str]) -> dict[str, str]:
    """Page names for keys (``wanted``: key to name), made unique ignoring case (macOS, Windows)."""
    taken: set[str] = set()
    out: dict[str, str] = {}
    for key, name in wanted.items():
        candidate, n = name, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{name} ({n})"
        taken.add(candidate.casefold())
        out[key] = candidate
    return out
