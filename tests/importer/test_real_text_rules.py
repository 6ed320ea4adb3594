"""The rules issue 17 added for real news text, each on a small example of its own."""

from __future__ import annotations

from .test_rules import people_of, quotes_of


def test_middle_initials_stay_in_the_name() -> None:
    people = people_of(
        "Headline\n\nPresident Donald J. Trump met K.C. Maurer, a curator. Trump said it went well."
    )
    assert people == {
        "Donald J. Trump": ("President", None),
        "K.C. Maurer": ("curator", None),
    }
    assert quotes_of('Headline\n\n"Fine," said Colette L. Heald.') == [("Fine", "Colette L. Heald")]
