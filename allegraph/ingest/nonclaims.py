"""Cues that read like a claim on news nobody tuned for but assert none: a demand ("called for X to be
treated as criminals"), a possibility left open ("did not rule out a strike"), a rival outplayed ("the
keeper denied the striker"), a ranking ("Spain is just behind France"), targets picked for an attack
("singling out the ministry as a target"). Each test says no to one such reading, and only to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from allegraph.ingest.syntax import hypothetical, negated, prep_objects

if TYPE_CHECKING:
    from allegraph.ingest.actors import ActorIndex

# Verbs whose negation with an act for object leaves the act's doer open: "did not rule out a strike",
# "did not condemn the attack", "did not expect an invasion" deny nothing the subject did.
NON_DEED_VERBS = {"rule", "exclude", "discount", "expect", "anticipate", "foresee", "predict", "fear", "see",
                  "witness", "hear", "report", "confirm", "comment", "discuss", "mention", "know", "recall",
                  "remember", "condemn", "criticise", "criticize", "want", "seek", "prevent", "stop",
                  "investigate", "welcome"}  # fmt: skip
# People one beats in a game: "the keeper denied the striker" withholds a goal, it rejects no charge.
PLAYER_NOUNS = {"striker", "forward", "player", "opponent", "rival", "keeper", "goalkeeper", "champion",
                "challenger", "batsman", "shooter", "attacker"}  # fmt: skip
TARGET_NOUNS = {"target", "targets", "objective", "objectives"}
# "behind bars", "behind schedule": places and plans, not a wrong someone is behind.
NOT_DEEDS_BEHIND = {"bar", "bars", "schedule", "time", "times", "curve", "wheel", "scene", "scenes", "rest", "pack"}


def leaves_deed_open(verb: Token) -> bool:
    """'did not rule out a strike': the negated verb is no doing of the act its object names."""
    return verb.lemma_.lower() in NON_DEED_VERBS


def player_denied(obj: Token) -> bool:
    """'denied the England striker', 'denied Smith at the near post': a person withheld something, no charge denied."""
    return obj.ent_type_ == "PERSON" or obj.lemma_.lower() in PLAYER_NOUNS


def demand_call(verb: Token) -> bool:
    """'called for all cheats to be treated as criminals', 'called on X to punish the barbaric attack':
    a demand, not a label the caller gives anyone."""
    return verb.lemma_.lower() == "call" and any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children)


def picked_as_target(verb: Token) -> bool:
    """'singling out the chancellor's offices as targets': picked for an attack, not for criticism."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("prt", "dobj"))]
    return any(o.lower_ in TARGET_NOUNS for h in holders for o in prep_objects(h, "as"))


CONSEQUENCE_VERBS = {"result", "lead"}


def unrealised_consequence(noun: Token) -> bool:
    """'A phone ringing can result in a rebuke from the Speaker', 'it would not lead to condemnation from X':
    a reaction that may follow, or does not, is none made."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "to") or prep.head.lemma_.lower() not in CONSEQUENCE_VERBS:
        return False
    return hypothetical(prep.head) or negated(prep.head)


def behind_a_deed(index: ActorIndex, clause: Token) -> bool:
    """'Y was behind the attack': what Y is behind is a deed, not a rival it trails ('Spain is just behind
    France in rap production') nor bars or a schedule."""
    objs = prep_objects(clause, "behind")
    return any(not index.resolve(o) and o.lemma_.lower() not in NOT_DEEDS_BEHIND for o in objs)
