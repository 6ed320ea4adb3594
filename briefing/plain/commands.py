"""The plain reader's commands, once: the key that runs each, the words that do, its help.

Single keys for speed; the same commands as words and enter (``next section``,
``section 3``, ``find truce``) for users whose screen reader takes the keys, after
``:`` or in line mode. :func:`parse` reads a line; :data:`BY_KEY` maps a key.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Command:
    """One thing the plain reader does."""

    name: str
    """The method of :class:`~briefing.plain.session.PlainReader` that does it (``next_item``)."""
    keys: tuple[str, ...]
    """The single keys that run it ("\\r" is enter, "\\t" is tab)."""
    words: tuple[str, ...]
    """What can be typed for it in line mode; the first is what the help and the echo say."""
    help: str
    """One line for the help list."""
    takes: str = ""
    """What it reads after its words ("a number", "words"), if anything."""


COMMANDS: tuple[Command, ...] = (
    Command("next_item", ("j",), ("next", "next item", "down"), "next item"),
    Command("previous_item", ("k",), ("previous", "previous item", "prev", "up"), "previous item"),
    Command("next_section", ("l", "\t"), ("next section", "section next"), "next section"),
    Command("previous_section", ("h",), ("previous section", "prev section"), "previous section"),
    Command("section", (), ("section", "go"), "section by number (or press 1 to 9)", "a number"),
    Command(
        "full",
        ("\r", "\n", "i"),
        ("read", "full", "item"),
        "the item in full: context, source, notes",
    ),
    Command("where", ("r",), ("where", "again"), "where you are, again"),
    Command("time_left", ("t",), ("time", "time left"), "the time left, in words"),
    Command("clock", ("a",), ("clock",), "the clock: now, or as published"),
    Command("find", ("/",), ("find", "search"), "find in this brief", "words"),
    Command("next_match", ("f",), ("next match",), "next match"),
    Command("previous_match", ("F",), ("previous match", "prev match"), "previous match"),
    Command("note", ("n",), ("note", "add note"), "add a note to this item"),
    Command("bookmark", ("b",), ("bookmark",), "bookmark this item, or remove the bookmark"),
    Command("notes", ("N",), ("notes",), "every note, in every brief"),
    Command("bookmarks", ("B",), ("bookmarks",), "every bookmark"),
    Command("agenda", ("A",), ("agenda",), "every open deadline of the library"),
    Command(
        "people",
        ("p",),
        ("people",),
        "the people of the library; with a number, their quotes",
        "a number, or all",
    ),
    Command("library", ("L",), ("library", "briefs"), "the briefs of the library"),
    Command("open", ("o",), ("open",), "open a brief of the library by number", "a number"),
    Command("next_brief", ("]",), ("next brief",), "the next brief of the library"),
    Command(
        "previous_brief",
        ("[",),
        ("previous brief", "prev brief"),
        "the previous brief of the library",
    ),
    Command(
        "search_library",
        ("\x06",),
        ("search library", "library search"),
        "search every brief of the library, and your notes",
        "words",
    ),
    Command(
        "result",
        ("g",),
        ("result", "go to result"),
        "go to a search result, at its item",
        "a number",
    ),
    Command("export", ("x",), ("export",), "export this brief's notes as Markdown", "a file"),
    Command("line", (":",), (), "type one command as words, then enter"),
    Command("line_mode", ("W",), ("lines", "line mode"), "words and enter for every command"),
    Command("key_mode", (), ("keys", "key mode"), "single keys again"),
    Command("help", ("?",), ("help",), "this list"),
    Command("quit", ("q",), ("quit", "exit", "bye"), "leave"),
)
"""Every command, in the order the help reads them."""

BY_KEY: dict[str, Command] = {key: command for command in COMMANDS for key in command.keys}
"""The command of each single key (the number keys go to ``section``)."""


def parse(line: str) -> tuple[Command, str] | None:
    """The command ``line`` asks for and what follows its words; a number alone is a section."""
    text = " ".join(line.split()).casefold()
    if text.isdigit():
        return BY_NAME["section"], text
    best: tuple[Command, str] | None = None
    longest = 0
    for command in COMMANDS:
        for words in command.words:
            if (text == words or text.startswith(words + " ")) and len(words) > longest:
                longest = len(words)
                best = (command, " ".join(line.split())[len(words) :].strip())
    return best


BY_NAME: dict[str, Command] = {command.name: command for command in COMMANDS}
"""Each command by its name."""


def key_name(key: str) -> str:
    """How a key is read in the help: "enter", "tab", "j"."""
    return {"\r": "enter", "\n": "enter", "\t": "tab", "\x06": "control f"}.get(key, key)


def _either(names: list[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)


def help_line(command: Command) -> str:
    """The help's sentence for ``command``: its keys, or the words to type, then what it does
    (``enter or i, or type read, full or item: the item in full...``)."""
    # ":" reads as "colon": the help's own separator is a colon.
    names = ("colon" if key == ":" else key_name(key) for key in command.keys)
    keys = _either(list(dict.fromkeys(names)))
    words = _either(list(command.words))
    if words:
        words = f"type {words}" + (f", followed by {command.takes}" if command.takes else "")
    how = f"{keys}, or {words}" if keys and words else keys or words
    return f"{how}: {command.help}."
