"""Unit tests for the false-hit classes an audit of claims on unannotated news found (rules after 0.6),
on sentences written for these tests: nationalities that are no state's voice, and cues that assert no claim."""

from __future__ import annotations

import pytest

from tests.extraction_support import claims

# A nationality alone ("Australian citizen X", "Russian filmmaker Y") does not make a person the state's
# voice; an office, a state service or a ruler's word does, and so does a possessive ("Russia's X").
NATIONALITY_CASES = [
    ("Australian citizen Tom Reed denied murdering the shopkeeper.", ("deny", "Tom Reed", None)),
    ("Russian filmmaker Ivan Sorokin criticised Poland for its film subsidies.", ("condemn", "Ivan Sorokin", "Poland")),
    (
        "The complaint came after Canadian businessman Paul Dubois accused Peru of seizing his mine.",
        ("accuse", "Paul Dubois", "Peru"),
    ),
    ("Liam Ortiz, a Chilean engineer, accused Bolivia of stealing water.", ("accuse", "Liam Ortiz", "Bolivia")),
]
STATE_VOICE_CASES = [
    ("Syrian soldier Omar Haddad accused Turkey of shelling his village.", ("accuse", "Syria", "Turkey")),
    ("Chinese Foreign Minister Wang Lei accused Japan of provocations.", ("accuse", "China", "Japan")),
    ("Russia's Sergei Sokolov accused Estonia of harassing diplomats.", ("accuse", "Russia", "Estonia")),
    ("Belgian strongman Jan Peeters blamed France for the riots.", ("blame", "Belgium", "France")),
]


@pytest.mark.parametrize("text,expected", NATIONALITY_CASES + STATE_VOICE_CASES)
def test_whom_a_titled_person_speaks_for(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


# Sentences that look like a claim but assert none.
NOT_CLAIMS = [
    # a possibility left open, an act not expected or not seen: no denial of a deed
    "The National Union of Miners said it backed its members and did not rule out a strike.",
    "The Kenyan army said it did not expect an attack on the base.",
    # a rival outplayed, not a charge denied
    "The goalkeeper Tom Baker denied the Chelsea striker twice in the first half.",
    # demands, not labels
    "Tom Baker has called for all athletes found guilty of doping to be treated as criminals.",
    "Senator Ann Ford called on Brazil to condemn the barbaric attack.",
    # a ranking, not someone behind a wrong
    "Ann Ford says that Chile is just behind Argentina and Peru in copper output.",
    # targets picked for an attack, not criticised
    "Islamic State posted pictures on the internet calling on supporters to carry out attacks in France, "
    "singling out President Marc Duval's offices and the Paris airport as targets.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_a_claim(nlp, text):  # type: ignore[no-untyped-def]
    assert claims(nlp, text) == set()


STILL_CLAIMS = [
    # a negated deed is still a denial, a charge rejected still one
    ("The Russian Defence Ministry said its troops did not carry out the strike.", ("deny", "Russia", None)),
    ("The Russian Defence Ministry said its jets never bombed the hospital.", ("deny", "Russia", None)),
    ("Tom Baker denied the allegations of match-fixing.", ("deny", "Tom Baker", None)),
    ("Tom Baker denied that he had taken bribes.", ("deny", "Tom Baker", None)),
    # a label given is a condemnation; a wrong someone is behind is blamed on them
    ("Senator Ann Ford called the attack barbaric.", ("condemn", "Ann Ford", None)),
    ("Ann Ford says that Chile is behind the cyber attack on the bank.", ("blame", "Ann Ford", "Chile")),
    ("Mexico singled out Guatemala for criticism over the border.", ("condemn", "Mexico", "Guatemala")),
]


@pytest.mark.parametrize("text,expected", STILL_CLAIMS)
def test_still_a_claim(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert expected in claims(nlp, text)


# A reaction noun with no "of"/"against" is aimed at the act that led to it or at whoever acted in its face.
REACTION_CASES = [
    ("Chilean President Rosa Vidal's remarks led to swift condemnation from Spain.", ("condemn", "Spain", "Chile")),
    ("The shelling of the port by Russia led to condemnation from France.", ("condemn", "France", "Russia")),
    (
        "After heavy criticism from Poland and other members, Hungary withdrew the bill.",
        ("condemn", "Poland", "Hungary"),
    ),
    (
        "Amid criticism from Amnesty International, Egypt extended the state of emergency.",
        ("condemn", "Amnesty International", "Egypt"),
    ),
    ("Despite condemnation from Japan, North Korea went ahead with the launch.", ("condemn", "Japan", "North Korea")),
    # no actor acts in its face, or the act is undone: no one is named; "of" names the target first
    ("After criticism from Poland, the debate moved on to taxes.", ("condemn", "Poland", None)),
    ("This led to criticism from Spain.", ("condemn", "Spain", None)),
    ("After criticism from Poland, Hungary did not withdraw the bill.", ("condemn", "Poland", None)),
    ("After criticism from Poland of the Russian strikes, Germany called a meeting.", ("condemn", "Poland", "Russia")),
]


@pytest.mark.parametrize("text,expected", REACTION_CASES)
def test_whom_a_reaction_is_aimed_at(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert claims(nlp, text) == {expected}


# A bare organ every state has ("Foreign Ministry", "Navy") is the story's state's, not the one it accuses;
# an organisation with a name of its own stays itself.
ORGAN_CASES = [
    (
        "Russia expelled two Latvian diplomats on Monday. Foreign Ministry spokeswoman Olga Petrova accused "
        "Latvia of spying on Russian soldiers.",
        ("accuse", "Russia", "Latvia"),
    ),
    (
        "Iran's police arrested 40 protesters on Sunday. Interior Ministry spokesman Ali Karimi denied that "
        "police had fired on the crowd.",
        ("deny", "Iran", None),
    ),
    (
        "The Pentagon said on Monday that the carrier would stay in port. Acting Navy Secretary Tom Hale "
        "condemned Iran for seizing the tanker.",
        ("condemn", "United States", "Iran"),
    ),
    (
        "Britain's charities warned of hardship on Monday. Salvation Army spokesman Tom Hale criticised "
        "Britain's welfare cuts.",
        ("condemn", "Salvation Army", "United Kingdom"),
    ),
]


@pytest.mark.parametrize("text,expected", ORGAN_CASES)
def test_bare_organs_are_the_story_state(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert claims(nlp, text) == {expected}


# A harm a first-person speaker says was not done to them is no denial of a deed of their own side.
VICTIM_CASES = [
    (
        '"The whole roof fell," resident Anna Rossi said. "I put a pillow over my head and I wasn\'t hit, luckily."',
        set(),
    ),
    ('"The rebels came at night," Peru\'s army said. "We were never attacked by them before."', set()),
    ('"It was chaos," prisoner Tom Hale said. "We were not beaten by the guards, but we were scared."', set()),
    ('"The rebels came at night," Peru\'s army said. "We did not bomb the hospital."', {("deny", "Peru", None)}),
    (
        '"The rebels came at night," Peru\'s army said. "The hospital was not bombed by our jets."',
        {("deny", "Peru", None)},
    ),
]


@pytest.mark.parametrize("text,expected", VICTIM_CASES)
def test_a_harm_not_suffered_is_no_denial(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert claims(nlp, text) == expected


# "Y condemned X, Z said": Z relays Y's own speech act and judges nothing about Y.
RELAYED_CASES = [
    (
        "President Omar Bashir has condemned the killing of the journalist and ordered an inquiry, "
        "Sudan's foreign ministry said.",
        {("condemn", "Sudan", None)},
    ),
    (
        "Chancellor Anna Weber criticised the brutal crackdown in Minsk, Germany's government said.",
        {("condemn", "Germany", None)},
    ),
    # a wrong the reporter tells of is still the reporter's charge
    (
        "Amnesty International said Ugandan police had brutally beaten the protesters.",
        {("accuse", "Amnesty International", "Uganda")},
    ),
    ("Britain said Russian agents had spread lies about the poisoning.", {("accuse", "United Kingdom", "Russia")}),
]


@pytest.mark.parametrize("text,expected", RELAYED_CASES)
def test_a_relayed_speech_act_is_not_judged(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert claims(nlp, text) == expected


# A reaction that may follow an act, or does not, is none made; one that followed still is.
CONSEQUENCE_CASES = [
    ("Using a phone in the chamber can result in a strong rebuke from the Speaker, Tom Hale.", set()),
    ("Any such test could lead to condemnation from Japan.", set()),
    ("The missile test did not lead to condemnation from Japan.", set()),
    ("The missile test led to condemnation from Japan.", {("condemn", "Japan", None)}),
    ("The vote resulted in sharp criticism from Japan.", {("condemn", "Japan", None)}),
]


@pytest.mark.parametrize("text,expected", CONSEQUENCE_CASES)
def test_a_possible_reaction_is_none(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert claims(nlp, text) == expected
