"""Unit tests for the error classes addressed in rules-0.5, on sentences written for these tests."""

from __future__ import annotations

import pytest

from allegraph.ingest.loaders import content_hash
from allegraph.ingest.pipeline import extract
from allegraph.models import Document, claim_records
from tests.extraction_support import claims

CASES = [
    # a title reached through a phrasal "to" still names the office-holder's own state
    (
        "The agency answered in response to Canadian Prime Minister Anne Roy's criticism of its budget. "
        "Anne Roy accused Peru of hiding the data.",
        ("accuse", "Canada", "Peru"),
    ),
    # "NAME, of ORGANISATION,": the person speaks for the organisation
    (
        "Carla Mendes, of Amnesty International, said Brazilian police had tortured detainees.",
        ("accuse", "Amnesty International", "Brazil"),
    ),
    # a conjunct whose own title names nothing shares the first conjunct's affiliation
    (
        "Labour leader Tom Hart and rival Sally Dunne clashed on Monday. Sally Dunne accused Spain of dumping steel.",
        ("accuse", "Labour Party", "Spain"),
    ),
    # an ambassador's host state is still not whom the ambassador speaks for
    ("Swedish Ambassador to Kenya Lars Berg accused Somalia of piracy.", ("accuse", "Sweden", "Somalia")),
    # a reaction drawn by a wrongful act whose author is not named
    ("The bombing of the market drew condemnation from France.", ("condemn", "France", None)),
    # a verbal attack is a condemnation
    ("Chile launched a scathing attack on Bolivia over the border dispute.", ("condemn", "Chile", "Bolivia")),
    # a main verb the parser hung under the name after a long relative clause
    (
        "Chilean President Rosa Vidal, whose party lost seats in the vote last year, sharply criticised Bolivia's decision.",
        ("condemn", "Chile", "Bolivia"),
    ),
    # a report or statement speaks for its author
    (
        "A report from Amnesty International said Egyptian police had tortured detainees.",
        ("accuse", "Amnesty International", "Egypt"),
    ),
    (
        "A statement by the Kenyan Foreign Ministry said Somali troops had shelled Mandera.",
        ("accuse", "Kenya", "Somalia"),
    ),
    # defending oneself against a charge denies it, and answers whoever made it
    (
        "Labour MP Jo Lane defended herself against Tory leader Sam Reed's accusations that she had lied.",
        ("deny", "Labour Party", "Conservative Party"),
    ),
    # a cabinet office named by its British title speaks for the state, though it says "leader"
    ("Jim Park, Leader of the Commons, accused Iran of jamming ships.", ("accuse", "United Kingdom", "Iran")),
    # reported charges in a breach frame, behind evidence, in a release, about a relative pronoun
    (
        "Chile moved to restore sanctions on Peru, arguing Lima was in violation of the treaty.",
        ("accuse", "Chile", "Peru"),
    ),
    (
        "Vietnam says there was a reasonable basis to believe Chinese troops had committed torture.",
        ("accuse", "Vietnam", "China"),
    ),
    (
        "According to a press release from Amnesty International, Egyptian police shot a protester.",
        ("accuse", "Amnesty International", "Egypt"),
    ),
    ("Police arrested a Syrian general who Mr Smith alleged was a war criminal.", ("accuse", "Smith", "Syria")),
    # a dateline the parser also made a subject does not speak; nor does the addressee of a letter
    ("MOSCOW - Chile said Peruvian troops shelled a border post.", ("accuse", "Chile", "Peru")),
    (
        "Chile sent a letter to the UN Security Council accusing Peru of shelling a border post.",
        ("accuse", "Chile", "Peru"),
    ),
    # "X is a coordinator for ORG", "X, who is a spokeswoman for ORG,": the person speaks for it
    (
        "Carla Mendes is a coordinator for Amnesty International. Carla Mendes said Brazilian police had tortured detainees.",
        ("accuse", "Amnesty International", "Brazil"),
    ),
    (
        "Carla Mendes, who is a spokeswoman for Oxfam, said Brazilian police had tortured detainees.",
        ("accuse", "Oxfam", "Brazil"),
    ),
    # a curly-apostrophe possessive names the accuser as a straight one does
    ("Chile rejected Peru\u2019s suggestion that Chilean ships had rammed its boats.", ("deny", "Chile", "Peru")),
    # "criticised what he described as the deal negotiated by X": the labelled thing's maker is the target
    ("Chile denounced what it called threats by Peru.", ("condemn", "Chile", "Peru")),
    (
        "Chile criticised what it described as a reckless deal negotiated by Peru.",
        ("condemn", "Chile", "Peru"),
    ),
    # "leaders X and Y of PARTY": both names speak for the party the shared head noun names
    (
        "Opposition leaders Tom Hart and Sally Dunne of the Green Party met voters. Sally Dunne criticised Spain.",
        ("condemn", "Green Party", "Spain"),
    ),
    # "Y had its facts wrong": the speaker rejects what Y says; "Y was wrong to invade" condemns
    ("Chile said Peru had its facts wrong.", ("deny", "Chile", "Peru")),
    ("Chile said Peru was wrong to invade Bolivia.", ("condemn", "Chile", "Peru")),
    # a judged act is condemned, not charged
    (
        "Amnesty International said Chile's move was a shocking abuse of power.",
        ("condemn", "Amnesty International", "Chile"),
    ),
    # "condemned the raid": the raid's author is whoever an earlier sentence says carried it out
    (
        "Peru's army raided the town on Monday. Amnesty International condemned the raid.",
        ("condemn", "Amnesty International", "Peru"),
    ),
    (
        "Chilean troops stormed the offices of the Liberty Party in a dawn raid. Weapons were seized during the raid. "
        "Liberty Party leader Ana Ruiz criticised the raid.",
        ("condemn", "Liberty Party", "Chile"),
    ),
    # ... but not when the earlier sentence denies it, only plans it, or names no author
    ("Peru did not carry out the strike. Chile condemned the strike.", ("condemn", "Chile", None)),
    ("Peru may launch a strike next week. Chile condemned the strike.", ("condemn", "Chile", None)),
    ("Police said the attack killed five. Chile condemned the attack.", ("condemn", "Chile", None)),
    ("Spain blamed rebels for the attack. Chile condemned the attack.", ("condemn", "Chile", None)),
    ("Peru investigated the attack. Chile condemned the attack.", ("condemn", "Chile", None)),
    ("Peru's army carried out a raid on the town. Chile condemned the raid.", ("condemn", "Chile", "Peru")),
    # "Y announced an X that Z says is unfounded": Z rejects what Y put forward
    (
        "Last week, Peru announced an investigation of Chilean wine imports that Chile says is unfounded.",
        ("deny", "Chile", "Peru"),
    ),
    ("Peru's ministry released a report that Chile says is baseless.", ("deny", "Chile", "Peru")),
    ("Peru did not release a report that Chile says is baseless.", ("deny", "Chile", None)),
    ("Chile said Peru bears responsibility for the massacre.", ("blame", "Chile", "Peru")),
    # narration after a quotation left unclosed is the journalist's again
    (
        'Peru said: "So far they have mocked us. "We are not rattled." Chilean Foreign Minister Ana Ruiz '
        "rejected Peru's accusations.",
        ("deny", "Chile", "Peru"),
    ),
    # a lawsuit for a wrong alleges it
    ("Chile sued Peru over the illegal dumping of waste in the river.", ("accuse", "Chile", "Peru")),
    ("The Green Party sued Spain on Monday for harassment of its members.", ("accuse", "Green Party", "Spain")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_error_classes(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert expected in found, found


NOT_CLAIMS = [
    # a free relative's label alone names no act and no actor
    "Chile denounced what it called threats against its sovereignty.",
    # evidence denied, or a reason that is no evidence frame
    "Vietnam said there was no evidence that Chinese troops had tortured prisoners.",
    # defending a policy or a deal answers no accusation
    "Spain defended the fishing deal against opposition from Portugal.",
    "Egypt defended its border against Libyan smugglers.",
    # a report with no named author is no speaker
    "A report said Egyptian police had tortured detainees.",
    # an armed attack is a deed, not words
    "Bolivia and Peru launched a missile attack on Chilean positions in 1880.",
    "Ecuador carried out a cyber attack against Colombia last year.",
    # drawn by words whose author this sentence does not name
    "News of the leaked memo drew criticism from Japan.",
    # a harsh word in a phrase about something else judges nobody
    "Norway said the Danish navy had confidence in its ability to deal with the threat of piracy.",
    "Finland said a Swedish inspection regime was more effective than the current ban.",
    "Austria said the Hungarian audit was a major event that prompted checks on other systems vulnerable to fraud.",
    # a legal action for a remedy, or none, alleges nothing; threatened or planned speech acts are not done
    "Chile sued Peru for $5 million in damages.",
    "Chile sued Peru for compensation.",
    "Chile sued Peru in 2010.",
    "Chile did not sue Peru for fraud.",
    "Chile threatened to sue Peru for fraud.",
    "Chile threatened to accuse Peru of fraud.",
    "Chile plans to condemn Peru at the summit.",
    # a relative clause that judges nothing false
    "Last week, Peru announced an investigation of Chilean wine imports that Chile says is important.",
    # a responsibility still to do is a duty, not blame
    "Chile said Peru has a responsibility to protect its citizens.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert not found, found


def test_a_denial_does_not_answer_the_deniers_own_blame(nlp) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, "Home Minister Raj Patel rejected those claims, blaming the Tamil Tigers for the bombing.")
    assert ("blame", "Raj Patel", "Tamil Tigers") in found, found
    assert ("deny", "Raj Patel", None) in found, found  # not speaking for the group he blames


def test_a_deputy_does_not_hold_the_office_he_deputises() -> None:
    from allegraph.ingest.titles import holds

    assert holds("Prime Minister", "prime minister")
    assert holds("British Prime Minister", "prime minister")
    assert not holds("Deputy Prime Minister", "prime minister")
    assert not holds("Vice President", "president")
    assert not holds("former President", "president")


def test_the_prime_minister_is_not_the_deputy(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Tom Hale and Ann Ford met at a lunch given by Deputy Prime Minister Joe Bright in London. "
        "Tom Hale said Ann Ford was ambitious. Tom Hale spoke to reporters. "
        "The prime minister said the chancellor was loyal. "
        "Conservative leader Sam Reed accused the chancellor of lying."
    )
    graph = next(extract(nlp, [Document(id="p", text=text, content_hash=content_hash(text))]))
    targets = {r.target.name for r in claim_records(graph, "p") if r.kind == "accuse" and r.target}
    assert targets == {"Ann Ford"}, targets  # the prime minister is Tom Hale, the chancellor the other
