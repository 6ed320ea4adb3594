"""Sources that are not people: the organisation, publication or body a quotation comes from.

"Microsoft says on its site", "The U.S. Department of Agriculture notes",
"according to the Sydney Morning Herald", "PC World's recent analysis ...
concluded": the words are the organisation's, so the draft gives it as the
speaker, as a participant marked as an organisation (see the brief format in
README.md). Only a capitalised name counts: "the official said" names no one.
"""

from __future__ import annotations

import re

from briefing.importer.lexicon import PRONOUNS, STOP_CAPS
from briefing.importer.patterns import lazy

MAX_WORDS_AFTER_NAME = 10
"""How many words may stand between the source's name and the verb ("PC World's recent analysis
of its own web traffic statistics concluded")."""

_WORD = r"[A-Z][\w.&-]*(?:['’]s)?"
_NAME = lazy(
    r"\s*(?P<the>[Tt]he\s+)?(?P<name>" + _WORD + r"(?:\s+(?:(?:of|for|and|&)\s+(?:the\s+)?)?"
    + _WORD + r")*)"
)  # fmt: skip


def source_name(
    phrase: str, common: set[str], starts_sentence: bool, *, subject: bool = True
) -> str | None:
    """The organisation a subject phrase opens with ("The Straits Times" -> "Straits Times"),
    read at its start or after its last comma; None when it opens with no capitalised name.
    ``common`` are the words the article writes in lower case: a name made only of them
    ("Doctors") is a common noun; ``starts_sentence`` says whether ``phrase`` opens its sentence.
    With ``subject``, ``phrase`` ends at the verb: only the name (or its owner's words,
    "PC World's analysis") may stand there; without, the name may run on into the sentence."""
    tails = [phrase.rsplit(",", 1)[1]] if "," in phrase else []
    for part in [*tails, phrase]:
        name = _name_at_start(part, common, starts_sentence and part is phrase, subject)
        if name is not None:
            return name
    return None


def _name_at_start(part: str, common: set[str], starts_sentence: bool, subject: bool) -> str | None:
    match = _NAME.match(part)
    if match is None:
        return None
    words = match.group("name").split()
    owner = next((n for n, w in enumerate(words) if re.search(r"['’]s$", w)), None)
    if owner is not None:
        words = words[: owner + 1]
        words[-1] = re.sub(r"['’]s$", "", words[-1])  # "PC World's analysis": PC World's words
    rest = part[match.end() :].split()
    if len(rest) > MAX_WORDS_AFTER_NAME:
        return None
    if subject and owner is None and any(not word.endswith("ly") for word in rest):
        return None  # "the Ninth Circuit panel said": the name only describes the speaker
    if words and words[-1].count(".") == 1:
        words[-1] = words[-1].rstrip(".")  # the sentence's full stop, not "U.S."
    base = [w.lower() for w in words]
    if not words or base[0] in STOP_CAPS or base[0] in PRONOUNS:
        return None
    if all(word in common for word in base):
        return None
    # "Crowds gathered": one capitalised word opening a sentence may be any noun;
    # an acronym or a word with an inner capital ("KCNA", "YouTube") is a name.
    lone = len(words) == 1 and not part[: match.start("name")].strip() and starts_sentence
    if lone and not any(c.isupper() for c in words[0][1:]):
        return None
    return " ".join(words)
