"""Name normalisation and merging: who is the same person across briefs, and who is not."""

from __future__ import annotations

import pytest

from briefing.core.people_merge import (
    Appearance,
    fold,
    merge_people,
    normalize_name,
    person_matches,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Scott Bessent", "scott bessent"),
        ("SCOTT  BESSENT", "scott bessent"),
        ("José Álvarez", "jose alvarez"),
        ("Dr. Jane Smith", "jane smith"),
        ("Jane Smith, PhD", "jane smith"),
        ("Jane Smith MP", "jane smith"),
        ("President Donald Trump", "donald trump"),
        ("Vice Premier He Lifeng", "he lifeng"),
        ("He Lifeng", "he lifeng"),  # "He" is his family name, not a title
        ("Prime Minister Anwar Ibrahim", "anwar ibrahim"),
        ("Secretary of State Marco Rubio", "marco rubio"),
        ("U.S. Treasury Secretary Scott Bessent", "scott bessent"),
        ("J.D. Vance", "jd vance"),
        ("J. D. Vance", "jd vance"),
        ("JD Vance", "jd vance"),
        ("Jean-Pierre Dupont", "jean pierre dupont"),
        ("O’Brien Kelly", "obrien kelly"),
        ("Ｊｏｈｎ Smith", "john smith"),  # full-width letters
        ("Nguyễn Thị Lan", "nguyen thi lan"),
        ("Lukas Värk", "lukas vark"),
    ],
)
def test_normalize_name(name: str, expected: str) -> None:
    assert normalize_name(name) == expected


@pytest.mark.parametrize(
    "name",
    ["Prime Minister", "President", "The Secretary", "Mr Smith", "General Motors", "Dr. Who"],
)
def test_a_title_that_is_the_whole_name_is_kept(name: str) -> None:
    # Stripping would leave less than a first and last name: too little to merge on.
    assert normalize_name(name) == " ".join(fold(name).replace(".", " ").split())


@pytest.mark.parametrize(
    "name", ["习近平", "王芳", "김서연", "佐藤美咲", "ليلى الحسيني", "ガガーリン"]
)
def test_other_scripts_are_unchanged(name: str) -> None:
    # Their marks are part of the letters (a dakuten, a harakat): only Latin accents go.
    assert normalize_name(name) == name


def test_arabic_marks_are_kept() -> None:
    voweled = "مُحَمَّد علي"
    assert normalize_name(voweled) == voweled


def appearance(brief: str, pid: str, name: str, **fields: object) -> Appearance:
    return Appearance(brief=brief, participant_id=pid, name=name, **fields)  # type: ignore[arg-type]


def test_accents_case_and_titles_merge_across_briefs() -> None:
    people = merge_people(
        [
            appearance("a.toml", "jose", "José Álvarez", role="Minister", quotes=2, published=3),
            appearance("b.toml", "alvarez", "JOSE ALVAREZ", role="Minister", quotes=1, published=2),
            appearance("c.toml", "ja", "Dr. José Álvarez", role="Envoy", published=1),
        ]
    )
    assert len(people) == 1
    person = people[0]
    assert person.briefs == 3
    assert person.quotes == 3
    assert person.roles == ("Minister", "Envoy")  # most common first
    assert person.names == ("José Álvarez", "JOSE ALVAREZ", "Dr. José Álvarez")
    assert [a.brief for a in person.appearances] == ["a.toml", "b.toml", "c.toml"]  # newest first


def test_the_display_name_is_the_most_common_form() -> None:
    people = merge_people(
        [
            appearance("a", "x", "jane smith"),
            appearance("b", "x", "Jane Smith"),
            appearance("c", "x", "Jane Smith"),
            appearance("d", "x", "Dr. Jane Smith"),
        ]
    )
    assert [p.name for p in people] == ["Jane Smith"]


def test_the_fullest_form_wins_a_tie() -> None:
    people = merge_people(
        [
            appearance("a", "x", "Bessent", aliases=("Scott Bessent",)),
            appearance("b", "x", "Scott Bessent"),
        ]
    )
    assert len(people) == 1
    assert people[0].name == "Scott Bessent"


def test_aliases_merge_transitively() -> None:
    # A lists B's name as an alias; B lists C's; C shares nothing with A directly.
    people = merge_people(
        [
            appearance("a", "1", "Lula", aliases=("Luiz Inácio Lula da Silva",)),
            appearance("b", "2", "Luiz Inacio Lula da Silva", aliases=("President Lula",)),
            appearance("c", "3", "President Lula"),
            appearance("d", "4", "Jair Bolsonaro"),
        ]
    )
    assert sorted(p.briefs for p in people) == [1, 3]
    lula = next(p for p in people if p.briefs == 3)
    assert {a.brief for a in lula.appearances} == {"a", "b", "c"}
    assert "Lula" in lula.names and "President Lula" in lula.names


def test_an_alias_chain_in_the_other_direction() -> None:
    people = merge_people(
        [
            appearance("a", "1", "Scott Bessent"),
            appearance("b", "2", "Treasury chief", aliases=("scott BESSENT",)),
        ]
    )
    assert len(people) == 1


def test_equal_aliases_alone_do_not_merge() -> None:
    people = merge_people(
        [
            appearance("a", "1", "Barack Obama", aliases=("POTUS",)),
            appearance("b", "2", "Donald Trump", aliases=("POTUS",)),
        ]
    )
    assert len(people) == 2


def test_same_surname_different_people() -> None:
    people = merge_people(
        [
            appearance("a", "1", "Jane Smith"),
            appearance("b", "2", "John Smith"),
            appearance("c", "3", "Mr Smith"),
            appearance("d", "4", "Ms Smith"),
        ]
    )
    assert len(people) == 4
    assert len({p.key for p in people}) == 4


def test_cjk_and_arabic_names_merge_only_when_equal() -> None:
    people = merge_people(
        [
            appearance("a", "1", "王芳"),
            appearance("b", "2", "王芳"),
            appearance("c", "3", "王方"),
            appearance("d", "4", "ليلى الحسيني"),
            appearance("e", "5", "ليلى الحسيني"),
        ]
    )
    assert sorted((p.name, p.briefs) for p in people) == [
        ("ليلى الحسيني", 2),
        ("王方", 1),
        ("王芳", 2),
    ]


def test_people_are_ordered_by_presence() -> None:
    people = merge_people(
        [
            appearance("a", "1", "Zed Alpha", quotes=5),
            appearance("a", "2", "Amy Beta"),
            appearance("b", "2", "Amy Beta"),
            appearance("c", "3", "Bob Gamma", quotes=1),
        ]
    )
    assert [p.name for p in people] == ["Amy Beta", "Zed Alpha", "Bob Gamma"]


def test_filter_ignores_accents_and_case() -> None:
    (person,) = merge_people([appearance("a", "1", "José Álvarez", role="Finance Minister")])
    assert person_matches(person, "jose")
    assert person_matches(person, "ÁLVAREZ minister")
    assert person_matches(person, "")
    assert not person_matches(person, "smith")
