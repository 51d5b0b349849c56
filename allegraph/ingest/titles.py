"""People's titles and appositions: the role they speak in and whom they speak for
("Russian Ambassador to Turkey Aleksei Erkhov" → official of Russia, not of Turkey)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from allegraph.ingest.syntax import is_possessor, prep_objects

if TYPE_CHECKING:
    from allegraph.ingest.actors import ActorIndex, Mention

SPOKES_WORDS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "mouthpiece"}
OFFICIAL_WORDS = {
    "president", "minister", "ambassador", "envoy", "secretary", "chief", "head", "director",
    "coordinator", "commander", "general", "official", "diplomat", "senator", "governor", "mayor",
    "chairman", "chairwoman", "chair", "leader", "negotiator", "under-secretary", "representative",
    "deputy", "adviser", "advisor", "premier", "chancellor", "king", "queen", "prince", "emir",
    "sheikh", "foreign", "prosecutor", "judge", "attorney", "speaker", "lawmaker", "mp", "candidate",
    "ceo", "founder", "admiral", "colonel", "commissioner", "counsellor", "attache", "consul",
}  # fmt: skip
ROLE_NOUNS = SPOKES_WORDS | OFFICIAL_WORDS
# Offices of a state's government: a holder whose title names no state speaks for the document's state.
STATE_OFFICE_WORDS = {
    "president", "minister", "ambassador", "envoy", "secretary", "premier", "chancellor", "king", "queen",
    "emir", "spokesman", "spokeswoman", "spokesperson", "diplomat", "consul", "attache", "general", "admiral",
    "colonel", "commander", "prosecutor", "official",
}  # fmt: skip
# Titles of people who speak for a party or themselves, even when they also hold a seat (a shadow
# minister holds the opposition's office, not the state's).
PARTY_OFFICE_WORDS = {"senator", "sen", "lawmaker", "mp", "mep", "candidate", "leader", "rep", "congressman",
                      "congresswoman", "councillor", "councilor", "activist", "chairman", "chairwoman",
                      "shadow"}  # fmt: skip
FORMER_WORDS = {"former", "ex", "ex-", "onetime", "one-time"}
# Verbs of a relative clause that tell whom a person works for ("X, who heads Amnesty's Asia office").
SERVING_VERBS = {"head", "lead", "chair", "run", "direct", "work", "represent"}
RESIDENCE_NOUNS = {"resident", "native", "citizen", "national", "expatriate", "immigrant", "emigre", "emigrant"}
# Words besides the office titles by which a title makes its state whom a person serves: rulers and the
# state's armed or police service ("Syrian strongman X", "Israeli soldier Y").
STATE_SERVICE_WORDS = {"dictator", "strongman", "autocrat", "ruler", "monarch", "despot", "regime", "government",
                       "soldier", "officer", "sergeant", "sgt", "captain", "capt", "lieutenant", "lt", "major", "maj",
                       "pilot", "marine", "trooper", "policeman", "policewoman", "agent", "military", "army", "navy",
                       "police", "intelligence", "state", "forces", "guard", "soldiers", "officers", "agents",
                       "politician", "politicians"}  # fmt: skip
US_PARTY_TAG = {"D": "Democratic Party", "R": "Republican Party"}

TITLE_POS = {"PROPN", "NOUN", "ADJ", "PART"}
TITLE_LINKS = {"to", "of", "for", "'s", "\u2019s"}


def _title_tokens(index: ActorIndex, mention: Mention) -> list[Token]:
    """The title before a name ("Russian Ambassador to Turkey Aleksei Erkhov") and appositions."""
    doc = index.doc
    tokens: list[Token] = []
    i = mention.start - 1
    while i >= 0 and mention.start - i <= 12:
        token = doc[i]
        if token.is_space or "\n" in token.whitespace_ or doc[i + 1].is_sent_start:
            break
        in_word_hyphen = token.text in ("-", "\u2013") and not token.whitespace_ and not doc[i - 1].whitespace_
        if (
            token.pos_ not in TITLE_POS
            and token.lower_ not in TITLE_LINKS
            and not token.text.endswith(".")
            and not in_word_hyphen  # "front-runner", "vice-president"
        ):
            break
        tokens.insert(0, token)
        i -= 1
    tokens = _after_phrasal_to(tokens)
    head = doc[mention.start : mention.end].root
    for child in head.children:
        if child.dep_ == "appos" and child.lemma_.lower() not in RESIDENCE_NOUNS:
            tokens.extend(child.subtree)  # not "X, a Paris resident": living there speaks for no one
        elif child.dep_ == "prep" and child.lower_ == "of" and _next_to(doc, mention.end, child.i):
            tokens.extend(child.subtree)  # "President Rodrigo Duterte of the Philippines", "X, of MSF,"
    # "X is a coordinator for Open Russia", "X, who is a spokeswoman for Oxfam,"
    copulas = [head.head] if head.dep_ == "nsubj" else []
    copulas += [c for c in head.children if c.dep_ == "relcl"]
    for copula in (c for c in copulas if c.lemma_ == "be"):
        roles = [c for c in copula.children if c.dep_ == "attr" and c.lemma_.lower() in ROLE_NOUNS | {"member"}]
        tokens.extend(t for c in roles for t in c.subtree)
    for clause in (c for c in head.children if c.dep_ == "relcl" and c.lemma_.lower() in SERVING_VERBS):
        if clause.tag_ in ("VBZ", "VBP"):  # "who heads X", "who works for X": not "who led X until 2019"
            served = [c for c in clause.children if c.dep_ == "dobj"] + prep_objects(clause, "for", "at")
            tokens.extend(t for c in served for t in c.subtree if t not in tokens)
    if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN"):
        tokens.extend(t for t in head.head.subtree if t.i < mention.start and t not in tokens)
        for prep in (c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i):
            tokens.extend(t for t in prep.subtree if t not in tokens)  # "leaders X and Y of the Zionist Union"
    return tokens


def _after_phrasal_to(tokens: list[Token]) -> list[Token]:
    """'in response to US President X': a "to" after no role noun ends the phrase before the title."""
    for n in range(len(tokens) - 1, 0, -1):
        if tokens[n].lower_ == "to" and tokens[n - 1].lower_.rstrip(".") not in ROLE_NOUNS:
            return tokens[n + 1 :]
    return tokens[1:] if tokens and tokens[0].lower_ == "to" else tokens


def _next_to(doc: Doc, end: int, at: int) -> bool:
    """The word right after the name, or after a comma that follows it ("Daniel Barney, of MSF")."""
    return at == end or (at == end + 1 and doc[end].text == ",")


def apply_title(index: ActorIndex, mention: Mention) -> None:
    key = mention.keys[0]
    actor = index.actors[key]
    tokens = _title_tokens(index, mention)
    if not tokens:
        _share_conjunct_title(index, mention)
        return
    # "UN refugee chief X, a former Nigerian minister": a former office is set aside for the current one
    parts = [[t for t in tokens if t.i < mention.start], [t for t in tokens if t.i >= mention.start]]
    current = [t for part in parts if part and not _former(part) for t in part]
    if not current:
        actor.former = actor.former or not actor.affiliation_key  # no longer speaks for what it was
        return
    tokens = current
    words = {t.lower_.rstrip(".") for t in tokens}
    role = "spokesperson" if words & SPOKES_WORDS else "official" if words & ROLE_NOUNS else None
    # "ambassador to Turkey": the country after "to" is the host, not the one represented
    inside = {t.i for t in tokens}
    excluded = {t.i for t in tokens if t.i - 1 in inside and index.doc[t.i - 1].lower_ == "to"}
    affiliation = None
    datelined = _dateline(tokens)  # "NAIROBI U.S. Secretary X": the dateline's city is where, not whose
    ordered = [t for t in tokens if t.i not in datelined] + [t for t in tokens if t.i in datelined]
    # "Australian citizen X", "Russian filmmaker Y": a nationality alone is not a state's voice
    nationality_only = role is None and not words & STATE_SERVICE_WORDS
    for kinds in (("org",), ("body", "state", "demonym"), ("person",)):
        for t in ordered:
            m = index.by_token.get(t.i)
            if nationality_only and m and m.kind in ("state", "demonym") and not is_possessor(index.doc[m.end - 1]):
                continue  # "China's Liu" still names whose Liu is
            if m and m.kind in kinds and t.i not in excluded and key not in m.keys:
                affiliation = m.keys[0]
                break
        if affiliation:
            break
    if affiliation is None and "ministry" in words:
        affiliation = _last_speaking_ministry(index, mention.start)
    if affiliation is not None or role:
        actor.former = False  # "WHO chief Tedros, a former foreign minister": the current office counts
    if role and not actor.role:
        actor.role = role
        actor.title = _title_text(tokens)
        actor.state_office = bool(words & STATE_OFFICE_WORDS) and not words & PARTY_OFFICE_WORDS
        actor.office_state = _office_state(index, actor.title)
    if affiliation is None:
        affiliation = _us_party_tag(index, mention)
    if affiliation and not actor.affiliation_key:
        if index.actors[affiliation].type == "Person":
            affiliation = index.actors[affiliation].affiliation_key or affiliation
        actor.affiliation_key = affiliation
    if not actor.role and not actor.affiliation_key:
        _share_conjunct_title(index, mention)  # "Republican front-runner X and top challenger Y"


def _dateline(tokens: list[Token]) -> set[int]:
    """Positions of a capitalised dateline ("NAIROBI", "NEW DELHI") that opens a line before the title."""
    found: set[int] = set()
    for t in tokens:
        at_line_start = t.i == 0 or "\n" in t.doc[t.i - 1].text_with_ws or t.i - 1 in found
        if not (at_line_start and t.is_upper and t.is_alpha and len(t.text) > 2):
            break
        found.add(t.i)
    return found


def _former(tokens: list[Token]) -> bool:
    return any(t.lower_.rstrip(".") in FORMER_WORDS or t.lower_.startswith("ex-") for t in tokens)


def _share_conjunct_title(index: ActorIndex, mention: Mention) -> None:
    """'Republican candidates Ted Cruz and Marco Rubio': the second name shares the first one's title."""
    root = index.doc[mention.start : mention.end].root
    head = index.by_token.get(root.head.i) if root.dep_ == "conj" else None
    actor = index.actors[mention.keys[0]]
    if head is None or head.kind != "person" or actor.role:
        return
    first = index.actors[head.keys[0]]
    actor.role, actor.title, actor.former = first.role, first.title, first.former
    actor.state_office, actor.office_state = first.state_office, first.office_state
    actor.affiliation_key = actor.affiliation_key or first.affiliation_key


def _office_state(index: ActorIndex, title: str) -> str | None:
    folded = " ".join(title.lower().split())
    for office, iso in index.gaz.national_offices.items():
        if office in folded:
            return index.state_key(iso, 10**9)
    return None


def _us_party_tag(index: ActorIndex, mention: Mention) -> str | None:
    """'Sen. X, D-Royal Oak' / 'Rep. Y (R-Texas)': the US convention for a legislator's party."""
    doc = index.doc
    after = doc[mention.end : mention.end + 4]
    text = after.text.lstrip(" ,(")
    if len(text) > 2 and text[0] in US_PARTY_TAG and text[1] in "-–" and text[2:3].isupper():
        return index.party_key(US_PARTY_TAG[text[0]], mention.start)
    return None


def _last_speaking_ministry(index: ActorIndex, before: int) -> str | None:
    """'ministry spokesman X': the ministry that was last the subject of a sentence, else the last one."""
    ministries = [
        m for m in index.mentions
        if m.start < before and m.kind == "org" and "Ministry" in index.actors[m.keys[0]].name
    ]  # fmt: skip
    speaking = [m for m in ministries if index.doc[m.start : m.end].root.dep_ in ("nsubj", "nsubjpass")]
    chosen = (speaking or ministries)[-1:]
    return chosen[0].keys[0] if chosen else None


def _title_text(tokens: list[Token]) -> str:
    """The title as written ("ministry spokesman Maj. Gen."), trimmed of edge punctuation."""
    ordered = sorted(tokens, key=lambda t: t.i)
    while ordered and ordered[-1].is_punct and ordered[-1].text != ".":
        ordered.pop()
    while ordered and ordered[0].is_punct:
        ordered.pop(0)
    return "".join(t.text_with_ws for t in ordered).strip()[:120]


# Offices one person holds at a time: "the prime minister" names whoever holds it in the story.
SINGLE_HOLDER_OFFICES = {"prime minister", "president", "chancellor", "premier", "leader", "governor", "mayor"}
# The lemma `_definite_office` ends an office with: no other token can be one.
OFFICE_HEADS = {office.split()[-1] for office in SINGLE_HOLDER_OFFICES}


def untitled_office_holders(index: ActorIndex) -> None:
    """'Tony Blair ... the prime minister said': give the office to the story's most mentioned untitled person.

    Runs after every name has its title. Only offices held by one person at a time, only when no
    titled person holds the office already, and only a person named before the description.
    """
    for token in index.table.candidates(index.doc, OFFICE_HEADS):
        office = _definite_office(token)
        if office is None or token.i in index.by_token:
            continue
        if any(a.type == "Person" and a.title and holds(a.title, office) for a in index.actors.values()):
            continue
        holder = _most_mentioned_untitled(index, token.i)
        if holder is None:
            continue
        actor = index.actors[holder]
        actor.role, actor.title, actor.state_office = "official", office, office != "leader"
        sides = [k for c in token.children if (m := index.by_token.get(c.i)) for k in m.keys]
        actor.affiliation_key = actor.affiliation_key or (sides[0] if sides else None)


SECOND_RANK_WORDS = ("deputy", "vice", "vice-", "shadow", "assistant", "junior", "former", "ex-", "acting")


def holds(title: str, office: str) -> bool:
    """The title is that office itself: "Deputy Prime Minister" does not hold "prime minister"."""
    folded = " ".join(title.lower().split())
    at = folded.find(office)
    while at >= 0:
        before = folded[:at].rstrip()
        if not before.endswith(SECOND_RANK_WORDS):
            return True
        at = folded.find(office, at + 1)
    return False


def _definite_office(token: Token) -> str | None:
    if not any(c.lower_ == "the" for c in token.children):
        return None
    words = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
    office = " ".join([*[w for w in words if w in ("prime",)], token.lemma_.lower()])
    return office if office in SINGLE_HOLDER_OFFICES else None


def _most_mentioned_untitled(index: ActorIndex, before: int) -> str | None:
    counts: dict[str, int] = {}
    for mention in index.mentions:
        key = mention.keys[0]
        actor = index.actors[key]
        if mention.kind == "person" and mention.start < before and not actor.role and not actor.affiliation_key:
            counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts, key=lambda k: -counts[k])
    return ranked[0] if ranked else None
