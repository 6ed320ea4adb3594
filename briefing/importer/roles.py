"""Titles, roles and affiliations around a name: before it, after a comma, in an apposition."""

from __future__ import annotations

import re

from briefing.importer.lexicon import (
    COUNTRIES,
    DOMAIN_HEADS,
    HONORIFICS,
    KIN_WORDS,
    NATIONALITIES,
    NOT_ROLE_NOUNS,
    OF_HEADS,
    ORG_WORDS,
    STOP_CAPS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from briefing.importer.tokens import (
    Token,
    TokenView,
    adjacent,
    adjacent_at,
    is_title_word,
    singular,
)

_APPOSITIVE_SKIP = frozenset(["now", "also", "then", "formerly", "currently"])
_AFFILIATION_LINK = frozenset(["of", "at", "for", "to", "with", "from", "in"])
_ORG_CONNECTORS = frozenset(["of", "and", "for", "the", "de", "du", "la", "le"])
_TAIL_STOPS = frozenset(["who", "which", "and", "the", "a", "an"])


def title_before(view: TokenView, i: int) -> tuple[list[Token], int, Token | None]:
    """The title tokens right before token ``i``, the index before them, and any honorific."""
    tokens = view.tokens
    honorific = None
    j = i - 1
    if j >= 0 and tokens.bases[j] in HONORIFICS and tokens.upper[j]:
        honorific = tokens[j]
        j -= 1
    elif j >= 1 and tokens.texts[j] == "." and tokens.bases[j - 1] in HONORIFICS:
        honorific = tokens[j - 1]
        j -= 2
    title: list[Token] = []
    # "Minister of State Declan Furlong", "Minister for Transport Aoife Brennan"
    if (
        j >= 2
        and tokens.upper[j]
        and tokens.bases[j - 1] in ("of", "for")
        and tokens.bases[j - 2] in TITLE_HEADS
        and tokens.upper[j - 2]
    ):
        title = tokens.span(j - 2, j + 1)
        j -= 3
    while j >= 0 and adjacent_at(view.body, tokens, j, j + 1 if j + 1 < tokens.count else j):
        base = tokens.bases[j]
        if is_title_word(base) and not tokens.possessive[j]:
            title.insert(0, tokens[j])
            j -= 1
            continue
        if (
            title
            and title[0].base in DOMAIN_HEADS
            and tokens.upper[j]
            and tokens.bases[j] not in STOP_CAPS
            and tokens.bases[j] not in NATIONALITIES
            and tokens.bases[j] not in COUNTRIES
            and tokens.bases[j] not in ORG_WORDS
            and not tokens.possessive[j]
            and any(c.islower() for c in tokens.texts[j])
        ):
            title.insert(0, tokens[j])
            j -= 1
            break
        break
    if not any(singular(t.base) in TITLE_HEADS for t in title):
        k = i - 1 if honorific is None else j
        if honorific is None and k >= 0 and is_role_noun(tokens.texts[k]):
            return [tokens[k]], k - 1, None  # "musician Tiziano Lugli", "father Thomas Sam"
        return [], k, honorific
    return title, j, honorific


def is_role_noun(text: str) -> bool:
    """Whether a lower-case word names what a person is or does ("musician", "actor",
    "illustrator", "cosplayer", "father"): an agent-noun ending or a word of kinship."""
    if not text.isalpha() or not text.islower() or len(text) < 5:
        return text in KIN_WORDS
    return text in KIN_WORDS or (
        text.endswith(("er", "or", "ist", "ian", "ant")) and text not in NOT_ROLE_NOUNS
    )


def affiliation_before(view: TokenView, j: int, limit_start: int) -> str | None:
    """Nationality or organisation words right before a title ("U.S.", "Halvorsen", "Egypt's")."""
    tokens = view.tokens
    words: list[Token] = []
    while j >= 0 and tokens.starts[j] >= limit_start:
        token = tokens[j]
        if not token.upper or token.base in STOP_CAPS or token.base in TITLE_MODIFIERS:
            break
        if words and not adjacent(view.body, token, words[0]):
            break
        words.insert(0, token)
        j -= 1
    return affiliation_text(words)


def affiliation_text(words: list[Token]) -> str | None:
    if not words:
        return None
    joined = " ".join(w.base for w in words)
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            key = " ".join(w.base for w in words[start : start + size])
            if key in NATIONALITIES:
                return NATIONALITIES[key]
    if joined in COUNTRIES:
        return " ".join(w.text.rstrip("'’s") if w.possessive else w.text for w in words)
    text = " ".join(w.text for w in words)
    text = re.sub(r"['’]s?$", "", text)
    return text.strip() or None


def role_text(title: list[Token]) -> str:
    words = [t.text.rstrip("'’").removesuffix("'s").removesuffix("’s") for t in title]
    if words and singular(title[-1].base) != title[-1].base:
        words[-1] = words[-1][:-1]  # "Presidents Donald Trump and Xi Jinping"
    return " ".join(words)


def apposition(view: TokenView, k: int) -> tuple[str, str | None] | None:
    """A role after the name: ", a trade economist at the University of Toronto"."""
    tokens = view.tokens
    if k >= tokens.count or tokens.texts[k] != ",":
        return None
    k, determiner, affiliation = _appositive_start(view, k + 1)
    role, k = _role_words(view, k)
    if not role or role[-1].base in ORG_WORDS:
        return None  # "Instituto Gonzaga, a catholic school": a body, not a role
    head_known = singular(role[-1].base) in TITLE_HEADS or is_role_noun(role[-1].text)
    if not (head_known or _shaped_like_a_role(view, role, k, determiner)):
        return None
    if role[-1].upper and not is_title_word(role[-1].base):
        return None
    if not head_known and any(t.upper and not is_title_word(t.base) for t in role):
        return None  # "the State Department Spokesperson" is a role; "a USI Gallery" is not
    text = role_text(role)
    if k < tokens.count and tokens.bases[k] == "of" and role[-1].base in OF_HEADS:
        tail, k = _of_tail(view, k + 1)
        if tail:
            text += " of " + tail
    if k < tokens.count and tokens.bases[k] in _AFFILIATION_LINK:
        affiliation = affiliation or org_after(view, k + 1)
    return text, affiliation


def _appositive_start(view: TokenView, k: int) -> tuple[int, bool, str | None]:
    """Past the words that open an apposition ("now", "a", "the agency's"): where its role
    starts, whether an indefinite article opened it, and an owner ("Malaysia's") as affiliation."""
    tokens = view.tokens
    affiliation = None
    while k < tokens.count and tokens.bases[k] in _APPOSITIVE_SKIP:
        k += 1
    determiner = k < tokens.count and tokens.bases[k] in ("a", "an")
    if k < tokens.count and tokens.bases[k] in ("a", "an", "the", "its", "his", "her", "their"):
        k += 1
    if k < tokens.count and tokens.possessive[k] and tokens.upper[k]:
        affiliation = affiliation_text([tokens[k]])
        k += 1
    elif k < tokens.count and tokens.possessive[k]:
        k += 1  # "the agency's head of extreme events"
    return k, determiner, affiliation


def _role_words(view: TokenView, k: int) -> tuple[list[Token], int]:
    """Up to five words of a role from token ``k``, and where they stop."""
    tokens = view.tokens
    role: list[Token] = []
    while k < tokens.count and len(role) < 5:
        token = tokens[k]
        if (
            not re.match(r"[^\W\d_]", token.text)
            or token.base in _AFFILIATION_LINK
            or token.base in ("who", "which", "whose", "and")
        ):
            break
        if token.base.endswith("ing") and not is_title_word(token.base):
            break  # "a former head teacher standing for ..."
        role.append(token)
        k += 1
    return role, k


def _shaped_like_a_role(view: TokenView, role: list[Token], k: int, determiner: bool) -> bool:
    """A short noun phrase after "a"/"an" that the sentence shapes as a role: followed by
    "at/of/for/with" and a name ("an ophthalmologist at the University of Padua"), or
    ending the clause (", a curator."), though its head is not a known title."""
    tokens = view.tokens
    if not (determiner and len(role) <= 3):
        return False
    if k < tokens.count and tokens.texts[k] in (",", ".", ";") and not role[-1].upper:
        return True
    return (
        k + 1 < tokens.count
        and tokens.bases[k] in ("at", "of", "for", "with")
        and (
            tokens.upper[k + 1]
            or (tokens.bases[k + 1] == "the" and k + 2 < tokens.count and tokens.upper[k + 2])
        )
    )


def _of_tail(view: TokenView, m: int) -> tuple[str, int]:
    """The lower-case words after "head of" ("hardware"), and where they stop."""
    tokens = view.tokens
    tail: list[Token] = []
    while (
        m < tokens.count
        and re.match(r"[^\W\d_]", tokens.texts[m])
        and not tokens.upper[m]
        and len(tail) < 4
    ):
        if tokens.bases[m] in _AFFILIATION_LINK or tokens.bases[m] in _TAIL_STOPS:
            break
        tail.append(tokens[m])
        m += 1
    return " ".join(t.text for t in tail), m


def org_after(view: TokenView, k: int) -> str | None:
    """Capitalised words from token ``k`` on ("the Canadian Steel Producers Association")."""
    tokens = view.tokens
    if k < tokens.count and tokens.bases[k] == "the":
        k += 1
    words: list[Token] = []
    while k < tokens.count and len(words) < 8:
        token = tokens[k]
        if token.upper and re.match(r"[^\W\d_]", token.text):
            words.append(token)
            k += 1
            if token.possessive:
                # "Uganda's President": the owner is the affiliation.
                return affiliation_text([token])
            continue
        if token.base in _ORG_CONNECTORS and words and k + 1 < tokens.count and tokens.upper[k + 1]:
            words.append(token)
            k += 1
            continue
        break
    while words and not words[-1].upper:
        words.pop()
    return affiliation_text(words) if words else None


def role_before_comma(view: TokenView, i: int) -> tuple[str, str | None] | None:
    """A role before a comma: "Egypt's Foreign Minister, Amira Hassan", "Its chief operating officer, Martin Kroll"."""
    tokens = view.tokens
    j = i - 1
    if j < 1 or tokens.texts[j] != ",":
        return None
    j -= 1
    sentence_start = view.document.sentence_at(tokens.starts[i])[0]
    org: list[Token] = []
    # "... of Rail Éireann, Siobhán Kearney"
    m = j
    while m >= 0 and tokens.upper[m] and tokens.starts[m] >= sentence_start:
        m -= 1
    if m >= 0 and m < j and tokens.bases[m] in ("of", "at", "for"):
        org = tokens.span(m + 1, j + 1)
        j = m - 1
    tail: list[Token] = []
    if j >= 1 and not tokens.upper[j] and tokens.bases[j] not in TITLE_HEADS:
        # "head of hardware"
        m = j
        while (
            m >= 0
            and not tokens.upper[m]
            and tokens.bases[m] != "of"
            and j - m < 4
            and re.match(r"[^\W\d_]", tokens.texts[m])
        ):
            m -= 1
        if m >= 1 and tokens.bases[m] == "of" and tokens.bases[m - 1] in OF_HEADS:
            tail = tokens.span(m + 1, j + 1)
            j = m - 1
    title: list[Token] = []
    while (
        j >= 0
        and tokens.starts[j] >= sentence_start
        and is_title_word(tokens.bases[j])
        and not tokens.possessive[j]
    ):
        title.insert(0, tokens[j])
        j -= 1
    if not title or singular(title[-1].base) not in TITLE_HEADS:
        return None
    role = role_text(title) + (" of " + " ".join(t.text for t in tail) if tail else "")
    affiliation = affiliation_text(org) if org else None
    if affiliation is None and j >= 0 and tokens.possessive[j] and tokens.upper[j]:
        affiliation = affiliation_text([tokens[j]])
    elif affiliation is None and j >= 0 and tokens.upper[j] and tokens.starts[j] >= sentence_start:
        affiliation = affiliation_before(view, j, sentence_start)
    return role, affiliation
