"""Claims carried by cue nouns: "A's accusations against B", "criticism from A of B", "drew
condemnation from A", "A levelled charges at B", and denials of them."""

from __future__ import annotations

from spacy.tokens import Span, Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.acts import act_doers, expand, perpetrators
from allegraph.ingest.claims import ClaimDraft, accuser_of, speakers_of
from allegraph.ingest.cue_targets import defender, rebuked_critics, rebuker_owned
from allegraph.ingest.nonclaims import unrealised_consequence
from allegraph.ingest.reactions import drawer, faced_by, led_to
from allegraph.ingest.syntax import (
    hypothetical,
    is_possessor,
    negated,
    phrase,
    prep_objects,
    subject,
)

# Who answers a criticism or an accusation is its target ("in response to X's criticism").
ANSWER_VERBS = {"respond", "react", "reply"}
ANSWER_NOUNS = {"response", "reply", "answer", "retort", "rebuttal"}

# --- cue nouns ---------------------------------------------------------------------------


def noun_claims(index: ActorIndex, sent: Span, headline: bool) -> list[ClaimDraft]:
    """'A's accusations against B', 'criticism from A of B', 'drew condemnation from A', 'A levelled charges at B'."""
    drafts: list[ClaimDraft] = []
    for token in index.table.candidates(sent, lx.NOUN_CUES):
        lemma = token.lemma_.lower()
        kind = lx.NOUN_CUES.get(lemma)
        if kind is None or token.pos_ != "NOUN" or _negated_noun(token) or _physical(token):
            continue
        if unrealised_consequence(token):  # "can result in a rebuke from X"
            continue
        speakers = accuser_of(index, token) or _light_verb_speakers(index, token) or rebuked_critics(index, token)
        reacted_to = _reaction_target(index, token)
        if not speakers:
            continue
        if kind == "deny":
            drafts.extend(ClaimDraft("deny", s, None, phrase(token), sent, token.i, "noun:denial") for s in speakers)
            continue
        named = _noun_targets(index, token) + reacted_to + rebuker_owned(index, token)
        answerers = _answerer(index, token) or defender(index, token)
        perps: list[str | None] = [p for p in dict.fromkeys(named or answerers) if p not in speakers]
        if not perps and kind == "condemn" and lemma not in lx.AMBIGUOUS_NOUN_CUES and not _drawn(token):
            perps = [None]  # condemnation of an act with no named perpetrator
        charge = phrase(token)
        for speaker in speakers:
            for perp in perps:
                drafts.append(ClaimDraft(kind, speaker, perp, charge, sent, token.i, "noun"))
    return drafts


def _negated_noun(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) or (
        noun.head.pos_ in ("VERB", "AUX") and (negated(noun.head) or hypothetical(noun.head))
    )


def _noun_targets(index: ActorIndex, noun: Token) -> list[str]:
    perps: list[str] = []
    for pobj in prep_objects(noun, "against", "of", "on", "at", "toward", "towards"):
        doers = act_doers(index, pobj)  # "condemnation of the killing of X": not X
        if doers is not None:
            perps.extend(doers)
        elif pobj.lemma_.lower() in lx.ACT_NOUNS or pobj.pos_ in ("PROPN", "PRON") or index.resolve(pobj):
            perps.extend(expand(index, pobj, modifiers=True))
        elif pobj.lemma_.lower() in lx.DISCOURSE_NOUNS | lx.ACT_JUDGED_NOUNS:
            # "criticism of Peru's mining law": the owner of the policy or decision criticised
            perps.extend(k for c in pobj.children if is_possessor(c) for k in expand(index, c))
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX"):
            perps.extend(p for p, _ in perpetrators(index, child))
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in lx.NOUN_LIGHT_VERBS:
        for pobj in prep_objects(head, "against", "at", "on"):
            perps.extend(expand(index, pobj, modifiers=True))
    return perps


def _light_verb_speakers(index: ActorIndex, noun: Token) -> list[str]:
    """'Japan levelled accusations at China': the light verb's subject makes the accusation."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in lx.NOUN_LIGHT_VERBS and not negated(head):
        return speakers_of(index, head)
    if noun.dep_ == "dobj" and head.lemma_.lower() in lx.DRAW_VERBS:
        return [k for pobj in prep_objects(head, "from") for k in expand(index, pobj)]
    return []


RESPONSE_WORDS = {"response", "reply", "answer", "respond", "react", "reaction", "retort"}


def _answerer(index: ActorIndex, noun: Token) -> list[str]:
    """'Y responded to X's criticism', 'Y gave a defence in response to X's criticism': who answers the
    criticism is whom it was aimed at."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "to" or noun.head.head.lemma_.lower() not in RESPONSE_WORDS:
        return []
    verb = noun.head.head
    if verb.pos_ == "NOUN":  # "in response to": the clause the phrase belongs to
        verb = verb.head.head if verb.dep_ == "pobj" else verb
    if verb.pos_ not in ("VERB", "AUX") or negated(verb):
        return []
    return expand(index, subject(verb), modifiers=True)


def _drawn(noun: Token) -> bool:
    """Drawn by a pronoun or by words ("This provoked criticism", "News of the memo prompted criticism"):
    the target is whoever said or did it, which this sentence does not name."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in lx.DRAW_VERBS:
        return False
    subj = subject(noun.head)
    return subj is None or subj.pos_ == "PRON" or subj.lemma_.lower() in lx.DISCOURSE_NOUNS | lx.NEWS_NOUNS


def _physical(noun: Token) -> bool:
    """'a cyber attack', 'a missile attack', 'a military attack': the deed itself, not words."""
    if noun.lemma_.lower() != "attack":
        return False
    return any(c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ in lx.PHYSICAL_MODIFIERS) for c in noun.children)


def _reaction_target(index: ActorIndex, noun: Token) -> list[str]:
    """'The test drew condemnation from Japan': whoever drew it is its target; 'Poland defended the
    reform in response to Germany's criticism': whoever answers it is."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in lx.DRAW_VERBS:
        subj = subject(head)
        doers = act_doers(index, subj) if subj is not None else None  # "the killing of X drew ...": not X
        return expand(index, subj, modifiers=True) if doers is None else doers
    verb = led_to(noun)
    if verb is not None:
        return drawer(index, verb)
    if _noun_targets(index, noun):
        return []  # "responded to X's criticism of Y": Y is the one criticised
    answer = _answering_clause(noun)
    return expand(index, subject(answer)) if answer is not None else faced_by(index, noun)


def _answering_clause(noun: Token) -> Token | None:
    """The clause that answers the noun: 'X did Y in response to Z's criticism', 'responding to Z's criticism, X'."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "to":
        return None
    if prep.head.lemma_.lower() in ANSWER_VERBS and prep.head.pos_ == "VERB":
        return prep.head
    phrase_head = prep.head  # "in response to", "in reply to"
    if phrase_head.lemma_.lower() in ANSWER_NOUNS and phrase_head.dep_ == "pobj" and phrase_head.head.lower_ == "in":
        clause = phrase_head.head.head
        return clause if clause.pos_ in ("VERB", "AUX") else None
    return None
