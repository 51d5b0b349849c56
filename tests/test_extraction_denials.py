"""Denials: self-denials without a denial verb, whose accusation a denial answers, and what is no denial.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from allegraph.ingest.loaders import content_hash
from allegraph.ingest.pipeline import extract
from allegraph.models import Document, claim_records
from tests.extraction_support import claims

SELF_DENIALS = [
    # a first-person deed the side says it never did, in a quote
    ('"Our government has never intervened in a single trial," Polish Justice Minister Adam Nowak said.', "Poland"),
    ('"Our ministry never did anything improper," Turkish Foreign Minister Ali Demir said.', "Turkey"),
    # doping and bribes: taking them is the wrong
    ("Canadian Sports Minister Lucy Grant said she had never used steroids.", "Canada"),
    ('"I have never accepted bribes from anyone," Mexican Interior Minister Luis Ortega said.', "Mexico"),
    # exoneration of the side's own conduct
    (
        'Senator Jane Holt, a Texas Republican, told reporters she had "always behaved ethically and within the law."',
        "Republican Party",
    ),
    ('"The payments we received were legal," said Peter Lang, a spokesman for the Green Party.', "Green Party"),
    # the accused dismissing the charges is a denial
    ("Kenyan Foreign Minister Tom Hale dismissed the charges as politically motivated.", "Kenya"),
    # a party politician on the party's conduct: the party is the speaker's side
    ("Labour MP Jo Lane said Labour had never accepted bribes.", "Labour Party"),
    # "his government": the speaker's, when no one else is named
    ("Indian Prime Minister Raj Patel said his government had never taken bribes.", "India"),
    # what the side says it does not have
    ("Egyptian Foreign Minister Omar Nabil insisted that Egypt holds no prisoners of conscience.", "Egypt"),
    ('"Syria has no chemical weapons," Syrian Foreign Minister Omar Haddad said.', "Syria"),
    ("Russian Foreign Minister Ivan Petrov said Russia had no troops in Moldova.", "Russia"),
    ("The Japanese ambassador said Japan had no intention of provoking a conflict with Korea.", "Japan"),
    ("The Nigerian army said its soldiers had no role in the killings.", "Nigeria"),
    # discrimination denied by its grounds
    ('"We do not hire or fire anyone because of their religion," Irish Health Minister Sean Kelly said.', "Ireland"),
    ('"We did not turn away applicants on the basis of gender," Irish Health Minister Sean Kelly said.', "Ireland"),
    # defending the side's own conduct
    ("The Greek Finance Ministry defended its handling of the bailout funds.", "Greece"),
]


@pytest.mark.parametrize("text,speaker", SELF_DENIALS)
def test_self_denials_without_a_denial_verb(nlp, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert ("deny", speaker, None) in found, found


NOT_DENIALS = [
    # negated facts that are no wrongdoing
    '"We did not win the vote," Polish Justice Minister Adam Nowak said.',
    "Kenyan Sports Minister Mary Otieno said she had never taken a day off.",
    '"We have no evidence of that," Russian Foreign Minister Ivan Petrov said.',
    # intentions and plans, not denials of a deed
    '"We have no plans to resign," said Peter Lang, a spokesman for the Green Party.',
    '"We have no intention of resigning," said Peter Lang, a spokesman for the Green Party.',
    '"We will not intervene in the strike," Polish Justice Minister Adam Nowak said.',
    '"We could never intervene in the courts," Polish Justice Minister Adam Nowak said.',
    '"We will not strike civilians," Polish Defence Minister Adam Nowak said.',
    '"It was appropriate to wait for the report," Polish Justice Minister Adam Nowak said.',
    '"We did not intervene to stop the fighting," Polish Defence Minister Adam Nowak said.',
    '"We did not comment on religion," said Peter Lang, a spokesman for the Green Party.',
    '"We have no soldiers to spare," Polish Defence Minister Adam Nowak said.',
    # unnamed speakers
    "Critics said the government had never intervened in the courts.",
    # another side's conduct is not the speaker's denial
    "Brazilian Foreign Minister Ana Lima said Argentina had no troops in the region.",
    "US President Tom Hale defended the French government's response to the strikes.",
    "Labour MP Jo Lane said the Conservatives had never accepted bribes.",
    "Indian Prime Minister Raj Patel said Tom Hale and his party had no links to the militants.",
    # a claim to be right, and defending a policy, are no denial
    '"Our concerns are legitimate," said Peter Lang, a spokesman for the Green Party.',
    "The Greek Finance Ministry defended the new budget.",
    # negated speech
    "Senator Jane Holt did not say she had acted lawfully.",
    # withholding is no denial: "deny someone something"
    "Polish Justice Minister Adam Nowak said it was wrong to deny pensioners the free bus pass.",
    "The Green Party denies them that option.",
    # an inverted condition: "had he denied" did not happen
    "Tom Hale, a Labour MP, admitted the fraud, and the sentence would have been longer had he denied the charge.",
    # a relative clause with its own subject tells what others do, not what the speaker's side denies
    "Israeli Foreign Minister Dan Meir said he had not seen a single step the militants took to end the attacks.",
    # dismissing charges as a step of the proceedings
    "The US Justice Department said it moved to dismiss the charges against Tom Hale.",
    "Judge Ann Ford dismissed the charges against Tom Hale.",
    # "absurd to charge farmers" judges a policy, not an accusation
    "Irish Farm Minister Sean Kelly argued it was absurd to charge farmers for the inspections.",
]


@pytest.mark.parametrize("text", NOT_DENIALS)
def test_not_denials(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = {c for c in claims(nlp, text) if c[0] == "deny"}
    assert not found, found


def test_the_accusers_are_those_the_allegations_come_from(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"The accusations coming from the Iranian government are groundless," said French spokesman Paul Roux.'
    assert ("deny", "France", "Iran") in claims(nlp, text)


def test_office_words_do_not_tie_a_denial_to_a_later_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "British Prime Minister Tom Hale and his chancellor, Ann Ford, met on Monday. "
        "There were rumours of a rift between the two. "
        "Asked about it, the prime minister said the claims were nonsense and that the chancellor was a friend. "
        "Opposition leader Sam Reed accused the prime minister of feuding with the chancellor."
    )
    graph = next(extract(nlp, [Document(id="o", text=text, content_hash=content_hash(text))]))
    denials = [r for r in claim_records(graph, "o") if r.kind == "deny"]
    assert denials and all(r.target is None for r in denials), denials


BARE_DENIALS = [
    # "denied the allegations" with no matter of its own answers the charge against the speaker just before
    (
        "Kenyan police accused opposition leader Tom Hale of inciting violence. Hale denied the allegations.",
        ("deny", "Tom Hale", "Kenya"),
    ),
    (
        "Kenyan police said opposition leader Tom Hale had incited violence. Hale rejected the accusation.",
        ("deny", "Tom Hale", "Kenya"),
    ),
    (
        "Amnesty International accused the Kenyan police of torture. The government denied the allegations.",
        ("deny", "Kenya", "Amnesty International"),
    ),
    # too far back to be what "the allegations" refers to
    (
        "Kenyan police accused opposition leader Tom Hale of inciting violence. The weather was fine. "
        "Hale said he was busy. The match was cancelled. Hale denied the allegations.",
        ("deny", "Tom Hale", None),
    ),
]


@pytest.mark.parametrize("text,expected", BARE_DENIALS)
def test_a_bare_denial_answers_the_charge_just_before(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert expected in found, found


INNOCENCE = [
    ("Labour MP Tom Hale pleaded not guilty to fraud charges on Monday.", ("deny", "Labour Party", None)),
    ("Tom Hale, a Labour MP, has maintained his innocence throughout.", ("deny", "Labour Party", None)),
    (
        "Kenyan police accused Labour MP Tom Hale of fraud. Hale protested his innocence.",
        ("deny", "Labour Party", "Kenya"),
    ),
]


@pytest.mark.parametrize("text,expected", INNOCENCE)
def test_professed_innocence_is_a_denial(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Labour MP Tom Hale pleaded guilty to fraud.",
        "Labour MP Tom Hale did not maintain his innocence.",
        "Labour MP Tom Hale could plead not guilty.",
    ],
)
def test_admissions_and_hypothetical_pleas_are_no_denial(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not {c for c in claims(nlp, text) if c[0] == "deny"}


REBUTTALS = [
    ("Labour MP Tom Hale said the charges against him were politically motivated.", ("deny", "Labour Party", None)),
    ("Russian Foreign Minister Ivan Petrov called the allegations a smear campaign.", ("deny", "Russia", None)),
    ("The Kremlin said there was no basis for the accusations.", ("deny", "Russia", None)),
]


@pytest.mark.parametrize("text,expected", REBUTTALS)
def test_what_a_rejected_accusation_is_called(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # a decision, or tactics, called so is condemned, not denied
        "Russian Foreign Minister Ivan Petrov said the British decision was politically motivated.",
        '"It is going to be a campaign of fear and smear," Labour MP Tom Hale said.',
    ],
)
def test_rebuttal_words_need_an_accusation(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not {c for c in claims(nlp, text) if c[0] == "deny"}
