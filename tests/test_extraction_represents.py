"""Unit tests for whom speakers and targets represent, and for targets the document names elsewhere,
on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extraction_support import claims

# A condemned event whose author an earlier sentence names.
EVENT_CASES = [
    # "criticised the raid, saying ...": the speaker's own words hung on the noun do not make it another raid
    (
        "Iranian security forces stormed the offices of the movement in a raid on Monday. "
        "Party leader Ali Karimi condemned the raid, calling it illegal.",
        {("condemn", "Ali Karimi", "Iran")},
    ),
    (
        "Kenyan police carried out a raid on the newspaper overnight. "
        "The editor Grace Otieno condemned the raid, calling it an assault on the press.",
        {("condemn", "Grace Otieno", "Kenya")},
    ),
    # "the drills held by X and Y drew criticism from Z": one claim against each author
    (
        "Officials said the naval drills conducted by Japan and India would start on Monday. "
        "The drills drew criticism from China.",
        {("condemn", "China", "Japan"), ("condemn", "China", "India")},
    ),
    (
        "Residents fled the strikes carried out by Turkey near the border. The strikes drew condemnation from Iraq.",
        {("condemn", "Iraq", "Turkey")},
    ),
]


@pytest.mark.parametrize("text,expected", EVENT_CASES)
def test_condemned_event_takes_its_author(nlp, text: str, expected: set[tuple]) -> None:  # type: ignore[no-untyped-def]
    assert expected <= claims(nlp, text)


EVENT_NEGATIVES = [
    # the earlier event is told without an author: the condemnation keeps no target
    (
        "A raid on the offices took place on Monday. Party leader Ali Karimi condemned the raid, calling it illegal.",
        ("condemn", "Ali Karimi", None),
    ),
    # the event the speaker reacts to was only demanded, never carried out by anyone named
    (
        "Activists demanded that Japan and India stop the naval drills. The drills drew criticism from China.",
        ("condemn", "China", None),
    ),
]


@pytest.mark.parametrize("text,expected", EVENT_NEGATIVES)
def test_condemned_event_without_a_named_author(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert not {c for c in found if c[:2] == expected[:2] and c[2] is not None}


# Whom a person speaks for, from the words around the name.
SIDE_CASES = [
    # "X's <party>": the person's own party, also for one out of office
    (
        "Former Prime Minister Tom Adley denied the accusations. Adley's Labour Party said he had done nothing wrong.",
        ("deny", "Labour Party", None),
    ),
    (
        "Dana Whitlow rejected the charges as baseless. Whitlow's Conservative Party said the case was political.",
        ("deny", "Conservative Party", None),
    ),
    # a counted group of party members introduces the names given together next
    (
        "Two Conservative MPs were questioned by police last month. The prosecution says they forged "
        "ballots. Peter Quill and Sam Ortiz deny the charges.",
        ("deny", "Conservative Party", None),
    ),
    (
        "Two Republican senators were questioned on Friday. Reporters followed them for hours. "
        "Ann Bell and Ray Diaz denied the allegations.",
        ("deny", "Republican Party", None),
    ),
    # an organisation named after a state, not opening with it, is itself
    ("The Free Syrian Army accused Russia of bombing hospitals in Idlib.", ("accuse", "Free Syrian Army", "Russia")),
    ("Voice of America accused Iran of jamming its broadcasts.", ("accuse", "Voice of America", "Iran")),
]


@pytest.mark.parametrize("text,expected", SIDE_CASES)
def test_side_from_the_words_around_a_name(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


SIDE_NEGATIVES = [
    # the party word qualifies another noun: "Reed's Tory lies" are not Reed's party
    ("Fox attacks Reed's Tory 'lies'\n\nSam Reed denied wrongdoing.", ("deny", "Sam Reed", None)),
    # a group of another size does not name these people
    (
        "Three Conservative MPs were questioned by police last month. The prosecution says they forged "
        "ballots. Peter Quill and Sam Ortiz deny the charges.",
        ("deny", "Peter Quill", None),
    ),
    # a state's own forces keep their state, also under a formal style
    ("The Syrian Army accused Turkey of shelling villages near the border.", ("accuse", "Syria", "Turkey")),
    ("The Royal Thai Army accused Cambodia of firing rockets across the border.", ("accuse", "Thailand", "Cambodia")),
]


@pytest.mark.parametrize("text,expected", SIDE_NEGATIVES)
def test_side_not_taken_from_unrelated_words(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


def test_office_holder_keeps_the_state_over_a_possessed_party(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Britain rejected the report. Prime Minister Tom Adley denied the accusations of fraud. "
        "Adley's Labour Party said he had done nothing wrong."
    )
    assert ("deny", "United Kingdom", None) in claims(nlp, text)


# Targets a sentence gives by its shape rather than as an object.
TARGET_CASES = [
    # whoever answers a criticism is its target
    (
        "Poland defended its judicial reform on Tuesday in response to Germany's criticism.",
        ("condemn", "Germany", "Poland"),
    ),
    ("Chile has reacted angrily to Bolivia's criticism.", ("condemn", "Bolivia", "Chile")),
    # the accusations a speaker rejects come from where the sentence says they come from
    (
        '"These are baseless accusations coming out of Beijing," said Japanese Foreign Minister Taro Sato.',
        ("deny", "Japan", "China"),
    ),
    ("Kenya rejected the allegations emanating from Somalia as unfounded.", ("deny", "Kenya", "Somalia")),
    # a state named just before the tagger's organisation still owns it
    ("A U.S. Appeals Court judge, Tom Lee, accused Google of hiding evidence.", ("accuse", "United States", "Google")),
]


@pytest.mark.parametrize("text,expected", TARGET_CASES)
def test_target_from_the_shape_of_the_sentence(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


TARGET_NEGATIVES = [
    # a criticism that names what it criticises is not aimed at whoever answers it
    ("Chile has reacted angrily to Bolivia's criticism of Peru.", ("condemn", "Bolivia", "Chile")),
    # unnamed sources are no accuser
    ("Kenya rejected the allegations coming from anonymous sources.", ("deny", "Kenya", "anonymous sources")),
    # an answer with no named critic is no claim
    ("In response to the criticism, Poland defended its judicial reform.", ("condemn", None, "Poland")),
]


@pytest.mark.parametrize("text,unexpected", TARGET_NEGATIVES)
def test_target_not_taken_from_the_answer(nlp, text: str, unexpected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert unexpected not in claims(nlp, text)


# Whom a title speaks for, where the tagger or the page layout get in the way.
TITLE_CASES = [
    # a dateline's city opens the line before the title: it is where, not whose
    ("NAIROBI Somali President Ali Farah accused Kenya of shelling border towns.", ("accuse", "Somalia", "Kenya")),
    (
        "NAIROBI U.S. Secretary of Defense Tom Hale accused Somalia of harbouring militants.",
        ("accuse", "United States", "Somalia"),
    ),
    # the portfolio a tagger takes for an organisation is part of the title
    ("Pakistan's Interior Minister Ali Khan denied that police had tortured protesters.", ("deny", "Pakistan", None)),
    (
        '"We do not own submarines capable of carrying out a rocket strike," said Japanese Defence Minister Ken Ito.',
        ("deny", "Japan", None),
    ),
    # a name's suffix is not the word the person is later called by
    (
        "Boris Petrov Jr., a Russian lawmaker, spoke on Monday. Petrov accused Estonia of persecuting Russian speakers.",
        ("accuse", "Russia", "Estonia"),
    ),
    # a bare title tagged as a name is the title's holder
    (
        "King Hamad II of Bahrain spoke on Monday. Iran is arming the rebels, the King told reporters.",
        ("accuse", "Bahrain", "Iran"),
    ),
]


@pytest.mark.parametrize("text,expected", TITLE_CASES)
def test_title_speaks_for_its_state(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


def test_alleged_wrong_of_another_is_no_denied_act(nlp) -> None:  # type: ignore[no-untyped-def]
    # not backing a plan to punish someone else's alleged abuses denies nothing of one's own
    text = "Japan's Foreign Minister Ken Ito said Japan did not back a plan to expel China over alleged abuses."
    assert not {c for c in claims(nlp, text) if c[0] == "deny"}


def test_place_named_after_a_state_is_not_the_state(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Latin America" holds "America", and is not the United States
    assert not claims(nlp, "Latin America's leaders accused Chile of dumping copper.")
    # the state itself, named on its own, still speaks
    text = "Ships in the South China Sea were harassed. China accused the Philippines of the harassment."
    assert ("accuse", "China", "Philippines") in claims(nlp, text)


# "The government", "the regime", "the authorities": the state the passage just named.
PASSAGE = (
    "U.S. envoy meets Gulf leaders\n\nThe United States sent its envoy to the Gulf on Monday. "
    "Washington wants a deal, U.S. officials said. American diplomats met for hours. "
)
UNNAMED_GOVERNMENT_CASES = [
    (
        PASSAGE + "Rights groups said Egyptian police had tortured detainees. The government denied the allegations.",
        "Egypt",
    ),
    (PASSAGE + "Activists said Syrian troops had shelled a hospital. The regime rejected the accusations.", "Syria"),
    (
        PASSAGE + "Human Rights Watch said Bahraini police beat protesters. The authorities denied the charges.",
        "Bahrain",
    ),
    # a city where something happened names no government: the passage's state is the one before it
    (
        "Egypt jails activists\n\nEgypt has jailed hundreds of activists, Egyptian lawyers say. "
        "Egyptian courts sentenced many to long terms. Amnesty International released its report in London "
        "on Monday. The government denied the allegations.",
        "Egypt",
    ),
    # two states in the nearest sentences: no guess from the passage, the story's own state
    (
        PASSAGE + "Witnesses said Bahraini police beat protesters with help from Saudi troops. "
        "The government denied the allegations.",
        "United States",
    ),
]


@pytest.mark.parametrize("text,state", UNNAMED_GOVERNMENT_CASES)
def test_unnamed_government_is_the_passage_state(nlp, text: str, state: str) -> None:  # type: ignore[no-untyped-def]
    assert ("deny", state, None) in claims(nlp, text)


def test_lowercase_institution_is_no_seat_of_government(nlp) -> None:  # type: ignore[no-untyped-def]
    from allegraph.ingest.mentions import build_index

    component = nlp.get_pipe("allegraph_claims")
    doc = nlp("A justice department employee was shot, and the Justice Department said it would investigate.")
    index = build_index(doc, component.gazetteer, (component.lower, component.exact))
    named = [doc[m.start : m.end].text for m in index.mentions if m.kind == "org"]
    assert named == ["Justice Department"]


RESIDENCE_CASES = [
    # where a person lives or whose passport they hold makes them speak for no state
    ("Anna Berg, a U.S. citizen held in Tehran, denied spying for Israel.", ("deny", "Anna Berg", None)),
    ("Omar Haddad, a London resident, accused Syria of torturing his brother.", ("accuse", "Omar Haddad", "Syria")),
    ("Australian citizen Tom Reid denied spying for Iran.", ("deny", "Tom Reid", None)),
    ("British national Tom Reid accused Iran of torturing him.", ("accuse", "Tom Reid", "Iran")),
    # an office in the apposition still does
    ("Omar Haddad, a Syrian diplomat, accused Turkey of arming rebels.", ("accuse", "Syria", "Turkey")),
]


@pytest.mark.parametrize("text,expected", RESIDENCE_CASES)
def test_residence_is_no_affiliation(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


RELATIVE_CLAUSE_CASES = [
    # a relative clause that says whom the person works for, or which party they belong to
    (
        "Sam Reed, who heads Amnesty International's Asia office, accused Myanmar of torture.",
        ("accuse", "Amnesty International", "Myanmar"),
    ),
    (
        "Sam Reed, who works for Human Rights Watch, accused Egypt of torturing detainees.",
        ("accuse", "Human Rights Watch", "Egypt"),
    ),
    (
        "Sam Reed, who is a member of the Conservative Party, accused France of lying.",
        ("accuse", "Conservative Party", "France"),
    ),
    # an office held in the past, or a place of work, is no side
    ("Sam Reed, who led Australia until 2019, accused China of coercion.", ("accuse", "Sam Reed", "China")),
    ("Sam Reed, who works in Kenya, accused Somalia of shelling.", ("accuse", "Sam Reed", "Somalia")),
]


@pytest.mark.parametrize("text,expected", RELATIVE_CLAUSE_CASES)
def test_relative_clause_gives_the_side(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


MINISTRY_CASES = [
    # an unqualified ministry named before the document qualifies it is the one ministry of that name
    (
        "A Defence Ministry spokesman said Georgian troops had shelled three villages. "
        "The Russian Defence Ministry later published photographs.",
        ("accuse", "Russia", "Georgia"),
    ),
    # two states' ministries of that name: no guess
    (
        "A Defence Ministry spokesman said Georgian troops had shelled three villages. "
        "The Russian Defence Ministry and the Turkish Defence Ministry later published photographs.",
        ("accuse", "Defense Ministry", "Georgia"),
    ),
]


@pytest.mark.parametrize("text,expected", MINISTRY_CASES)
def test_unqualified_ministry_takes_the_documents_state(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


FAMILY_NAME_CASES = [
    # "Mr Chen" after "Chen Weiming": the family name comes first, and the tagger leaves "Mr" out of the name
    (
        "Chen Weiming, China's ambassador to Kenya, spoke on Friday. Mr Chen accused Kenya of harassing traders.",
        ("accuse", "China", "Kenya"),
    ),
    (
        "Park Sung-ho, South Korea's trade minister, spoke on Friday. Mr. Park accused Japan of dumping steel.",
        ("accuse", "South Korea", "Japan"),
    ),
    # another person of that family name is someone else
    (
        "Chen Weiming, China's ambassador to Kenya, spoke on Friday. Chen Li accused Kenya of harassing traders.",
        ("accuse", "Chen Li", "Kenya"),
    ),
]


@pytest.mark.parametrize("text,expected", FAMILY_NAME_CASES)
def test_family_name_first(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


# A party member in a state office speaks for the state; out of one, for the party.
OFFICE_OVER_PARTY = [
    ("Britain hosted the summit. British Prime Minister Jane Hale, a Conservative, accused Russia of spying.",
     ("accuse", "United Kingdom", "Russia")),
    ("The United States welcomed the truce. President Mark Dunn, a Democrat, criticised Cuba for jailing dissidents.",
     ("condemn", "United States", "Cuba")),
    ("Senator Tom Reyes, a Republican, accused the Democrats of lying.",
     ("accuse", "Republican Party", "Democratic Party")),
    # a shadow minister and a party's spokesman hold the opposition's offices, not the state's
    ("Conservative shadow chancellor Tim Hale said the figures were false. Mr Hale accused the chancellor of using "
     "tricks.", ("accuse", "Conservative Party", "United Kingdom")),
    ("Tory spokesman Tim Hale told MPs the plan was flawed. Mr Hale accused the government of being pathetic.",
     ("accuse", "Conservative Party", "United Kingdom")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), OFFICE_OVER_PARTY)
def test_a_state_office_outranks_the_party(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)
