"""Unit tests for cues whose speaker or target lies outside the cue's own phrase (rules-0.6 round),
on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extraction_support import claims

CASES = [
    # people accused by the body they come from, the parser hanging "from X" on the verb; conjuncts too
    ("Spain accused officials from Morocco and the Algerian government of smuggling.", ("accuse", "Spain", "Morocco")),
    ("Spain accused officials from Morocco and the Algerian government of smuggling.", ("accuse", "Spain", "Algeria")),
    ("Kenya accused soldiers from Somalia of shelling border towns.", ("accuse", "Kenya", "Somalia")),
    ("Japan has accused hackers from China of stealing defence secrets.", ("accuse", "Japan", "China")),
    # whoever defends itself against a charge is the one the charge is aimed at
    ("Egypt defended itself against Amnesty International's criticism.", ("condemn", "Amnesty International", "Egypt")),
    (
        "Labour MP Jo Lane defended herself against Tory leader Sam Reed's accusations that she sought "
        "favours for donors.",
        ("accuse", "Conservative Party", "Labour Party"),
    ),
    (
        "The Kenyan government defended itself from Human Rights Watch's allegations about the camps.",
        ("accuse", "Human Rights Watch", "Kenya"),
    ),
    # a state body named only by the nation it serves speaks for the state the story is about
    (
        "Brazil's economy slowed again. Federal prosecutors accused Argentina of hiding smuggling reports.",
        ("accuse", "Brazil", "Argentina"),
    ),
    (
        "Kenya's election was disputed. The national police accused the Orange Democratic Movement of inciting violence.",
        ("accuse", "Kenya", "Orange Democratic Movement"),
    ),
    (
        "The election in Mexico was close. Lawmakers met federal regulators who accused Pemex of hiding losses.",
        ("accuse", "Mexico", "Pemex"),
    ),
    # ... unless a state qualifies it
    (
        "Austria hosted the talks in Vienna. The German federal prosecutors accused Russia of spying.",
        ("accuse", "Germany", "Russia"),
    ),
    # a lawyer or spokesperson "for X" speaks for X, as "X's lawyers" do
    ("A lawyer for Greenpeace accused Nigeria of hiding oil spills.", ("accuse", "Greenpeace", "Nigeria")),
    ("Lawyers for Amnesty International accused Egypt of torture.", ("accuse", "Amnesty International", "Egypt")),
    ("A spokesman for the Kenyan police accused Somalia of shelling Mandera.", ("accuse", "Kenya", "Somalia")),
    # a titled office-holder's predecessor or successor answers for the same side
    (
        "Ghanaian President Kofi Mensah blamed his predecessor John Asare for the debt crisis.",
        ("blame", "Ghana", "Ghana"),
    ),
    (
        "French President Claire Martin blamed her predecessor, Paul Girard, for the deficit.",
        ("blame", "France", "France"),
    ),
    (
        "Labour leader Tom Hart blamed his predecessor Ed Miles for the defeat.",
        ("blame", "Labour Party", "Labour Party"),
    ),
    # rebuking a critic for its criticism of one's own conduct: the critic condemned the rebuker
    (
        'Brazilian President Marco Costa has called the United Nations "foolish" for criticism of his pension reform.',
        ("condemn", "United Nations", "Brazil"),
    ),
    (
        "Turkish President Ali Demir attacked Germany over its criticism of his crackdown on journalists.",
        ("condemn", "Germany", "Turkey"),
    ),
    (
        "Brazilian President Ana Costa denounced Norway for its criticism of her forest policy.",
        ("condemn", "Norway", "Brazil"),
    ),
    # after a fronted phrase, the name the parser set off as the phrase's apposition is the subject
    ("From his prison cell, Navalny, who was 45, accused Russia of torture.", ("accuse", "Navalny", "Russia")),
    ("From her home in exile, Costa, who was 60, denounced Brazil's election.", ("condemn", "Costa", "Brazil")),
    (
        "From his jail cell, Greenpeace activist Tom Hart, who is 31, accused Russia of torture.",
        ("accuse", "Greenpeace", "Russia"),
    ),
    (
        "Russian President Ivan Orlov spoke. From his hospital bed, Pavel Sokol, who was 50, pointed a finger at Orlov.",
        ("blame", "Pavel Sokol", "Russia"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cue_actors(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert expected in found, found


NOT_TARGETS = [
    # people not known by a body they serve, or "from" that belongs to the act
    ("Greece accused migrants from Turkey of arson.", "Turkey"),
    ("Spain accused officials of stealing money from Morocco.", "Morocco"),
    ("Spain did not accuse officials from Morocco of smuggling.", "Morocco"),
    # defending someone else, or not defending oneself, does not make the defender the target
    ("Egypt defended Qatar against Amnesty International's criticism.", "Egypt"),
    ("Egypt did not defend itself against Amnesty International's criticism.", "Egypt"),
    # thanking a critic, or a rebuke not made, says nothing of whom the criticism was aimed at
    (
        "Philippine President Rodrigo Duterte thanked the European Union for its criticism of his drug war.",
        "Philippines",
    ),
    (
        "Philippine President Rodrigo Duterte did not slam the European Union for its criticism of his drug war.",
        "Philippines",
    ),
    # a rival is no holder of the same office; an untitled holder's side is unknown
    ("Ghanaian President Kofi Mensah said his rival John Asare had lied.", "Ghana"),
    ("Kofi Mensah visited Ghana. Kofi Mensah blamed his predecessor John Asare for the debt crisis.", "Ghana"),
]


@pytest.mark.parametrize(("text", "absent"), NOT_TARGETS)
def test_not_targets(nlp, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert not any(target == absent for _, _, target in found), found


NOT_CLAIMS = [
    # hypothetical speech, and unnamed critics of a national body, are no claims
    "Brazil's economy slowed again. Federal prosecutors could accuse Vale of hiding safety reports.",
    "Brazil's economy slowed again. Critics said the federal government had lied.",
    "Brazil's economy slowed again. The governors will stay in charge, President Ana Costa said, "
    "but the federal government will fund the cost of deployment.",
    # a lawyer for people who are no named actor, or speech not done
    "Lawyers for the victims accused Egypt of torture.",
    "A spokesman for Greenpeace did not accuse Nigeria of hiding oil spills.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert not found, found


def test_the_host_in_a_fronted_phrase_does_not_speak(nlp) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, "In an interview with the BBC, Maria Lopez, who is 30, accused Mexico of torture.")
    assert not any(speaker == "BBC" for _, speaker, _ in found), found
