"""Run the claim rules over a document and clean the result: drop self-accusations,
merge headline claims into the body claims they summarise, link denials to accusations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.acts import event_author
from allegraph.ingest.calibration import confidence
from allegraph.ingest.claims import ClaimDraft, speech_act_claims
from allegraph.ingest.cue_nouns import noun_claims
from allegraph.ingest.frames import idiom_claims, innocence_claims, label_claims, reciprocal_claims
from allegraph.ingest.incidents import casualties, incident_type, places_in
from allegraph.ingest.quotes import document_regions, inside, quote_speakers
from allegraph.ingest.reported import content_claims, reported_speech_claims
from allegraph.ingest.syntax import is_possessor, objects, prep_objects, subject
from allegraph.ingest.titles import PARTY_OFFICE_WORDS, ROLE_NOUNS, STATE_OFFICE_WORDS

HEADLINE_MAX = 200


def is_headline(text: str, sent: Span) -> bool:
    """`text` is the doc's text, passed in: `Doc.text` rebuilds the whole string on every access."""
    start = text.rfind("\n", 0, sent.start_char) + 1
    # the sentence's last token may be the blank line after it: look for the line end from its last word
    end = text.find("\n", sent.start_char + len(text[sent.start_char : sent.end_char].rstrip()))  # sent.text
    line = text[start : end if end != -1 else len(text)].strip()
    return len(line) < HEADLINE_MAX and not line.endswith((".", '"', "\u201d", "?", "!", ".'", ":"))


def collect(doc: Doc, index: ActorIndex) -> list[tuple[ClaimDraft, bool]]:
    text = index.table.text
    regions = document_regions(doc, text)
    quoted = quote_speakers(doc, index, regions)
    drafts: list[tuple[ClaimDraft, bool]] = []
    for sent in doc.sents:
        headline = is_headline(text, sent)
        found = [
            d
            for rule in (
                speech_act_claims,
                noun_claims,
                idiom_claims,
                innocence_claims,
                label_claims,
                reciprocal_claims,
            )
            for d in rule(index, sent, headline)
            if not inside(doc[d.anchor].idx, regions)
        ]
        found += [d for d in reported_speech_claims(index, sent, headline) if not inside(doc[d.anchor].idx, regions)]
        speakers = quoted.get(sent.start)
        root = sent.root
        said_here = root.lemma_.lower() in lx.SAY_VERBS and not inside(root.idx, regions)
        if speakers and not said_here:
            found += content_claims(index, root, speakers, sent, "quote", sent.text)
        drafts.extend((d, headline) for d in found)
    return drafts


def _side(index: ActorIndex, key: str | None) -> str | None:
    return index.state_of(key) or key


def _same_side(index: ActorIndex, speaker: str, target: str) -> bool:
    """A claim against one's own state or its organs is a misparse; one against a rival in one's own
    state or party (a primary, a cabinet row) is politics, and stays."""
    if speaker == target:
        return True
    actor = index.actors[target]
    if actor.type == "Person" or actor.party:
        return False
    if _side(index, target) == _side(index, speaker):
        return True
    own = index.represents(speaker, guess=False)
    return own is not None and own == index.represents(target, guess=False)


def _condemned_event(draft: ClaimDraft) -> Token | None:
    """'criticised the raid', 'condemnation of the raid', 'the strikes drew criticism': a definite event noun
    the sentence neither attributes nor describes ('the sentence handed to X', 'the raid on X' are told here)."""
    anchor = draft.sent.doc[draft.anchor]
    nouns = objects(anchor) if anchor.pos_ == "VERB" else prep_objects(anchor, "of")
    if anchor.pos_ == "NOUN" and anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in lx.DRAW_VERBS:
        nouns = [n for n in [subject(anchor.head)] if n is not None]  # the event drew the reaction
    for noun in nouns:
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these") for c in noun.children)
        owned = any(is_possessor(c) or _describes(c) for c in noun.children)
        if noun.pos_ == "NOUN" and definite and not owned:
            return noun
    return None


def _describes(child: Token) -> bool:
    """A clause or phrase that tells which event it is; 'condemned the raid, calling it ...' hangs the
    speaker's own words on the noun, and they tell nothing about the raid."""
    if child.dep_ == "acl" and child.tag_ == "VBG" and child.lemma_.lower() in lx.SAY_VERBS:
        return False
    return child.dep_ in ("acl", "relcl", "prep")


def fill_event_authors(index: ActorIndex, drafts: list[tuple[ClaimDraft, bool]]) -> list[tuple[ClaimDraft, bool]]:
    """A condemnation of 'the raid' targets whoever an earlier sentence says carried the raid out;
    a deed of several ("strikes carried out by X and Y") gives one claim against each."""
    out: list[tuple[ClaimDraft, bool]] = []
    for draft, headline in drafts:
        noun = _condemned_event(draft) if draft.kind == "condemn" and draft.target is None else None
        authors = [a for a in event_author(index, noun) if not _same_side(index, draft.speaker, a)] if noun else []
        targets: list[str | None] = list(authors) or [draft.target]
        out.extend((replace(draft, target=target), headline) for target in targets)
    return out


def clean(index: ActorIndex, drafts: list[tuple[ClaimDraft, bool]]) -> list[tuple[ClaimDraft, bool]]:
    kept: list[tuple[ClaimDraft, bool]] = []
    seen: set[tuple[Any, ...]] = set()
    for draft, headline in drafts:
        if draft.target is not None and _same_side(index, draft.speaker, draft.target):
            if draft.kind != "deny":
                continue  # speakers do not accuse their own side; this is a misparse
            draft.target = None
        key = (draft.sent.start, draft.kind, draft.speaker, draft.target)
        if key in seen:
            continue
        seen.add(key)
        kept.append((draft, headline))
    return _merge_headlines(index, kept)


def _merge_headlines(index: ActorIndex, kept: list[tuple[ClaimDraft, bool]]) -> list[tuple[ClaimDraft, bool]]:
    """A headline summarises the body: it is dropped where the body says the same, and one that names no
    target ("Howard hits back") is the body's claim of that kind by that speaker, which has the target."""
    body = [d for d, headline in kept if not headline]
    said = {(d.kind, _side(index, d.speaker), _side(index, d.target)) for d in body}
    said_by = {(d.kind, _side(index, d.speaker)) for d in body if d.target is not None}
    out = []
    for draft, headline in kept:
        key = (draft.kind, _side(index, draft.speaker), _side(index, draft.target))
        if headline and (key in said or (draft.target is None and key[:2] in said_by)):
            continue
        out.append((draft, headline))
    return out


# Words for who speaks, not what about: "the prime minister" in two sentences ties nothing together.
PEOPLE_WORDS = ROLE_NOUNS | STATE_OFFICE_WORDS | PARTY_OFFICE_WORDS


def _matter(index: ActorIndex, draft: ClaimDraft) -> set[str]:
    """Content words of what a claim is about (its sentence's nouns and verbs; names, offices and cue words left out)."""
    return {
        t.lemma_.lower()
        for t in draft.sent
        if t.pos_ in ("NOUN", "VERB")
        and not t.is_stop
        and t.lemma_.lower() not in lx.CLAIM_WORDS | PEOPLE_WORDS
        and not index.resolve(t)  # "the government", a name: who, not what
    }


Matter = Callable[[ClaimDraft], set[str]]


def _same_matter(matter: Matter, denial: ClaimDraft, accusation: ClaimDraft) -> bool:
    """The denial names the accuser ("denied Iraq's accusations"), shares the sentence, or the matter."""
    if denial.target is not None or denial.sent.start == accusation.sent.start:
        return True
    return bool(matter(denial) & matter(accusation))


ANAPHORA_WINDOW = 3  # sentences back that "the allegations" of a bare denial may refer to


def _just_before(order: dict[int, int], accusation: ClaimDraft, denial: ClaimDraft) -> bool:
    gap = order[denial.sent.start] - order[accusation.sent.start]
    return 0 < gap <= ANAPHORA_WINDOW


def _bare(matter: Matter, denial: ClaimDraft) -> bool:
    """'Hale denied the allegations': the denial's object is the accusation itself, and says nothing more."""
    anchor = denial.sent.doc[denial.anchor]
    charges = [o for o in objects(anchor) if o.lemma_.lower() in lx.ACCUSATION_NOUNS | {"innocence"}]
    own = {anchor.lemma_.lower(), *(o.lemma_.lower() for o in charges)}  # "protested his innocence"
    return bool(charges) and not matter(denial) - own


def link_denials(index: ActorIndex, drafts: list[ClaimDraft]) -> None:
    """Point each denial at the accusation it answers; fill its target from the accuser."""
    accusations = [(i, d) for i, d in enumerate(drafts) if d.kind in ("accuse", "blame") and d.target]
    order = {s.start: n for n, s in enumerate(index.doc.sents)} if drafts else {}
    matters: dict[int, set[str]] = {}  # each claim's matter once, however many pairs it is compared in

    def matter(draft: ClaimDraft) -> set[str]:
        if id(draft) not in matters:
            matters[id(draft)] = _matter(index, draft)
        return matters[id(draft)]

    for draft in drafts:
        if draft.kind != "deny":
            continue
        side = index.state_of(draft.speaker)
        against = [
            (i, a)
            for i, a in accusations
            if a.speaker != draft.speaker  # "rejected the claims, blaming X": its own charge answers nothing
            and (side and index.state_of(a.target) == side or a.target == draft.speaker)
            and (draft.target is None or _side(index, a.speaker) == _side(index, draft.target))
        ]
        candidates = against
        if not candidates and side is None:
            candidates = [
                (i, a) for i, a in accusations if a.sent.start <= draft.sent.start and a.speaker != draft.speaker
            ]
        # only the accusation this denial answers: the same sentence, or one about the same thing, or
        # for a bare "rejected the charges", the latest charge against the speaker just before it
        anaphoric = _bare(matter, draft)
        candidates = [
            (i, a)
            for i, a in candidates
            if _same_matter(matter, draft, a) or (anaphoric and (i, a) in against and _just_before(order, a, draft))
        ]
        if not candidates:
            continue
        before = [c for c in candidates if c[1].sent.start <= draft.sent.start]
        index_, accusation = (before or candidates)[-1]
        draft.responds_to = index_
        if side is None and accusation.target is not None:
            index.actors[draft.speaker].represents_hint = accusation.target
        root = draft.sent.doc[draft.content if draft.content is not None else draft.anchor]
        mentions_accusation = any(t.lemma_.lower() in lx.ANSWERABLE_NOUNS | {"innocence"} for t in root.subtree)
        if draft.target is None and mentions_accusation:
            draft.target = accusation.speaker


def finalise(doc: Doc, index: ActorIndex) -> dict[str, Any]:
    collected = fill_event_authors(index, collect(doc, index))
    pairs = clean(index, collected)
    drafts = [d for d, _ in pairs]
    link_denials(index, drafts)
    for draft in drafts:  # the state an office-holder accuses is not the state it serves
        target_state = index.state_of(draft.target)
        is_state_side = draft.target is not None and index.actors[draft.target].type != "Person"
        if target_state and is_state_side and draft.kind != "deny":
            speaker = index.actors[draft.speaker]
            speaker.avoid_states.add(target_state)
            if speaker.affiliation_key:  # nor the state of a bare "Foreign Ministry" it speaks for
                index.actors[speaker.affiliation_key].avoid_states.add(target_state)
    used = {k for d in drafts for k in (d.speaker, d.target) if k}
    claims = []
    for position, (draft, headline) in enumerate(pairs):
        sent = draft.sent
        claims.append(
            {
                "position": position,
                "kind": draft.kind,
                "speaker": draft.speaker,
                "target": draft.target,
                "charge": draft.charge,
                "evidence": sent.text.strip(),
                "start": sent.start_char,
                "end": sent.end_char,
                "quote": draft.quote,
                "modality": draft.modality,
                "rule": draft.rule,
                "headline": headline,
                "responds_to": draft.responds_to,
                "dates": [e.text for e in sent.ents if e.label_ == "DATE"],
                "places": places_in(sent),
                "incident_type": incident_type(draft.charge + " " + sent.text),
                "casualties": casualties(sent.text),
            }
        )
    actors = _actors(index, used)
    by_key = {actor["key"]: actor for actor in actors}
    for claim in claims:
        claim["confidence"] = confidence(claim, by_key)
    return {"claims": claims, "actors": actors}


def _actors(index: ActorIndex, used: set[str]) -> list[dict[str, Any]]:
    needed = set(used)
    for key in list(needed):  # affiliation chains are part of the graph too
        seen = 0
        node: str | None = key
        while node and seen < 4:
            actor = index.actors[node]
            needed.add(node)
            node = actor.affiliation_key or actor.state_key
            seen += 1
    out = []
    for key in sorted(needed):
        actor = index.actors[key]
        affiliation = actor.affiliation_key
        if affiliation and index.actors[affiliation].type == "Person":
            affiliation = None
        out.append(
            {
                "key": key,
                "name": actor.name,
                "type": actor.type,
                "iso": actor.iso,
                "role": actor.role,
                "title": actor.title,
                "affiliation": affiliation,
                "state": actor.state_key,
                "represents": index.represents(key) or index.represents(actor.represents_hint),
            }
        )
    return out
