"""The rules issue 17 added for real news text, each on a small example of its own."""

from __future__ import annotations

from datetime import date

from .helpers import draft
from .test_rules import dates_of, people_of, quotes_of


def test_middle_initials_stay_in_the_name() -> None:
    people = people_of(
        "Headline\n\nPresident Donald J. Trump met K.C. Maurer, a curator. Trump said it went well."
    )
    assert people == {
        "Donald J. Trump": ("President", None),
        "K.C. Maurer": ("curator", None),
    }
    assert quotes_of('Headline\n\n"Fine," said Colette L. Heald.') == [("Fine", "Colette L. Heald")]


def test_bare_names_are_people_unless_the_text_makes_them_places_or_things() -> None:
    people = people_of(
        "Headline\n\nThe exhibit shows Polaroids of Carly Simon, Jack Nicklaus and Dennis"
        " Hopper, famous for the film Easy Rider. It opened in Saratoga Springs and moves to the"
        " University of Southern Indiana, then to North Carolina. Scientologist Tom Cruise and"
        " Pan-democrat Gary Fan were not there; Internet Explorer 6 was."
    )
    assert set(people) == {
        "Carly Simon",
        "Jack Nicklaus",
        "Dennis Hopper",
        "Tom Cruise",
        "Gary Fan",
    }


def test_a_long_run_after_an_organisation_ends_in_the_name() -> None:
    people = people_of(
        "Headline\n\nA student at University of Texas Arlington Amneh Jafari started the tag."
        " Instituto Gonzaga, a catholic school, was not involved."
    )
    assert set(people) == {"Amneh Jafari"}


def test_titles_and_labels_in_quotation_marks_are_not_quotes() -> None:
    text = (
        'Headline\n\nMicrosoft launched "The Internet Explorer 6 Countdown", a website. A user'
        ' labelled "Anonymous" posted on the site. The show is called "Cowboys and Indians",'
        ' Ann Lee said. "It is good," Ann Lee said. The minister said it was "dangerous".'
    )
    assert [quote for quote, _ in quotes_of(text)] == ["It is good", "dangerous"]


def test_a_pronoun_stands_for_the_subject_of_the_sentence_before() -> None:
    text = (
        "Headline\n\nMark Rathbun asked for donations to help Daniel Montalvo. He described"
        ' him as a man "facing the penitentiary for leaving".'
    )
    assert quotes_of(text) == [("facing the penitentiary for leaving", "Mark Rathbun")]


def test_a_quotation_standing_alone_belongs_to_the_speaker_of_the_sentence_before() -> None:
    text = (
        "Headline\n\nColette Heald noted the findings show pollution matters."
        ' "A cleanup would improve yields."\n\nKiara Perkins, a student, came to the opening.'
        ' Why did she want to attend? "It\'s Warhol. He is a legend."\n\nSenator Ann Lee'
        ' asserted that officials, "... plied the detective with a theory."'
    )
    assert quotes_of(text) == [
        ("A cleanup would improve yields.", "Colette Heald"),
        ("It's Warhol. He is a legend.", "Kiara Perkins"),
        ("... plied the detective with a theory.", "Ann Lee"),
    ]


def test_particles_in_names_and_in_the_words_of() -> None:
    text = (
        'Headline\n\n"All is well," director General Suleiman al-Amr said. In the words of the'
        ' Crown prosecutor, Mark Tedeschi, QC, "she suffered a great deal".'
    )
    assert quotes_of(text) == [
        ("All is well", "Suleiman al-Amr"),
        ("she suffered a great deal", "Mark Tedeschi"),
    ]


def test_organisations_quoted_as_sources_are_speakers() -> None:
    text = (
        'Headline\n\n"A browser was born," Microsoft says on its site. The U.S. Department of'
        ' Agriculture notes, "Ozone harms plants." Crowds said it was "calm".\n\n"Shells fell'
        ' near the posts", said KCNA. "Provocation deserves punishment", it added.'
    )
    assert quotes_of(text) == [
        ("A browser was born", "Microsoft"),
        ("Ozone harms plants.", "U.S. Department of Agriculture"),
        ("calm", None),
        ("Shells fell near the posts", "KCNA"),
        ("Provocation deserves punishment", "KCNA"),
    ]
    result, brief = draft(text)
    assert [p.name for p in brief.participants] == [
        "Microsoft",
        "U.S. Department of Agriculture",
        "KCNA",
    ]
    assert "an organisation or publication quoted as a source" in result.toml


def test_dates_at_the_start_of_a_sentence_and_counted_back() -> None:
    text = (
        "Headline\n\nYesterday Mohamed visited Google. On Tuesday, the government announced"
        " a process to ask whether citizens would prefer a new flag. The attack began just"
        " over 24 hours ago."
    )
    assert dates_of(text, date(2015, 5, 7)) == [
        ("2015-05-06", "timeline"),
        ("2015-05-05", "timeline"),
        ("2015-05-06", "timeline"),
    ]


def test_roles_implied_by_the_sentences_that_name_people() -> None:
    people = people_of(
        "Headline\n\nThe fair drew celebrity guests like Stan Lee, Mark Hamill, and Margaret"
        " Atwood. Atwood launched a novel with illustrator Johnnie Christmas. In the east,"
        " Regina Ip and Gary Chan were successfully re-elected. Jeff Rathke, the State"
        " Department Spokesperson, spoke. Kevin Allton, a USI instructor in English, came."
        " The hall was full.\n\nThe far end of the floor. Image: Nick Moreau."
    )
    roles = {name: role for name, (role, _) in people.items()}
    assert roles == {
        "Stan Lee": "guest",
        "Mark Hamill": "guest",
        "Margaret Atwood": "guest",
        "Johnnie Christmas": "illustrator",
        "Regina Ip": "re-elected",
        "Gary Chan": "re-elected",
        "Jeff Rathke": "State Department Spokesperson",
        "Kevin Allton": "USI instructor",
        "Nick Moreau": "photographer (image credit)",
    }
