"""Judgements without a classic cue verb: pejorative labels, evaluative quotes, judgement nouns.

Sentences written for these tests; each positive has negatives of the same shape beside it.
"""

from __future__ import annotations

import pytest

from tests.extraction_support import claims

CASES = [
    # a label written as several words, inside reported speech and inside a quote
    ("Kenyan President Ruth Wanjiku said Uganda's move to close the border was politically motivated.",
     ("condemn", "Kenya", "Uganda")),
    ('"Peru\'s decision is politically motivated," Chilean Foreign Minister Ana Soto said.',
     ("condemn", "Chile", "Peru")),
    ('Chilean Foreign Minister Ana Soto spoke on Monday. "Peru\'s decision is politically motivated," she said.',
     ("condemn", "Chile", "Peru")),
    # coordinated labels: the harsher one carries the judgement
    ('"The Kremlin\'s response was cynical and hypocritical," said Ukrainian Foreign Minister Olena Bondar.',
     ("condemn", "Ukraine", "Russia")),
    # a participle label the parser reads as a passive
    ('"Britain\'s policy is misguided," Irish Prime Minister Sean Kelly told reporters.',
     ("condemn", "Ireland", "United Kingdom")),
    # judgement words VADER lacks or rates mild
    ("Kenyan President Ruth Wanjiku described Uganda's border closure as foolish.", ("condemn", "Kenya", "Uganda")),
    # a noun that judges by what it harms
    ('"Germany\'s plan is a blow to European unity," Polish Prime Minister Jan Nowak said.',
     ("condemn", "Poland", "Germany")),
    # deception idioms: playing tricks, games
    ('"Japan is playing little tricks," said Chinese Foreign Ministry spokesman Li Wei.', ("accuse", "China", "Japan")),
    ("The Ukrainian Foreign Ministry said Russia was playing games with the ceasefire.",
     ("accuse", "Ukraine", "Russia")),
    # a judgement noun aimed at an actor's policy or decision targets its owner, as the verb does
    ("Chile's criticism of Peru's mining law angered Lima.", ("condemn", "Chile", "Peru")),
    ("Germany voiced criticism of Poland's judicial reforms.", ("condemn", "Germany", "Poland")),
    ("Kenya's criticism of Uganda's handling of the refugee crisis was sharp.", ("condemn", "Kenya", "Uganda")),
    # a reaction drawn by an event targets whoever an earlier sentence says held it, each of them
    ("Protesters demanded an end to the naval drills held by Chile and Peru. The drills drew condemnation from Bolivia.",
     ("condemn", "Bolivia", "Chile")),
    ("Protesters demanded an end to the naval drills held by Chile and Peru. The drills drew condemnation from Bolivia.",
     ("condemn", "Bolivia", "Peru")),
    ("The missile tests carried out by Iran alarmed the region. The tests drew sharp criticism from Israel.",
     ("condemn", "Israel", "Iran")),
    ("Turkish forces launched a raid on the village on Monday. The raid drew condemnation from Iraq.",
     ("condemn", "Iraq", "Turkey")),
    # likening, with the comparison the parser hung on the compared one
    ("Mexican President Luis Ortega, who has previously compared Peruvian President Jorge Vega to Hitler, said he "
     "would meet him.", ("condemn", "Mexico", "Peru")),
    # a pronoun judged as a noun whose relative clause names its maker
    ('"That was a very insulting statement that Peru made," Chilean Foreign Minister Ana Soto said.',
     ("condemn", "Chile", "Peru")),
    ('"It was a reckless decision that Britain took," Irish Prime Minister Sean Kelly told reporters.',
     ("condemn", "Ireland", "United Kingdom")),
    ('"This is a shameful policy that the Kremlin is pursuing," said Ukrainian Foreign Minister Olena Bondar.',
     ("condemn", "Ukraine", "Russia")),
    ('"This is a cynical move by Moscow," Ukrainian Foreign Minister Olena Bondar said.',
     ("condemn", "Ukraine", "Russia")),
    ('"It was Peru\'s most reckless decision in years," Chilean President Rosa Vidal said.',
     ("condemn", "Chile", "Peru")),
    # an act the speaker's own adjectives judge, its author not named, even in a partial quote
    ('French President Marc Dubois said he stood with the country against the "vile and cowardly bombing."',
     ("condemn", "France", None)),
    ("Kenyan President Ruth Wanjiku said the senseless bombing of the market killed 12 people.",
     ("condemn", "Kenya", None)),
    ('"The ruling elite of Peru has always been intolerant to dissent," Chilean Foreign Minister Ana Soto said.',
     ("condemn", "Chile", "Peru")),
    # who answers a criticism is whom it was aimed at
    ("The head of the World Bank gave a robust defence of its lending on Monday in response to Brazilian President "
     "Rosa Vidal's criticism.", ("condemn", "Brazil", "World Bank")),
    ("The Peruvian Foreign Ministry responded to Chile's criticism with a statement.", ("condemn", "Chile", "Peru")),
    ("The Kenyan government reacted angrily to Uganda's condemnation.", ("condemn", "Uganda", "Kenya")),
    ("In response to criticism from Chile, the Peruvian Foreign Ministry said the mine was safe.",
     ("condemn", "Chile", "Peru")),
    # a label on an event an earlier sentence says an actor held
    ("Iran conducted missile tests on Sunday. Israeli Prime Minister Dan Levi called the tests a dangerous provocation.",
     ("condemn", "Israel", "Iran")),
    ("Russia held military exercises near the border. Estonian Foreign Minister Kaja Tamm called the exercises "
     "reckless.", ("condemn", "Estonia", "Russia")),
    ("Chile launched a new pension plan. Bolivian President Juan Mora described the plan as foolish.",
     ("condemn", "Bolivia", "Chile")),
    # what an actor is doing, judged; behaving like a pejorative; verbal-attack idioms
    ('"What Peru is doing is shameful," Chilean President Rosa Vidal said.', ("condemn", "Chile", "Peru")),
    ("Chilean President Rosa Vidal said what Britain had done was unacceptable.",
     ("condemn", "Chile", "United Kingdom")),
    ('"Russia is behaving like a bully," Ukrainian Foreign Minister Olena Bondar said.',
     ("condemn", "Ukraine", "Russia")),
    ("Chilean President Rosa Vidal said Peru's leaders were acting like thugs.", ("accuse", "Chile", "Peru")),
    ("Chilean President Rosa Vidal took a dig at Peru's leaders.", ("condemn", "Chile", "Peru")),
    # the diplomatic register, and what an act amounts to
    ("The Chinese Foreign Ministry said Japan's decision to send warships was counterproductive and escalatory.",
     ("condemn", "China", "Japan")),
    ("Chinese Foreign Ministry spokesman Li Wei called the Japanese naval drills a provocation.",
     ("condemn", "China", "Japan")),
    ('"Australia\'s move is unhelpful," Chinese Foreign Ministry spokesman Li Wei said.',
     ("condemn", "China", "Australia")),
    ("Chinese Foreign Ministry spokesman Li Wei said Japan's sanctions amounted to blackmail.",
     ("condemn", "China", "Japan")),
    ("Chilean President Rosa Vidal heaped scorn on Peru's plan.", ("condemn", "Chile", "Peru")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_judgement_classes(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert expected in found, found


NOT_CLAIMS = [
    # neutral or positive labels
    '"Peru\'s decision is final," Chilean Foreign Minister Ana Soto said.',
    "Chilean Foreign Minister Ana Soto said Peru's decision was bold and wise.",
    # unnamed speakers and the journalist's own assessment
    "Peru's decision was politically motivated, critics said.",
    "Peru's decision was politically motivated and cynical.",
    # negated and hypothetical judgements
    "Chilean Foreign Minister Ana Soto said Peru's decision was not politically motivated.",
    '"Britain\'s policy is not misguided," Irish Prime Minister Sean Kelly told reporters.',
    "Chilean Foreign Minister Ana Soto could call Peru's decision foolish.",
    # a blow as a fact or a punch; a passive that tells what happened to the actor
    "The defeat was a blow to Peruvian President Luis Ortega.",
    "Chilean Foreign Minister Ana Soto said the boxer landed a blow to the head of his opponent.",
    "Chilean Foreign Minister Ana Soto said Peru's embassy was attacked.",
    "Chilean Foreign Minister Ana Soto said Peru's ambassador was expelled.",
    # a policy criticised by no one named, or not criticised at all
    "There was criticism of Peru's mining law.",
    "Chile did not voice criticism of Peru's policy.",
    "Chile's support for Peru's mining law angered Bolivia.",
    # praise is no condemnation, whoever held the drills
    "The naval drills held by Chile and Peru were large. The drills drew praise from Bolivia.",
    # a neutral likening; a call to a hearing is a summons, not a label
    "Mexican President Luis Ortega – who has previously compared Donald Trump to Reagan – said he would meet him.",
    "Congress called the chief executive to a hearing on fraud.",
    # a judged pronoun whose maker is not named, a praised decision, a harm suffered, unnamed or negated speech
    '"That was a reckless decision," Chilean Foreign Minister Ana Soto said.',
    '"That was a wise decision that Peru took," Chilean Foreign Minister Ana Soto said.',
    '"It was a shameful attack that Peru suffered," Chilean Foreign Minister Ana Soto said.',
    '"That was an insulting statement that Peru made," critics said.',
    '"That was not an insulting statement that Peru made," Chilean Foreign Minister Ana Soto said.',
    # an act described, not judged, or judged by no one named
    "Kenyan President Ruth Wanjiku said the deadly bombing of the market killed 12 people.",
    "Kenyan President Ruth Wanjiku said the brutal and bloody attack killed 12 people.",
    "The cowardly bombing of the market killed 12 people, police said.",
    # a proposal, and a legal classification, are no verdict on an act
    "State Senator Jo Ames has written a bill that would make doxing a crime punishable by jail.",
    "Kenyan President Ruth Wanjiku said it was one of the worst attacks in the country's history.",
    # warnings, demands and threats of judgement; the journalist's own verdict
    "Chile warned that Peru's decision would be a blow to relations.",
    "Chile urged Peru to abandon its reckless policy.",
    "Peru's decision was a blow to the talks.",
    "Chilean President Rosa Vidal threatened to call Peru's decision a disgrace.",
    "Chilean President Rosa Vidal said Peru's decision could be seen as a provocation.",
    # a label that praises an event, or judges one's own
    "Iran conducted missile tests on Sunday. Israeli Prime Minister Dan Levi called the tests a success for science.",
    "Israel conducted missile tests on Sunday. Israeli Prime Minister Dan Levi called the tests a great success.",
    # a response to criticism by no one named, or to no criticism
    "In response to the criticism, the Peruvian Foreign Ministry issued a statement.",
    "The Peruvian Foreign Ministry responded to the floods with aid.",
    '"This is a bold move by Moscow," Ukrainian Foreign Minister Olena Bondar said.',
    '"That was Peru\'s decision," Chilean President Rosa Vidal said.',
    # advice, an analyst's view, a sum, a harmless likening
    "It would be unwise for Japan to send warships, Chinese Foreign Ministry spokesman Li Wei said.",
    "Japan's decision to send warships was counterproductive, analysts said.",
    "Chinese Foreign Ministry spokesman Li Wei said Japan's aid amounted to 5 million dollars.",
    "Chinese Foreign Ministry spokesman Li Wei said Japan was acting like a victim of aggression.",
    # what an actor does, praised or cleared; acting like something harmless
    '"What Peru is doing is admirable," Chilean President Rosa Vidal said.',
    '"What Peru is doing is not shameful," Chilean President Rosa Vidal said.',
    "What Peru is doing is shameful, critics said.",
    "Chilean President Rosa Vidal said Peru was acting like a responsible neighbour.",
    # playing a part is no trick
    "Chilean Foreign Minister Ana Soto said Peru was playing a key role in the talks.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_judgements(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert not found, found


def test_a_drawn_reaction_does_not_target_the_reacting_side(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Protesters demanded an end to the naval drills held by Chile. "
        "The drills drew criticism from the Chilean Defence Ministry."
    )
    assert ("condemn", "Chile", "Chile") not in claims(nlp, text)


def test_a_judged_act_beside_a_named_actor_is_left_to_the_rules_that_name_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = claims(
        nlp, "Kenyan President Ruth Wanjiku said Uganda continues to inflict intolerable cruelty on refugees."
    )
    assert ("condemn", "Kenya", None) not in found, found
