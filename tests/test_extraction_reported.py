"""Unit tests for accusations carried by reported speech about a wrongdoing, on sentences
written for these tests: what a named speaker says an actor did, without the verb "accuse"."""

from __future__ import annotations

import pytest

from tests.extraction_support import claims

CASES = [
    # breaking a rule: the agreement broken is the wrong itself, not a harmless "strike an agreement"
    ("The Egyptian Foreign Ministry argued that Ethiopia had breached the agreement.", ("accuse", "Egypt", "Ethiopia")),
    ("Chile said Peru had flouted the fishing agreement.", ("accuse", "Chile", "Peru")),
    ("Vietnamese President Lan Tran said China violated the 2002 agreement.", ("accuse", "Vietnam", "China")),
    # a document speaks for whoever issued, published or released it
    (
        "An advisory issued by the Canadian Foreign Ministry warns that Iranian agents are harassing dissidents.",
        ("accuse", "Canada", "Iran"),
    ),
    (
        "A report published by Amnesty International said Nigerian soldiers had tortured detainees.",
        ("accuse", "Amnesty International", "Nigeria"),
    ),
    (
        "A memo that the Kenyan Interior Ministry circulated on Friday said Somali militants had smuggled weapons into the city.",
        ("accuse", "Kenya", "Somalia"),
    ),
    (
        "A paper written by the Chilean Defence Ministry said Peruvian jets had violated its airspace.",
        ("accuse", "Chile", "Peru"),
    ),
    # verbs of asserting beyond "say": argument, testimony, disclosure, an inquiry's findings
    ("Kenyan President Jo Kamau contended that Somali troops had shelled Mandera.", ("accuse", "Kenya", "Somalia")),
    (
        "The Dutch Defence Ministry revealed that Russian agents had hacked its network.",
        ("accuse", "The Netherlands", "Russia"),
    ),
    (
        "Amnesty International concluded that Syrian forces had tortured prisoners in Aleppo.",
        ("accuse", "Amnesty International", "Syria"),
    ),
    # "said in a statement that ...": the that-clause the parser hung on the setting's noun
    (
        "The Kenyan Foreign Ministry said in a statement on Monday that Somali troops had shelled Mandera.",
        ("accuse", "Kenya", "Somalia"),
    ),
    (
        "Chilean President Rosa Vidal told reporters at a news conference that Peruvian jets had bombed a village.",
        ("accuse", "Chile", "Peru"),
    ),
    # talking about acts: the acts' authors through a verb of doing
    (
        "Indian Prime Minister Raj Kumar spoke about the atrocities committed by Pakistani forces in the region.",
        ("accuse", "India", "Pakistan"),
    ),
    (
        "Polish President Jan Nowak talked about the massacre carried out by Russian troops.",
        ("accuse", "Poland", "Russia"),
    ),
    ("Kenya said the attacks carried out by Somali militants killed 20 people.", ("accuse", "Kenya", "Somalia")),
    # deception: spreading is a wrong when what is spread is false
    ("Chile said Peru was amplifying false narratives about the election.", ("accuse", "Chile", "Peru")),
    (
        "The French Foreign Ministry said Russian state media were peddling disinformation about the war.",
        ("accuse", "France", "Russia"),
    ),
    ("Kenyan President Jo Kamau said Somalia had been pushing conspiracy theories.", ("accuse", "Kenya", "Somalia")),
    # calling Y's claims baseless rejects them, and charges Y with spreading them
    (
        "Kenyan President Jo Kamau said Somalia was spreading baseless claims about the vote.",
        ("accuse", "Kenya", "Somalia"),
    ),
    # "on Friday Kenya said" with no comma: the parser reads the name into the date
    ("In a statement released on Friday Kenya said Somali troops had shelled Mandera.", ("accuse", "Kenya", "Somalia")),
    (
        "In a white paper published on Wednesday Japan also said its boats had been rammed by Chinese ships.",
        ("accuse", "Japan", "China"),
    ),
    ("At a meeting held on Monday Chile accused Peru of spying.", ("accuse", "Chile", "Peru")),
    # already read before this module, kept as guards: insisting, harm to a reputation, a passive agent
    (
        "Colombian President Ana Ruiz insisted that Venezuela holds political prisoners.",
        ("accuse", "Colombia", "Venezuela"),
    ),
    ("Swedish Foreign Minister Eva Lind said Russia damaged the undersea cable.", ("accuse", "Sweden", "Russia")),
    (
        "The Kenyan Foreign Ministry said its trawlers had been rammed and attacked by the Somali navy.",
        ("accuse", "Kenya", "Somalia"),
    ),
    # directing an act is doing it
    ("Chile said Peruvian officers orchestrated the attack on the embassy.", ("accuse", "Chile", "Peru")),
    ("Kenya said Somali generals masterminded the bombing.", ("accuse", "Kenya", "Somalia")),
    # a part in an act: involvement, complicity, taking part
    ("Kenya said Somali soldiers were involved in the killings.", ("accuse", "Kenya", "Somalia")),
    ("Kenya said Somalia was complicit in the attack.", ("accuse", "Kenya", "Somalia")),
    ("Chile said Peruvian officers took part in the massacre.", ("accuse", "Chile", "Peru")),
    ("Chile said Peruvian agents participated in the abduction of the journalist.", ("accuse", "Chile", "Peru")),
    (
        "Kenya condemned what it said was Somalia's involvement in the bombing of Mandera.",
        ("accuse", "Kenya", "Somalia"),
    ),
    ("Chile spoke about Peru's complicity in the killings.", ("accuse", "Chile", "Peru")),
    # an actor's deeds said to amount to a wrong
    ("Kenya said Somalia's actions amounted to a war crime.", ("accuse", "Kenya", "Somalia")),
    # abuse of persons and of their name; opening fire
    ("Kenya said Somali officials mistreated the detainees.", ("accuse", "Kenya", "Somalia")),
    ("Kenya said Somalia defamed its president.", ("accuse", "Kenya", "Somalia")),
    ("Kenya said Somali forces opened fire on protesters.", ("accuse", "Kenya", "Somalia")),
    ("Kenya said Somalia carried out ethnic cleansing.", ("accuse", "Kenya", "Somalia")),
    # an 'it' before the speaker points back to what the story told of, not to the speaker
    ('Peru moved troops to the border. "It violated the treaty," Chile said.', ("accuse", "Chile", "Peru")),
    (
        "Peru reinforced the border on Monday. Chile said it had been attacked by Peruvian troops.",
        ("accuse", "Chile", "Peru"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reported_wrongs(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert expected in found, found


NOT_CLAIMS = [
    "Peru said Chile struck an agreement with Bolivia.",
    "Chile said it had breached the agreement by mistake.",
    "Critics said Peru had breached the agreement.",
    "Chile did not say that Peru had breached the agreement.",
    # who commissions or cites a document is not its author
    "A report commissioned by Amnesty International said Nigerian soldiers had tortured detainees.",
    "A study cited by the Kenyan Interior Ministry said Somali militants had smuggled weapons.",
    # a document with no named author speaks for no one
    "A leaked memo said Somali militants had smuggled weapons.",
    # a setting's relative clause, or an act with no author, is no charge
    "Kenyan President Jo Kamau said in a speech that the town had been shelled.",
    # talking at an event, about one's own side, or not (yet) at all
    "Kenyan President Jo Kamau spoke at the funeral of victims of the Somali attack.",
    "Kenyan President Jo Kamau spoke to reporters after Somalia's attack on the town.",
    "Kenyan President Jo Kamau spoke about the massacre witnessed by Somali troops.",
    "Kenyan President Jo Kamau did not speak about the massacre carried out by Somali troops.",
    "Kenyan President Jo Kamau will speak about the massacre carried out by Somali troops.",
    "Kenya will tell the council that Somali troops shelled Mandera.",
    # confirming one's own side's act is a claim of responsibility
    "The Kenyan army confirmed that its troops had shelled militant positions.",
    # spreading what is not false, countering falsehoods, falsehoods with no one spreading them
    "Chile said Peru was promoting tourism.",
    "Chile said Peru was spreading the news of the victory.",
    "Chile said it was countering false narratives about the election.",
    "Chile said false narratives spread quickly online.",
    "Critics said Peru was amplifying false narratives.",
    "Chile said Peru was fuelling false hopes of a quick deal.",
    # a name inside a dated phrase that is not right before the verb is not its subject
    "In a report on Chile published on Monday, officials said Peruvian troops had shelled a village.",
    "Kenya said Somali police orchestrated the rescue of the hostages.",
    # a part in something that is no wrong, or a part denied
    "Kenya said Somalia was involved in the peace talks.",
    "Kenya said Somali officers took part in the investigation of the attack.",
    "Kenya said Somalia had a hand in the rescue.",
    "Chile said Peru had not taken part in the massacre.",
    "Chile said Peru's role in the peace talks was crucial.",
    "Chile said Peru's involvement in investigating the killings was welcome.",
    "Kenya said the shop opened on Monday.",
    # answering a deed with a deed is no statement about it
    "Kenya responded to Somali attacks with airstrikes.",
    "Kenya replied to the Somali attack by closing the border.",
    "Kenyan troops found the bodies of victims of the Somali massacre.",
    # "X said it carried out the attack" claims responsibility, whoever the story mentioned last
    "CNN first reported the blast on Monday. Jund al-Khilafa said it carried out the bombing.",
]


def test_a_claim_of_responsibility_accuses_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, "The United Nations condemned the blast. Ansar Wadi said it carried out the attack.")
    assert not [c for c in found if c[0] == "accuse"], found


def test_a_pejorative_amounting_is_a_condemnation_not_a_charge(nlp) -> None:  # type: ignore[no-untyped-def]
    # "amounted to a betrayal" judges the act; only a wrong ("amounted to a war crime") charges it
    found = claims(nlp, "Kenya said Somalia's actions amounted to a betrayal of trust.")
    assert found == {("condemn", "Kenya", "Somalia")}, found


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert not found, found
