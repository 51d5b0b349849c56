"""Targets of a cue that the cue's own phrase does not name, found through the clause around it.

- 'accused officials from X and the Y government of ...': the parser hangs 'from X' on the verb, so
  the people accused are known only by the state or body they come from (and its conjuncts);
- 'Z defended itself against X's criticism': whoever defends itself against a charge is its target;
- 'A slammed B for its criticism of his policy': B is the critic, A (whose conduct it was) the target.
"""

from __future__ import annotations

from spacy.tokens import Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.acts import expand
from allegraph.ingest.syntax import hypothetical, negated, prep_objects, subject

# People known by the body they serve: "officials from X" stand for X ("migrants from X" do not).
AFFILIATE_NOUNS = {
    "official", "officer", "soldier", "troop", "diplomat", "agent", "operative", "spy", "hacker", "commander",
    "general", "minister", "militant", "fighter", "personnel", "force", "police", "policeman", "guard",
    "member", "leader", "representative", "envoy", "authority", "lawmaker", "politician", "delegate",
}  # fmt: skip
REFLEXIVES = {"itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself"}


def affiliated_targets(index: ActorIndex, verb: Token, objs: list[Token]) -> list[str]:
    """'accused military officers from X and the Y government of cyber attacks': X and Y."""
    if not any(o.pos_ == "NOUN" and o.lemma_.lower() in AFFILIATE_NOUNS for o in objs):
        return []
    return [k for origin in prep_objects(verb, "from") for k in expand(index, origin, modifiers=True)]


def defender(index: ActorIndex, noun: Token) -> list[str]:
    """'Z defended herself against X's accusations', 'Z defended itself from X's criticism': Z is the target
    (only a reflexive object: 'defended the deal against X's criticism' may answer for someone else)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("against", "from"):
        return []
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lx.DEFENCE_VERBS or negated(verb) or hypothetical(verb):
        return []
    if not any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children):
        return []
    return expand(index, subject(verb))


CRITICISM_NOUNS = {"criticism", "condemnation", "criticisms", "attack", "attacks", "accusation", "allegation"}
REBUKING_VERBS = lx.LABEL_VERBS | lx.ACTOR_OBJECT_VERBS


def _rebuke(noun: Token) -> Token | None:
    """The verb in 'A slammed B for its criticism of ...', 'A called B "stupid" over criticism of ...'."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("for", "over") or noun.lemma_.lower() not in CRITICISM_NOUNS:
        return None
    verb = prep.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or negated(verb) or hypothetical(verb):
        return None
    return verb if lx.SPEECH_ACT_VERBS.get(lemma) == "condemn" or lemma in REBUKING_VERBS else None


def rebuked_critics(index: ActorIndex, noun: Token) -> list[str]:
    """'A slammed B for (its) criticism of his policy': B made the criticism A answers."""
    verb = _rebuke(noun)
    if verb is None or any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children):
        return []
    return [k for o in verb.children if o.dep_ in ("dobj", "obj") for k in expand(index, o)]


def rebuker_owned(index: ActorIndex, noun: Token) -> list[str]:
    """'... for criticism of his drug war': the rebuker's own conduct ('his', 'its') was criticised."""
    verb = _rebuke(noun)
    if verb is None:
        return []
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for o in prep_objects(noun, "of") for c in o.children)
    return expand(index, subject(verb)) if owned else []
