"""Unit tests for the claim rules, on sentences written for these tests (not the seeds)."""

from __future__ import annotations

import pytest

from allegraph.ingest.loaders import content_hash
from allegraph.ingest.pipeline import extract
from allegraph.models import Document, claim_records


def claims(nlp, text: str, published: str | None = None) -> set[tuple]:  # type: ignore[no-untyped-def]
    doc = Document(id="t", text=text, content_hash=content_hash(text), published=published)
    graph = next(extract(nlp, [doc]))
    out = set()
    for r in claim_records(graph, "t"):
        out.add((r.kind, r.speaker.represents or r.speaker.name, r.target.represents if r.target else None))
    return out


CASES = [
    # cue verbs
    ("Japan accused China of violating its airspace.", {("accuse", "Japan", "China")}),
    ("Pakistan denied India's allegations of cross-border shelling.", {("deny", "Pakistan", "India")}),
    ("Germany condemned Iran for the executions.", {("condemn", "Germany", "Iran")}),
    ("Israel blamed Hamas for the rocket attack.", {("blame", "Israel", "Hamas")}),
    ("Egypt held Ethiopia responsible for the water crisis.", {("blame", "Egypt", "Ethiopia")}),
    # passive and mutual
    ("Venezuela was accused by Colombia of harbouring rebels.", {("accuse", "Colombia", "Venezuela")}),
    (
        "Armenia and Azerbaijan accused each other of shelling villages.",
        {("accuse", "Armenia", "Azerbaijan"), ("accuse", "Azerbaijan", "Armenia")},
    ),
    # coordinated speakers and lists of targets
    (
        "Canada and Australia criticised Russia over the attacks.",
        {("condemn", "Canada", "Russia"), ("condemn", "Australia", "Russia")},
    ),
    (
        "Poland complained about the crimes of the Russian and Belarusian governments.",
        {("accuse", "Poland", "Russia"), ("accuse", "Poland", "Belarus")},
    ),
    # nouns
    (
        "Kenya rejected accusations by Somalia that Kenya had bombed its border towns.",
        {("deny", "Kenya", "Somalia"), ("accuse", "Somalia", "Kenya")},
    ),
    # reported speech of a wrongful act, demonyms, metonyms
    ("Seoul said North Korean troops shelled the island.", {("accuse", "South Korea", "North Korea")}),
    ("The Kremlin said Ukrainian drones attacked a refinery.", {("accuse", "Russia", "Ukraine")}),
    (
        "Vietnam said Chinese vessels rammed its fishing boats and the attacks were unacceptable.",
        {("condemn", "Vietnam", "China")},
    ),
    # people with titles and affiliations, pronouns
    (
        "Chinese Foreign Ministry spokesman Wang Lin accused the Philippines of provocation. He said Manila had violated an agreement.",
        {("accuse", "China", "Philippines")},
    ),
    # quotes attributed after the quote
    (
        '"We did not carry out any strikes on the city," Israeli army spokesman Avi Cohen told reporters.',
        {("deny", "Israel", None)},
    ),
    # international organisations and their staff
    (
        "The U.N. rights chief Sara Jones condemned the Syrian government for the siege.",
        {("condemn", "United Nations", "Syria")},
    ),
    # idioms: the target sits after a preposition of the idiom
    ("Kenya's president hit out at Uganda over the border closure.", {("condemn", "Kenya", "Uganda")}),
    ("Chile lashed out at Bolivia for the gas blockade.", {("condemn", "Chile", "Bolivia")}),
    ("Ghana took aim at Togo over the arrests.", {("condemn", "Ghana", "Togo")}),
    ("Serbia pointed the finger at Croatia for the riots.", {("blame", "Serbia", "Croatia")}),
    # reciprocals: traded accusations, each other, both ... the other
    (
        "The fighting prompted Sudan and Chad to trade accusations.",
        {("accuse", "Sudan", "Chad"), ("accuse", "Chad", "Sudan")},
    ),
    (
        "The singer held a flag on Sunday, prompting Nepal and Bhutan to trade accusations.",
        {("accuse", "Nepal", "Bhutan"), ("accuse", "Bhutan", "Nepal")},
    ),
    (
        "Peru and Ecuador share a long border. Both often accuse the other of incursions.",
        {("accuse", "Peru", "Ecuador"), ("accuse", "Ecuador", "Peru")},
    ),
    # pejorative labels: labelled, dismissed as, called X "stupid"
    (
        'Brazilian President Ana Lima called the Venezuelan government "a disgrace".',
        {("condemn", "Brazil", "Venezuela")},
    ),
    ("Norway dismissed Iceland as a reckless neighbour.", {("condemn", "Norway", "Iceland")}),
    ("Bhutan called the shelling a disgrace.", {("condemn", "Bhutan", None)}),
    ("Chile said it found Peru's policies abhorrent.", {("condemn", "Chile", "Peru")}),
    # more cue verbs and nouns, with their speakers where the subject is not plain
    ("Finland berated Estonia over the ferry dispute.", {("condemn", "Finland", "Estonia")}),
    ("Laos, which accused Cambodia of moving border posts, recalled its envoy.", {("accuse", "Laos", "Cambodia")}),
    ("The missile test drew condemnation from South Korea.", {("condemn", "South Korea", None)}),
    ("The Czech Embassy condemned the bombing.", {("condemn", "Czechia", None)}),
    # politicians speak for their party; office titles for the state they name
    ("Tory leader Ann Smith accused Labour of betraying voters.", {("accuse", "Conservative Party", "Labour Party")}),
    (
        "State Sen. Joe Park, D-Flint, criticised the Republicans for the cuts.",
        {("condemn", "Democratic Party", "Republican Party")},
    ),
    ("Secretary of State Jane Doe condemned Iran for the executions.", {("condemn", "United States", "Iran")}),
    ("Former Nigerian minister Ada Obi accused Ghana of smuggling.", {("accuse", "Ada Obi", "Ghana")}),
    ("Former Reuters anchor Ada Obi accused Ghana of smuggling.", {("accuse", "Ada Obi", "Ghana")}),
    (
        "UN refugee chief Ada Obi, a former Nigerian minister, accused Ghana of smuggling.",
        {("accuse", "United Nations", "Ghana")},
    ),
    ("Finland dismissed the suggestion that it had spied on Sweden.", {("deny", "Finland", None)}),
    (
        "The International Court heard the case. Colombia accused the court of bias.",
        {("accuse", "Colombia", "International Court")},
    ),
    # judgements inside reported speech: an actor or its act judged in harsh words
    ("Estonia said the Latvian government was racist.", {("condemn", "Estonia", "Latvia")}),
    ("Croatia said Serbia's decision was disgraceful.", {("condemn", "Croatia", "Serbia")}),
    ("Mongolia said the bombing was barbaric.", {("condemn", "Mongolia", None)}),
    # representatives speak for whom they represent
    ("Ghana's lawyers rejected the allegations.", {("deny", "Ghana", None)}),
    ("Latvia said its navy does not have ships capable of launching missiles.", {("deny", "Latvia", None)}),
    ('"We did not shell the villages," Armenian army spokesman Artur Ohanyan said.', {("deny", "Armenia", None)}),
    # responsibility assigned inside reported speech; 'according to' attributes the main clause
    ("Uruguay said Argentina bears responsibility for the blackout.", {("blame", "Uruguay", "Argentina")}),
    ("According to Nepal, Indian troops shelled the border post.", {("accuse", "Nepal", "India")}),
    ("Laos said Thailand was turning a blind eye to the smuggling.", {("accuse", "Laos", "Thailand")}),
    ("Cuba said Panama deliberately stokes division.", {("accuse", "Cuba", "Panama")}),
    # an untitled person is the holder of the office the story names ("the prime minister")
    (
        "Peru's economy grew. Ana Ruiz met voters in Lima. Ruiz spoke for an hour. "
        "The prime minister later accused Chile of spying.",
        {("accuse", "Peru", "Chile")},
    ),
    # organs of a state named with it; a second name shares the first one's title
    ("The Zambian Supreme Court condemned Malawi for the expulsions.", {("condemn", "Zambia", "Malawi")}),
    (
        "Labour MPs Tom Reed and Ann Lowe accused the Tories of lying.",
        {("accuse", "Labour Party", "Conservative Party")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_constructions(nlp, text: str, expected: set[tuple]) -> None:  # type: ignore[no-untyped-def]
    assert expected <= claims(nlp, text)


NOT_CLAIMS = [
    "Turkey warned Russia of possible military action.",
    "Greece rejected Turkey's proposal for talks.",
    "Hezbollah is considered a terrorist group by the United States.",
    "The United States considers Hezbollah a terrorist group.",
    "Critics say the government lied about the war.",
    "France did not accuse Russia of the attack.",
    "Britain could accuse Iran of the attack.",
    "The death toll rose to eleven on Tuesday.",
    "Spain demanded that Morocco withdraw its troops.",
    # violence is not speech: "attack" is condemnation only with an actor or an actor's words as object
    "Rebels attacked a convoy near the border.",
    "A man attacked the Danish ambassador Karl Holm with a knife.",
    "Mexican forces attacked the cartel leader's ranch at dawn.",
    "Chad did not hit out at Sudan over the raid.",
    "Iran might lash out at Iraq over the deal.",
    "Norway called the Icelandic proposal a good start.",
    "Bolivia and Peru traded goods across the lake.",
    "The vote drew no criticism from Japan.",
    "Irish Republican Army veterans met in Dublin.",
    # feelings and the speaker's own state are not judgements of anyone
    "Austria said the Hungarian government was angry about the leak.",
    "Belgium said Dutch farmers suffered terrible losses.",
    # a negated clause that only mentions a wrong is not a denial of it
    "Greece said it never imagined that Turkish jets would bomb the island.",
    "Malta said it has no evidence about who ordered the bombing.",
    "Qatar said Oman took responsibility for the talks.",
    "Wales said the Tory policies were striking a chord with voters.",
    "Kenya, which said it would not renew the sanctions, called a meeting.",
    "Fiji said the grant will help Samoa's ability to fight Tongan attacks on its fishing fleet.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = claims(nlp, text)
    assert not found, found


def test_hedged_claims_are_kept_with_modality(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = Document(
        id="h", text="Japan suggested that Chinese ships had rammed its coast guard vessel.", content_hash="x"
    )
    records = claim_records(next(extract(nlp, [doc])), "h")
    assert records and all(r.modality == "hedged" for r in records)


def test_denial_answers_the_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Iraq accused Kuwait of stealing oil from the border field.\n\nKuwait denied Iraq's accusations on Tuesday."
    graph = next(extract(nlp, [Document(id="r", text=text, content_hash="y")]))
    denial = next(c for c in graph.claims if c.kind == "deny")
    accusation = next(c for c in graph.claims if c.kind == "accuse")
    assert denial.responds_to == accusation.id
    assert graph.actor(denial.target_id).name == "Iraq"  # type: ignore[union-attr]


def test_denial_answers_only_the_accusation_about_the_same_thing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iraq accused Kuwait of stealing oil from the border field.\n\n"
        "Iraq also accused Kuwait of spying on its embassy.\n\n"
        "Kuwait denied that it had stolen any oil from the field."
    )
    graph = next(extract(nlp, [Document(id="m", text=text, content_hash="m")]))
    denial = next(c for c in graph.claims if c.kind == "deny")
    oil = next(c for c in graph.claims if c.kind == "accuse" and "oil" in c.evidence)
    assert denial.responds_to == oil.id


def test_denial_of_something_else_answers_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Iraq accused Kuwait of stealing oil.\n\nKuwait denied that its king was ill."
    graph = next(extract(nlp, [Document(id="n", text=text, content_hash="n")]))
    assert all(c.responds_to is None for c in graph.claims if c.kind == "deny")


def test_a_headline_without_target_merges_with_its_body_twin(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile condemns attack in headline row\n\nChile condemned Peru on Monday for the attack on its embassy."
    found = claims(nlp, text)
    assert found == {("condemn", "Chile", "Peru")}, found


def test_a_stray_quote_mark_in_a_one_paragraph_article_hides_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    filler = "Officials met in the capital to discuss trade and water on Tuesday. " * 20
    text = 'Chad said the talks were "open. ' + filler + "Chad accused Sudan of shelling border villages."
    assert ("accuse", "Chad", "Sudan") in claims(nlp, text)


def test_offsets_point_at_the_evidence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Headline\n\nMali accused Niger of arming militants."
    graph = next(extract(nlp, [Document(id="o", text=text, content_hash="z")]))
    claim = graph.claims[0]
    assert text[claim.start : claim.end].strip() == claim.evidence


def test_confidence_comes_from_the_rule_family(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Mali accused Niger of arming militants.\n\nMali said Nigerien soldiers shelled the town."
    graph = next(extract(nlp, [Document(id="c", text=text, content_hash="v")]))
    by_kind = sorted(graph.claims, key=lambda c: c.start)
    # a cue verb measures more precise than reported speech of an act
    assert len(by_kind) == 2 and by_kind[0].confidence > by_kind[1].confidence


def test_dates_resolve_against_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru accused Chile of spying on Monday."
    graph = next(extract(nlp, [Document(id="d", text=text, content_hash="w", published="2016-02-17")]))
    assert graph.claims[0].date == "2016-02-15"


@pytest.mark.parametrize(
    ("sentence", "published", "date", "precision"),
    [
        ("Peru accused Chile of spying in 2018.", "2020-06-04", "2018", "year"),
        ("Peru accused Chile of spying in March.", "2020-06-04", "2020-03", "month"),
        ("Peru accused Chile of spying on March 5, 2019.", "2020-06-04", "2019-03-05", "day"),
        ("Peru accused Chile of spying.", "2016-10", "2016-10", "month"),
        ("Peru accused Chile of spying last week.", "2020-06-04", "2020-06-04", "day"),
        ("Peru accused Chile of spying.", "2004-20", None, None),
    ],
)
def test_dates_keep_their_precision(
    nlp, sentence: str, published: str, date: str | None, precision: str | None
) -> None:  # type: ignore[no-untyped-def]
    graph = next(extract(nlp, [Document(id="p", text=sentence, content_hash="p", published=published)]))
    assert (graph.claims[0].date, graph.claims[0].date_precision) == (date, precision)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Turkey accused Syria of shelling villages near Aleppo.", "Aleppo"),
        ("Moscow has denied that its jets bombed a market.", None),
        ("Iran said the Munich agreement was an attack on its rights.", None),
        ("During negotiations in Geneva, Iran accused Israel of an attack.", None),
    ],
)
def test_incident_place_is_where_it_happened(nlp, text: str, place: str | None) -> None:  # type: ignore[no-untyped-def]
    graph = next(extract(nlp, [Document(id="i", text=text, content_hash="i", published="2020-01-01")]))
    names = {p.name for p in graph.places}
    assert (place in names) if place else not names, names
