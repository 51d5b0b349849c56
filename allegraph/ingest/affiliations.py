"""Whom people and organisations speak for, from what the text says around their names rather than
from their titles: "Ruiz's Socialist Party" (a person's own party), "two Tory MPs were questioned ... A
and B said" (a group that introduces the people named next), "Free Syrian Army" (an organisation
named after a state is not that state).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.syntax import is_possessor, subject

if TYPE_CHECKING:
    from allegraph.ingest.actors import ActorIndex, Mention

# Plural nouns for people who hold a seat or an office: a counted group of them introduces names.
GROUP_NOUNS = {"councillors", "councilors", "mps", "meps", "senators", "lawmakers", "legislators", "deputies",
               "officials", "ministers", "diplomats", "activists", "politicians", "candidates", "members"}  # fmt: skip
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
GROUP_WINDOW = 8  # sentences after the group noun in which its members are named
PASSAGE = 2  # sentences before "the government" that tell which state's it is
PLACE_PREPOSITIONS = {"in", "at", "from", "to", "near", "into", "across", "inside", "outside"}
# Words that open the name of a state's own force or institution ("Royal Thai Army").
STATE_STYLE_WORDS = {"royal", "imperial"}
# Heads of "<head> of <state>" names that are the state's own ("Government of India", "Bank of England").
STATE_HEADS = lx.GOVERNMENT_HEADS | {"bank", "republic", "kingdom", "state", "federation"}


def possessed_parties(index: ActorIndex) -> None:
    """'Ruiz's Socialist Party backed her': a party named as a person's own is the side that
    person speaks for when no title gives another and no office makes the person the state's voice."""
    for mention in index.mentions:
        party = mention.keys[0]
        if mention.kind != "org" or not index.actors[party].party:
            continue
        root = index.doc[mention.start : mention.end].root
        if root.dep_ in ("compound", "amod", "nmod", "poss"):
            continue  # "Reed's Tory plans": the party word qualifies another noun, which is the one owned
        for child in root.children:
            owner = index.by_token.get(child.i) if is_possessor(child) else None
            person = index.actors[owner.keys[0]] if owner is not None and owner.kind == "person" else None
            if person is not None and (person.former or not person.state_office):
                person.affiliation_key = person.affiliation_key or party  # in office, the state comes first


def introduced_groups(index: ActorIndex) -> None:
    """'Two Tory MPs were questioned ... A and B rejected the claims': the first names given together in
    that number, soon after, are the group's members and share its side."""
    for token in index.doc:
        if token.lower_ not in GROUP_NOUNS or token.pos_ != "NOUN":
            continue
        size, side = _group_size(token), _group_side(index, token)
        if size < 2 or side is None:
            continue
        members = _next_named_group(index, token)
        if len(members) != size:
            continue
        for key in members:
            actor = index.actors[key]
            if not actor.role and not actor.affiliation_key:
                actor.affiliation_key = side


def _group_size(noun: Token) -> int:
    for child in noun.children:
        if child.dep_ == "nummod":
            text = child.lower_
            return int(text) if text.isdigit() else NUMBER_WORDS.get(text, 0)
    return 0


def _group_side(index: ActorIndex, noun: Token) -> str | None:
    """The party, organisation or state that qualifies the group ('Tory MPs', 'Chinese diplomats')."""
    for child in noun.children:
        mention = index.by_token.get(child.i) if child.dep_ in ("compound", "amod", "nmod") else None
        if mention is not None and mention.kind in ("org", "state", "demonym", "body"):
            return mention.keys[0]
    return None


def _next_named_group(index: ActorIndex, noun: Token) -> list[str]:
    """The people of the first coordination of names after the noun, within a few sentences."""
    sentences = list(index.doc.sents)
    at = next(n for n, s in enumerate(sentences) if s.start <= noun.i < s.end)
    end = sentences[min(at + GROUP_WINDOW, len(sentences) - 1)].end
    for mention in sorted(index.mentions, key=lambda m: m.start):
        if mention.kind != "person" or not noun.i < mention.start < end:
            continue
        root = index.doc[mention.start : mention.end].root
        if root.dep_ == "conj" or not root.conjuncts:
            continue
        people = [index.by_token.get(t.i) for t in (root, *root.conjuncts)]
        if all(m is not None and m.kind == "person" for m in people):
            return list(dict.fromkeys(m.keys[0] for m in people if m is not None))
        return []
    return []


def state_named_organisations(index: ActorIndex) -> None:
    """'the Free Syrian Army', 'Voice of America': a name that holds a state's name but does not open with
    it is an organisation's own name, not the state (nor its army); 'Latin America', 'the South China Sea'
    are places, not the state either. Runs on the gazetteer's mentions, before any other actor is found."""
    for ent in index.doc.ents:
        if ent.label_ not in ("ORG", "LOC", "FAC"):
            continue
        tokens = [t for t in ent if t.lower_ != "the"]
        inner = [index.by_token[t.i] for t in tokens if t.i in index.by_token]
        if len(tokens) < 2 or not inner or not _named_after_state(index, tokens, inner):
            continue
        for mention in {id(m): m for m in inner}.values():
            _forget(index, mention)
        if ent.label_ == "ORG":
            name = "".join(t.text_with_ws for t in tokens).strip()
            index.add(tokens[0].i, tokens[-1].i + 1, [index.org_key(name, tokens[0].i)], "org")


def _named_after_state(index: ActorIndex, tokens: list[Token], inner: list[Mention]) -> bool:
    if any(m.kind not in ("state", "demonym") for m in inner) or inner[0].start == tokens[0].i:
        return False  # "Syrian Army", "Russia's Defense Ministry": the state's own organ, found elsewhere
    if any(t.pos_ in ("CCONJ", "PUNCT") and t.text not in (".", "'") for t in tokens):
        return False  # "EU-Russia", "Iran and Iraq": a tagger's span over several actors
    if tokens[0].lower_ in STATE_STYLE_WORDS:
        return False  # "Royal Thai Army": the state's force under its formal style
    before = index.doc[inner[0].start - 1]
    if before.lower_ == "of" and before.i > tokens[0].i:
        head = index.doc[before.i - 1].lemma_.lower()  # "Government of India", "Bank of England"
        return head not in STATE_HEADS
    return True


def _forget(index: ActorIndex, mention: Mention) -> None:
    index.mentions.remove(mention)
    for i in range(mention.start, mention.end):
        index.by_token.pop(i, None)


def recent_state(index: ActorIndex, token: Token) -> str | None:
    """'... Egyptian police tortured detainees. The authorities deny it.': the state an
    unnamed government belongs to is the one the passage just named, when the nearest sentences that name
    any state name only one."""
    doc, floor = index.doc, token.sent.start
    for _ in range(PASSAGE):
        floor = doc[floor - 1].sent.start if floor > 0 else 0
        states = {
            state
            for mention in index.mentions
            if floor <= mention.start < token.i and mention.kind != "person" and not _where(index, mention)
            for key in mention.keys
            if (state := index.state_of(key)) is not None
        }
        if states:
            return states.pop() if len(states) == 1 else None
    return None


def qualified_ministries(index: ActorIndex) -> None:
    """'a Defence Ministry statement said ...' before 'the Russian Defence Ministry' is named: an unqualified
    ministry is the one ministry of that name the document qualifies by its state, wherever it does."""
    for mention in index.mentions:
        actor = index.actors[mention.keys[0]]
        if mention.kind != "org" or actor.state_key or not actor.name.endswith(" Ministry") or " " in actor.name[:-9]:
            continue
        qualified = [
            key
            for key, other in index.actors.items()
            if other.type == "Organization" and other.state_key and other.name.endswith(" " + actor.name)
        ]
        if len(qualified) == 1:
            mention.keys = qualified


# Organs every state has: named bare ("the Foreign Ministry", "acting Navy Secretary X"), they are the
# story's own state's, as an untitled office is.
BARE_ORGANS = {"ministry", "navy", "army", "military"}
ORGAN_WORDS = lx.MINISTRY_SPECS | {"affairs", "home", "education", "agriculture", "of", "the"}


def bare_organ(index: ActorIndex, name: str) -> bool:
    """A bare organ the story's state may be guessed for: not when the document qualifies organs of that
    name of other states ("the Russian and the Turkish Defence Ministries"), whichever one it is."""
    words = name.lower().split()
    if not words or words[-1] not in BARE_ORGANS or not all(w in ORGAN_WORDS for w in words[:-1]):
        return False
    return not any(a.state_key and a.name.endswith(" " + name) for a in index.actors.values())


def _where(index: ActorIndex, mention: Mention) -> bool:
    """'released its report in London': a place where something happened names no government."""
    root = index.doc[mention.start : mention.end].root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


# "federal prosecutors", "the national auditor": a state body named only by the nation it serves.
NATIONAL_WORDS = {"federal", "national"}
STATE_BODY_NOUNS = {"auditor", "administrator", "regulator", "prosecutor", "investigator", "inspector", "agency",
                    "watchdog", "police", "official", "authority", "government", "ombudsman"}  # fmt: skip


def national_body(index: ActorIndex, token: Token) -> list[str]:
    """'federal administrators who accused X', 'the national auditor alleged': the state the story is about
    (not the state the passage last named: 'federal' and 'national' look home). A body qualified by a state
    ('the German federal police') is that state's."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in STATE_BODY_NOUNS:
        return []
    if not any(c.dep_ == "amod" and c.lower_ in NATIONAL_WORDS for c in token.children):
        return []
    qualifiers = [index.by_token.get(c.i) for c in token.children if c.dep_ in ("poss", "compound", "nmod", "amod")]
    named = {state for m in qualifiers if m is not None for k in m.keys if (state := index.state_of(k))}
    if named or any(c.dep_ == "poss" for c in token.children):
        return sorted(named) if len(named) == 1 else []  # "the German federal police": Germany's
    home = index.home_state()
    return [home] if home else []


SUCCESSION_NOUNS = {"predecessor", "successor"}


def predecessors(index: ActorIndex) -> None:
    """'President X blamed his predecessor Y', 'X's successor, Y,': one who held (or holds) the office of a
    titled office-holder answers for the same side (a state, a party), when nothing else tells whom Y speaks for."""
    for mention in index.mentions:
        actor = index.actors[mention.keys[0]]
        if mention.kind != "person" or actor.affiliation_key or actor.role:
            continue
        root = index.doc[mention.start : mention.end].root
        nouns = [root.head] if root.dep_ == "appos" else []
        nouns += [c for c in root.children if c.dep_ in ("compound", "appos")]
        for noun in (n for n in nouns if n.lemma_.lower() in SUCCESSION_NOUNS):
            holders = [k for c in noun.children if is_possessor(c) for k in _possessor_keys(index, c)]
            offices = {k for k in holders if k != actor.key and index.actors[k].role}
            if len(offices) == 1:  # the same office's side: its party, its named state, or the story's
                holder = index.actors[offices.pop()]
                actor.affiliation_key, actor.office_state = holder.affiliation_key, holder.office_state
                actor.state_office = holder.state_office


def _possessor_keys(index: ActorIndex, owner: Token) -> list[str]:
    """'Buhari's predecessor': Buhari; 'Buhari blamed his predecessor': the clause's subject."""
    if owner.pos_ != "PRON":
        return index.resolve(owner)
    verb = owner.head.head
    subj = subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    return index.resolve(subj) if subj is not None and subj.pos_ != "PRON" else []
