"""Whom a reaction noun ("criticism from X", "condemnation from X") is aimed at when no "of"/"against"
names it: the act that led to it ("Y's remarks led to condemnation from X") or the one who acted in its
face ("After criticism from X, Y backed off", "Y pressed on despite criticism from X").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.acts import act_doers, expand
from allegraph.ingest.syntax import negated, subject

if TYPE_CHECKING:
    from allegraph.ingest.actors import ActorIndex

# Prepositions of a reaction the main clause's subject acts under, in or after.
CIRCUMSTANCE_PREPS = {"after", "amid", "amidst", "following", "despite"}


def led_to(noun: Token) -> Token | None:
    """'Y's remarks led to condemnation from X': the verb whose subject drew the reaction."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "to" or prep.head.lemma_.lower() != "lead":
        return None
    return prep.head if prep.head.pos_ == "VERB" else None


def drawer(index: ActorIndex, verb: Token) -> list[str]:
    """Whoever drew the reaction: the subject, or the doer of the act it names ('the killing of X by Y')."""
    subj = subject(verb)
    if subj is None or subj.pos_ == "PRON":
        return []
    doers = act_doers(index, subj)
    return expand(index, subj, modifiers=True) if doers is None else doers


def faced_by(index: ActorIndex, noun: Token) -> list[str]:
    """'After heavy criticism from X, Y backed off': the subject of the clause the reaction frames."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in CIRCUMSTANCE_PREPS or prep.dep_ != "prep":
        return []
    if noun.lemma_.lower() in lx.AMBIGUOUS_NOUN_CUES:
        return []  # "spoke after Somalia's attack on the town": a deed, not words aimed at the speaker
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or negated(verb):
        return []
    subj = subject(verb)
    if subj is None or subj.pos_ == "PRON":
        return []  # "After criticism from X, it ..." : left to the pronoun rules elsewhere, not guessed here
    return expand(index, subj)
