"""Find a parsed document's actor mentions: the gazetteer's states, organisations and parties,
ministries and government bodies, other organisations from NER, people with their titles, and
the surnames and family names they are called by later. `build_index` runs the passes in order
and returns the document's ActorIndex (allegraph/ingest/actors.py), which resolves them.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from allegraph.ingest import lexicon as lx
from allegraph.ingest.actors import (
    BARE_INSTITUTION_WORDS,
    TITLE_WORDS,
    TRAILING_TITLE_WORDS,
    ActorDraft,
    ActorIndex,
)
from allegraph.ingest.affiliations import (
    introduced_groups,
    possessed_parties,
    predecessors,
    qualified_ministries,
    state_named_organisations,
)
from allegraph.ingest.gazetteer import Gazetteer, fold
from allegraph.ingest.names import is_honorific, surname
from allegraph.ingest.titles import apply_title, untitled_office_holders


def build_index(doc: Doc, gaz: Gazetteer, matchers: tuple[PhraseMatcher, PhraseMatcher]) -> ActorIndex:
    index = ActorIndex(doc=doc, gaz=gaz)
    person_spans = [e for e in doc.ents if e.label_ == "PERSON"]
    _gazetteer_mentions(index, matchers, person_spans)
    state_named_organisations(index)
    _ministries(index)
    qualified_ministries(index)
    _government_bodies(index)
    _people(index, person_spans)
    _organisations(index)
    for mention in sorted(index.mentions, key=lambda m: m.start):
        if mention.kind == "person":
            apply_title(index, mention)
    _surnames(index)
    untitled_office_holders(index)
    possessed_parties(index)
    introduced_groups(index)
    predecessors(index)
    return index


def _gazetteer_mentions(index: ActorIndex, matchers: tuple[PhraseMatcher, PhraseMatcher], persons: list[Span]) -> None:
    doc, gaz = index.doc, index.gaz
    # A known name inside a person's name ("Jordan" in "Michael Jordan") is the person; a person
    # span that is exactly a known name ("the Lib Dems" tagged PERSON) is the known name.
    person_bounds = {(span.start, span.end) for span in persons}
    in_person = {i for span in persons for i in range(span.start, span.end)}
    spans = [doc[s:e] for matcher in matchers for _, s, e in matcher(doc)]
    for span in filter_spans(spans):
        if any(t.i in in_person for t in span) and (span.start, span.end) not in person_bounds:
            continue
        text = fold(span.text)
        text_no_the = text[4:] if text.startswith("the ") else text
        if text_no_the in gaz.parties and _party_word(doc, span):
            party = gaz.parties[text_no_the]
            index.add(span.start, span.end, [index.party_key(party.name, span.start, party.iso)], "org")
        elif text_no_the in gaz.orgs:
            org = gaz.orgs[text_no_the]
            index.add(span.start, span.end, [index.org_key(org.name, span.start, parent=org.parent)], "org")
        elif text in gaz.seats and span[0].text[:1].isupper():  # "a defense department contractor" names none
            display, iso = gaz.seats[text]
            key = index.org_key(display, span.start, state_key=index.state_key(iso, span.start))
            index.add(span.start, span.end, [key], "org")
        elif text in gaz.state_names or text in gaz.capitals:
            iso = gaz.state_names.get(text) or gaz.capitals[text]
            index.add(span.start, span.end, [index.state_key(iso, span.start)], "state")
        elif text in gaz.demonyms:
            index.add(span.start, span.end, [index.state_key(gaz.demonyms[text], span.start)], "demonym")


def _party_word(doc: Doc, span: Span) -> bool:
    """A party word that is part of a longer name ("Irish Republican Army") is not the party."""
    for ent in doc.ents:
        if ent.label_ == "ORG" and ent.start <= span.start and span.end <= ent.end and len(ent) > len(span):
            return fold(ent.text).removeprefix("the ") in {fold(span.text)}
    return True


def _state_marker(index: ActorIndex, token: Token) -> str | None:
    mention = index.by_token.get(token.i)
    if mention and mention.kind in ("state", "demonym"):
        return mention.keys[0]
    return None


def _ministries(index: ActorIndex) -> None:
    for token in index.table.candidates(index.doc, lowers=("ministry", "ministries")):
        if token.lower_ not in ("ministry", "ministries") or token.i in index.by_token:
            continue
        state = None
        specs: list[Token] = []
        for child in token.children:
            marker = _state_marker(index, child)
            if marker:
                state = marker
            elif child.dep_ in ("compound", "amod", "nmod") and (
                child.text[:1].isupper() or child.lower_ in lx.MINISTRY_SPECS
            ):
                specs.append(child)
                specs.extend(c for c in child.conjuncts if c.i < token.i)
            elif child.dep_ == "prep" and child.lower_ == "of":
                specs.extend(c for c in child.children if c.dep_ == "pobj")
        if state is None:
            state = _nearby_state(index, token)
        names = [_ministry_name(index, state, spec) for spec in specs] or []
        if not names:
            continue
        start = min([token.i, *(s.i for s in specs)])
        keys = [index.org_key(n, start, state_key=state) for n in names]
        index.add(token.i, token.i + 1, keys, "org")


def _nearby_state(index: ActorIndex, token: Token) -> str | None:
    for i in range(token.i - 1, max(token.i - 5, -1), -1):
        marker = _state_marker(index, index.doc[i])
        if marker:
            return marker
        if index.doc[i].pos_ in ("VERB", "PUNCT") and index.doc[i].text != "'s":
            return None
    return None


def _ministry_name(index: ActorIndex, state: str | None, spec: Token) -> str:
    word = spec.text.title().replace("Defence", "Defense")
    if word in ("Foreign", "Affairs"):
        word = "Foreign"
    if state is None:
        for actor in index.actors.values():
            if actor.type == "Organization" and actor.name.endswith(f"{word} Ministry") and actor.state_key:
                return actor.name
        return f"{word} Ministry"
    demonyms = [d for d, iso in index.gaz.demonyms.items() if iso == index.actors[state].iso]
    prefix = demonyms[0].title() if demonyms else index.actors[state].name
    return f"{prefix} {word} Ministry"


def _government_bodies(index: ActorIndex) -> None:
    bodies = index.gaz.government_bodies
    for token in index.table.candidates(index.doc, bodies, bodies):
        if token.i in index.by_token or token.lemma_.lower() not in bodies and token.lower_ not in bodies:
            continue
        states = []
        for child in token.children:
            marker = _state_marker(index, child) if child.dep_ in ("amod", "compound", "poss", "nmod") else None
            if marker:
                states.append(marker)
                states.extend(m for c in child.conjuncts if (m := _state_marker(index, c)))
            elif child.dep_ == "compound" and child.lower_ in bodies:
                states.extend(m for g in child.children if (m := _state_marker(index, g)))
        if states:
            index.add(token.i, token.i + 1, list(dict.fromkeys(states)), "body")


def _organisations(index: ActorIndex) -> None:
    surnames = {surname(a.name) for a in index.actors.values() if a.type == "Person"}
    first_names = {a.name.split()[0] for a in index.actors.values() if a.type == "Person" and " " in a.name}
    for ent in index.doc.ents:
        if ent.label_ not in ("ORG", "NORP"):
            continue
        state, rest = _state_marked(index, ent)
        if any(t.i in index.by_token for t in rest):
            continue
        if ent[-1].text in surnames or (
            ent.text in first_names and ent.start and is_honorific(index.doc[ent.start - 1])
        ):
            continue  # a person's surname the tagger took for an organisation, or "Mr Chen" after "Chen Weiming"
        tokens = [t for t in ent if t.lower_ != "the"]  # the name keeps its state: "Zambian Supreme Court"
        while len(tokens) > 1 and tokens[-1].lower_ in TRAILING_TITLE_WORDS:
            tokens.pop()  # "Fox News Channel Chief [Executive Roger Ailes]": the title is not the name
        while len(tokens) > 1 and _dateline_word(tokens[0]):
            tokens.pop(0)  # "DETROIT Volkswagen AG": the dateline's city is not part of the name
        if not tokens or ent.label_ == "NORP":
            continue
        name = written(tokens)
        if all(t.lower_ in lx.MINISTRY_SPECS for t in tokens):
            continue  # "Defence" of "Japanese Defence Minister": the office's portfolio, part of a title
        if name.lower() in BARE_INSTITUTION_WORDS:
            continue  # "Secretary of State", "the House": part of a title, not an organisation by itself
        if len(name) < 2 or not any(c.isupper() for c in name):
            continue
        if state and tokens[-1].lemma_.lower() not in lx.GOVERNMENT_HEADS:
            state = None  # "Russian Olympic Committee", "American Airlines": not organs of the state
        index.add(rest.start, rest.end, [index.org_key(name, ent.start, state_key=state)], "org")


def _dateline_word(token: Token) -> bool:
    at_line_start = token.i == 0 or "\n" in token.doc[token.i - 1].text_with_ws
    return at_line_start and token.is_upper and len(token.text) > 2 and token.is_alpha


def _state_marked(index: ActorIndex, ent: Span) -> tuple[str | None, Span]:
    """'U.S. District Court', "China's People's Liberation Army": the state, and the name after it."""
    first = ent.start + 1 if ent[0].lower_ == "the" else ent.start
    lead = index.by_token.get(first)
    if lead is not None and lead.kind in ("state", "demonym") and lead.start == first and lead.end < ent.end:
        return lead.keys[0], index.doc[lead.end : ent.end]
    if ent.start >= 2 and index.doc[ent.start - 1].lower_ in ("'s", "\u2019s"):
        owner = index.by_token.get(ent.start - 2)
        if owner is not None and owner.kind == "state":
            return owner.keys[0], ent
    before = index.by_token.get(ent.start - 1) if ent.start else None  # the tagger left "U.S." out of the name
    if before is not None and before.kind in ("state", "demonym") and index.doc[ent.start - 1].head in ent:
        return before.keys[0], ent
    return None, ent


def written(tokens: list[Token]) -> str:
    """Tokens as the text spells them ("Kilroy-Silk", not "Kilroy - Silk")."""
    return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text if tokens else ""


def _clean_person_name(span: Span) -> str:
    tokens = [t for t in span if t.text not in ("'s", "’s")]
    while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in TITLE_WORDS:
        tokens = tokens[1:]
    return written(tokens).strip()


def _people(index: ActorIndex, persons: list[Span]) -> None:
    by_surname: dict[str, str] = {}
    for span in sorted(persons, key=lambda s: -len(s)):
        if any(t.i in index.by_token for t in span):
            continue
        name = _clean_person_name(span)
        if not name or not name[0].isupper() or name.lower().rstrip(".") in TITLE_WORDS:
            continue  # "the King" tagged as a name is a title, resolved as one
        family = surname(name).lower()
        key = by_surname.get(family) or _family_name_first(index, span, name) or f"person:{fold(name)}"
        if key not in index.actors:
            index.actors[key] = ActorDraft(key=key, name=name, type="Person")
            by_surname[family] = key
        index.actors[key].first_token = min(index.actors[key].first_token, span.start)
        index.add(span.start, span.end, [key], "person")


def _family_name_first(index: ActorIndex, span: Span, name: str) -> str | None:
    """'Mr Chen' after 'Chen Weiming': names that put the family name first (the tagger may leave "Mr" out)."""
    honorific = span[0] if is_honorific(span[0]) or span.start == 0 else span.doc[span.start - 1]
    if " " in name or not is_honorific(honorific):
        return None
    for key, actor in index.actors.items():
        words = actor.name.split()
        if actor.type == "Person" and len(words) > 1 and words[0] == name:
            return key
    return None


def _surnames(index: ActorIndex) -> None:
    people = {surname(a.name): k for k, a in index.actors.items() if a.type == "Person"}
    family_first = {a.name.split()[0]: k for k, a in index.actors.items() if a.type == "Person" and " " in a.name}
    orth = index.table.orth
    for i in (i for i, text in enumerate(orth) if text in people or text in family_first):
        token = index.doc[i]
        if i in index.by_token or token.pos_ != "PROPN":
            continue
        key = people.get(token.text) or (family_first.get(token.text) if i and is_honorific(index.doc[i - 1]) else None)
        if key:
            index.add(i, i + 1, [key], "person")
