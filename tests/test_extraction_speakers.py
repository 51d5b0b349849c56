"""Who the speaker is, and speech-act verbs that report no act: sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extraction_support import named_claims as claims

FOUND = [
    # "left it to X to condemn": X condemns, not the one who left it
    (
        "The premier left it to Foreign Minister Ana Diaz to condemn Chile over the raid.",
        ("condemn", "Ana Diaz", "Chile"),
    ),
    # a pronoun after a quotation is not a name inside the quotation
    (
        "Senator Luis Ruiz spoke in Lima on Monday. \u201cCarlos Vega has lied to voters for years,\u201d he said.",
        ("accuse", "Luis Ruiz", "Carlos Vega"),
    ),
    # "it" continuing the previous sentence's subject
    (
        "The Greek foreign ministry said Turkey had violated its airspace. It accused Ankara of provocations.",
        ("accuse", "Greek Foreign Ministry", "Turkey"),
    ),
    # a conjunct after "but" keeps its own polarity
    ("Ankara did not attend the talks but condemned Greece over the drills.", ("condemn", "Turkey", "Greece")),
    # the doer of an act done to someone is "by Y" or a state's adjective, never the victim
    (
        "The UN condemned the killing of Kenyan activist Mary Wanjiru by Ethiopian soldiers.",
        ("condemn", "United Nations", "Ethiopia"),
    ),
    ("Britain condemned the Russian poisoning of Sergei Ivanov.", ("condemn", "United Kingdom", "Russia")),
    ("Germany condemned the Russian actions in Crimea.", ("condemn", "Germany", "Russia")),
    ("Senator Ana Ruiz singled out Chile for criticism over the spill.", ("condemn", "Ana Ruiz", "Chile")),
    ("The EU lamented Turkey's human rights record.", ("condemn", "European Union", "Turkey")),
    # "she" is not a man the text calls Mr
    (
        "Mr Tomas Reyes and Mrs Ana Lopez met in Quito. She accused Peru of lying about the spill.",
        ("accuse", "Ana Lopez", "Peru"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_speaker_found(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


NOT_FOUND = [
    # a non-denial: the modal and "neither" cover both conjuncts
    (
        "The Peruvian minister Jorge Salas said he could neither confirm nor deny that Bolivian agents had attacked "
        "the border post.",
        "deny",
        None,
    ),
    ("Chile could not confirm or deny that Peruvian troops had crossed the border.", "deny", None),
    # an expletive "it" is no speaker
    ("It would be hard to deny that Peru has broken the treaty, Chilean President Ana Soto said.", "deny", None),
    # asked to condemn is not condemning
    ("The United States urged China to condemn North Korea over the missile test.", "condemn", "China"),
    # "the company said it condemns": the company, which is no actor we know, not the last organisation named
    (
        "Amnesty International published its report. Acme did not comment on the figures, but said in a statement "
        "that it condemns all violence.",
        "condemn",
        "Amnesty International",
    ),
    (
        "Amnesty International published its report. Acme gave no figures but said in a statement that it "
        "condemns all violence.",
        "condemn",
        "Amnesty International",
    ),
    # "it" continuing a subject that is no actor
    (
        "The old consensus regrouped after the vote. Gradually, it struck back. It accused India of lying.",
        "accuse",
        None,
    ),
    # singled out for praise is no condemnation
    ("Coach Warren Hale also singled out defenders Tom Reed and John Hart for special praise.", "condemn", None),
    # a relative's illness judges no one
    (
        "Dr Ana Ruiz said she would advise Maria Lopez to have surgery because her mother had ovarian cancer.",
        "accuse",
        None,
    ),
    # grief is no condemnation
    ("The zoo director Ana Ruiz lamented the loss of a magnificent animal.", "condemn", None),
    ("Senator Luis Ruiz lamented how the factories had closed.", "condemn", None),
    # a count reported is no judgement of the country that has it
    (
        "According to Johns Hopkins University, Brazil now has at least 18,000 deaths and 500,000 cases.",
        "accuse",
        None,
    ),
    # the speaker's own name is not the one inside the quotation
    (
        "Senator Luis Ruiz spoke in Lima on Monday. \u201cCarlos Vega has lied to voters for years,\u201d he said.",
        "accuse",
        "Carlos Vega",
    ),
]


@pytest.mark.parametrize(("text", "kind", "speaker"), NOT_FOUND)
def test_no_such_claim(nlp, text: str, kind: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert not any(k == kind and (speaker is None or s == speaker) for k, s, _ in found), found


VICTIMS = [
    "The UN condemned the killing of Kenyan activist Mary Wanjiru by Ethiopian soldiers.",
    "Amnesty International condemned the arrest of activist Mary Wanjiru.",
    "The killing of Kenyan activist Mary Wanjiru drew condemnation from Amnesty International.",
    "Amnesty International said the killing of activist Mary Wanjiru by Ethiopian soldiers was a crime.",
]


@pytest.mark.parametrize("text", VICTIMS)
def test_victim_is_no_target(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(t == "Mary Wanjiru" for _, _, t in claims(nlp, text))
