"""Harmful acts named by nouns in what a speaker said: "complained about the crimes of X", "said X's
aggression ...", "Y's role in the massacre", and acts judged in the speaker's own words ("the odious
and cowardly attack")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.acts import act_authors, act_doers, is_wrongful_verb
from allegraph.ingest.claims import ClaimDraft, speakers_of
from allegraph.ingest.frames import JUDGEMENT_VALENCE, pejorative
from allegraph.ingest.syntax import hypothetical, negated, phrase, prep_objects


def nested_speech(index: ActorIndex, content: Token) -> bool:
    return content.lemma_.lower() in lx.SAY_VERBS and bool(speakers_of(index, content))


def _content_tokens(index: ActorIndex, verb: Token) -> list[Token]:
    """Tokens of what the verb reports, minus its subject and others' nested speech."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "aux", "neg", "punct") or child.i == verb.i:
            continue
        stack = [child]
        while stack:
            node = stack.pop()
            if node.lemma_.lower() in lx.SAY_VERBS and node.pos_ == "VERB" and speakers_of(index, node):
                continue
            out.append(node)
            stack.extend(node.children)
    return out


MAX_ACT_NOUN_DEPTH = 3  # arcs from the speech verb: "complained about the crimes of X" is 2


def depth_below(token: Token, verb: Token) -> int:
    for depth, ancestor in enumerate(token.ancestors, start=1):
        if ancestor.i == verb.i:
            return depth
    return 99


def act_noun_claims(index: ActorIndex, verb: Token, speakers: list[str], sent: Span) -> list[ClaimDraft]:
    """'complained about the crimes of X', 'said X's aggression ...': harmful acts named by nouns."""
    drafts: list[ClaimDraft] = []
    for token in _content_tokens(index, verb):
        if not names_act(token):
            continue
        # the speaker's own verdict on the act, however deep in the clause, unless in a clause not asserted
        # ("a bill that would make doxing a crime punishable by jail")
        judged = _judged_act(token) and not any(hypothetical(a) for a in token.ancestors if verb in a.ancestors)
        if depth_below(token, verb) > MAX_ACT_NOUN_DEPTH and not judged:
            continue  # "the loan will help Chad resist Sudanese raids": background, not the charge
        if any(
            a.lemma_.lower() in lx.HEARSAY_NOUNS or negated(a)
            for a in token.ancestors
            if a.i != verb.i and verb in a.ancestors
        ):
            continue
        doers = act_doers(index, token)  # "said the killing of X was ...": X is the victim
        perps = act_authors(index, token) if doers is None else doers
        for perp in perps:
            kind = "condemn" if lx.has_phrase(sent.text.lower(), lx.CONDEMN_PHRASES) else "accuse"
            drafts.extend(ClaimDraft(kind, s, perp, phrase(token), sent, token.i, "said:act-noun") for s in speakers)
        if not perps and judged and not _others_named(index, sent, speakers):
            # "said he stands against the 'odious and cowardly attack'": an act judged, no author in view
            # (with another actor named, the author is likely that one, which this rule cannot tell);
            # anchored at the speech verb: the judging words are often a partial quote
            drafts.extend(
                ClaimDraft("condemn", s, None, phrase(token), sent, verb.i, "said:act-noun") for s in speakers
            )
    return drafts


def names_act(noun: Token) -> bool:
    return _noun(noun) and (noun.lemma_.lower() in lx.ACT_NOUNS or _part_in_act(noun))


def _part_in_act(noun: Token) -> bool:
    """'their involvement in bombing Iraq', 'Y's role in the massacre': a part in a wrong is the charge."""
    if noun.lemma_.lower() not in lx.PART_NOUNS:
        return False
    acts = prep_objects(noun, "in")
    return any(a.lemma_.lower() in lx.ACT_NOUNS or (a.pos_ == "VERB" and is_wrongful_verb(a)) for a in acts)


def _others_named(index: ActorIndex, sent: Span, speakers: list[str]) -> bool:
    sides = {index.state_of(s) or s for s in speakers}
    return any((index.state_of(k) or k) not in sides for t in sent for k in index.keys_at(t))


def _noun(token: Token) -> bool:
    """A noun, or a word the tagger took for a verb though a determiner heads it ('the cowardly attack')."""
    return token.pos_ == "NOUN" or any(c.dep_ == "det" for c in token.children)


LEGAL_MODIFIERS = {"punishable", "indictable", "prosecutable", "alleged", "suspected"}  # classify, not judge


def _judged_act(noun: Token) -> bool:
    """An act noun the speaker's own adjectives judge ('the cowardly attack'), not describe ('the deadly attack')."""
    words = [w for a in noun.children if a.dep_ == "amod" for w in (a, *a.conjuncts)]
    # superlatives measure rather than judge: "one of the worst attacks in years"
    judging = [w for w in words if w.lower_ not in lx.PHYSICAL_MODIFIERS | LEGAL_MODIFIERS and w.tag_ != "JJS"]
    return pejorative(judging, JUDGEMENT_VALENCE)
