"""Denials beyond a denial verb: what a speaker says of its own side's conduct, professed
innocence, rebuttal words, and where an accusation comes from.

Own-side predicates ("I never took a bribe", "our payments were legal", "Syria has no chemical
weapons", "she always behaved ethically") look at one clause; whether its subject is the speaker's
own side is checked by the caller (reported._denial), so the same words said of a rival stay out.
"""

from __future__ import annotations

from spacy.tokens import Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.acts import is_wrongful_verb
from allegraph.ingest.syntax import is_possessor, negated, objects, prep_objects

FIRST_PERSON = {"i", "we", "us", "me", "our", "my"}
# Deeds that are a charge when someone denies doing them, though too plain to be one when
# merely reported of others ("intervened in the talks" can be mediation).
DENIABLE_VERBS = {"stir", "collude", "plagiarize", "plagiarise", "dope"}
MEDDLING_VERBS = {"intervene"}  # only "in" something: "did not intervene to stop it" is inaction
# Taking these is the wrong: "never took bribes", "has never used performance-enhancing drugs".
INTAKE_VERBS = {"take", "use", "accept", "receive", "ingest", "inject", "solicit"}
ILLICIT_OBJECTS = {"drug", "drugs", "substance", "substances", "steroid", "steroids", "doping", "stimulant",
                   "bribe", "bribes", "kickback", "kickbacks", "payoff", "payoffs"}  # fmt: skip
# "on the basis of", "on grounds of": a prepositional phrase that gives grounds.
GROUND_NOUNS = {"basis", "ground", "grounds", "account"}
# "because of their religion": the grounds of discrimination.
PROTECTED_GROUNDS = {"race", "gender", "religion", "ethnicity", "sex", "nationality", "caste", "colour", "color",
                     "faith", "origin", "orientation", "disability"}  # fmt: skip
# "we have no troops there", "it had no role in the attack": what a side says it does not have.
DENIED_HOLDINGS = {"prisoner", "detainee", "link", "tie", "connection", "involvement"}
PLACED_HOLDINGS = {"troop", "soldier", "force", "personnel"}  # only somewhere: "no troops in Moldova"
BANNED_ARMS = {"chemical", "nuclear", "biological", "banned", "illegal", "prohibited"}  # "has no chemical weapons"
SHARE_NOUNS = {"role", "part", "hand"}  # only with the act they deny: "no role in the killing"
INTENT_NOUNS = {"interest", "intention", "desire", "plan", "wish"}  # "no intention of provoking a conflict"
# "were legal", "behaved ethically", "within the law", "with integrity": exoneration.
LAWFUL_WORDS = {"legal", "lawful", "proper", "appropriate", "above-board"}
CONDUCT_VERBS = {"act", "conduct", "behave", "operate", "function"}
LAWFUL_MANNERS = {"appropriately", "lawfully", "legally", "properly", "ethically", "correctly", "honestly"}
PROBITY_NOUNS = {"probity", "integrity", "propriety", "accordance", "compliance"}
FUTURE_AUX = {"will", "'ll", "shall", "wo"}


def future(verb: Token) -> bool:
    """'We will not intervene' is an intention, not a denial of what was done."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def denied_deed(verb: Token) -> bool:
    """A negated clause whose verb or object is a wrong the side is said not to have done or had."""
    lemma = verb.lemma_.lower()
    if future(verb):
        return False
    if lemma in DENIABLE_VERBS or (lemma in MEDDLING_VERBS and prep_objects(verb, "in")):
        return True
    objs = objects(verb)
    if lemma in INTAKE_VERBS and any(o.lower_ in ILLICIT_OBJECTS or o.lemma_.lower() in ILLICIT_OBJECTS for o in objs):
        return True
    if lemma == "do" and any(_such_thing(o) for o in objs):
        return True  # "did not do anything improper"
    grounds = [g for v in (verb, *verb.conjuncts) for g in _grounds(v)]  # "do not hire or fire anyone because of"
    if any(t.lemma_.lower() in PROTECTED_GROUNDS for g in grounds for t in g.subtree):
        return True  # "we do not reject anyone because of their race", "on the basis of religion"
    return _holds_none(verb)


def _grounds(verb: Token) -> list[Token]:
    """'because of X', 'due to X', 'based on X', 'on the basis/grounds of X' (not 'commented on X')."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    found = [p for p in preps if p.lower_ in ("because", "due", "based")]
    return found + [o for p in preps if p.lower_ == "on" for o in p.children if o.lemma_.lower() in GROUND_NOUNS]


IMPROPER_WORDS = {"such", "wrong", "improper", "illegal", "unlawful", "untoward"}


def _such_thing(obj: Token) -> bool:
    """'did nothing of such a kind', 'did not do anything improper'."""
    return obj.lemma_.lower() in ("thing", "anything") and any(c.lower_ in IMPROPER_WORDS for c in obj.subtree)


def _holds_none(verb: Token) -> bool:
    """'holds no detainees', 'had no role in the attack', 'no intention of provoking a conflict'."""
    if verb.lemma_.lower() not in ("have", "hold", "play"):
        return False
    for obj in objects(verb):
        if not any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
            continue
        lemma = obj.lemma_.lower()
        if lemma in DENIED_HOLDINGS:
            return True
        if lemma in PLACED_HOLDINGS and (prep_objects(obj, "in", "on", "inside") or prep_objects(verb, "in", "inside")):
            return True
        if lemma == "weapon" and any(c.lower_ in BANNED_ARMS for c in obj.children):
            return True
        inner = prep_objects(obj, "in", "of")
        if lemma in SHARE_NOUNS and any(_wrong_matter(t) for t in inner):
            return True
        if lemma in INTENT_NOUNS and any(_wrong_matter(t) for t in inner):
            return True
    return False


def _wrong_matter(token: Token) -> bool:
    """An act noun ('the attack') or a wrongful gerund ('provoking a conflict')."""
    if token.lemma_.lower() in lx.ACT_NOUNS:
        return True
    return token.pos_ == "VERB" and (is_wrongful_verb(token) or token.lemma_.lower() in DENIABLE_VERBS)


def exonerated(verb: Token) -> bool:
    """An affirmative clause clearing its subject: 'were legal', 'acted lawfully', 'in compliance with the rules'."""
    if future(verb):
        return False
    lemma = verb.lemma_.lower()
    if lemma == "be":  # "the funds we received were legal", not "it is appropriate to wait"
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return (
            subj is not None
            and subj.pos_ != "PRON"
            and any(c.dep_ == "acomp" and c.lower_ in LAWFUL_WORDS and not list(c.children) for c in verb.children)
        )
    if lemma not in CONDUCT_VERBS:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in LAWFUL_MANNERS for c in verb.children):
        return True
    if any(t.lemma_.lower() in PROBITY_NOUNS for t in prep_objects(verb, "in", "with")):
        return True
    return any(t.lemma_.lower() in ("law", "rules") for t in prep_objects(verb, "within"))  # "within the law"


def own_possessed(subj: Token) -> bool:
    """'our weapons', 'the payments we made': a thing the speaking side says is its own."""
    for child in subj.children:
        if child.dep_ == "poss" and child.lower_ in FIRST_PERSON:
            return True
        if child.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in child.children):
            return True
    return False


# What a side did, defended against criticism: "defended its handling of the crisis" (not "defended the deal").
CONDUCT_NOUNS = {"record", "handling", "conduct", "action", "actions", "response", "relationship", "role",
                 "behaviour", "behavior", "integrity", "reputation", "performance"}  # fmt: skip
OWN_PRONOUNS = {"its", "his", "her", "their", "our", "my"}


def defended_conduct(index: ActorIndex, verb: Token, speakers: list[str]) -> list[Token]:
    """The objects of 'defend' that are the speaker's own side's conduct: 'its record', 'the ministry's handling'."""
    sides = {index.state_of(s) or s for s in speakers} | {index.represents(s, guess=False) for s in speakers}
    sides.discard(None)
    found = []
    for obj in objects(verb):
        if obj.lemma_.lower() not in CONDUCT_NOUNS:
            continue
        for owner in (c for c in obj.children if is_possessor(c)):
            keys = index.resolve(owner, modifiers=True)
            mine = owner.lower_ in OWN_PRONOUNS and not keys  # an unresolved "its" is the subject's
            if mine or any(
                (index.state_of(k) or k) in sides or index.represents(k, guess=False) in sides for k in keys
            ):
                found.append(obj)
    return found


SOURCE_VERBS = {"come", "emanate", "originate", "stem", "pour", "flow"}


def source_of(index: ActorIndex, noun: Token) -> list[str]:
    """'unfounded claims coming from the ministry', 'charges emanating from Y': who the accusations come from."""
    node = noun
    for _ in range(6):  # up through "a lot of", "with": to the verb the phrase hangs on
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    verbs = [v for v in (node, *(c for c in noun.children if c.dep_ == "acl")) if v.lemma_.lower() in SOURCE_VERBS]
    sources = [s for v in verbs for s in prep_objects(v, "from")]
    for out in (c for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ == "out"):
        sources += prep_objects(out, "of")
    return [k for s in sources for k in index.resolve(s, modifiers=True)]


INNOCENCE_VERBS = {"maintain", "protest", "proclaim", "assert", "insist", "profess", "declare", "reiterate"}


def professes_innocence(verb: Token) -> bool:
    """'pleaded not guilty', 'maintained his innocence', 'insisted on her innocence' (not 'pleaded guilty')."""
    lemma = verb.lemma_.lower()
    if lemma == "plead":
        return any(c.lower_ in ("guilty", "innocent") and negated(c) or c.lower_ == "innocent" for c in verb.children)
    if lemma not in INNOCENCE_VERBS:
        return False
    return any(o.lemma_.lower() == "innocence" for o in objects(verb) + prep_objects(verb, "on"))


# What an accusation is called when it is rejected, beyond the lexicon's DENY_PHRASES: only ever
# read of an accusation noun ("the charges were politically motivated"), never of a decision or deed.
REBUTTAL_PHRASES = (
    "politically motivated", "smear", "witch hunt", "witch-hunt", "trumped-up", "trumped up", "concocted",
    "ridiculous", "laughable", "preposterous", "rubbish", "is false", "are false", "was false", "were false",
    "completely false", "entirely false", "utterly false", "no basis", "without basis", "fiction", "fairy tale",
)  # fmt: skip
