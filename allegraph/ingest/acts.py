"""Wrongful acts in a clause and who committed them: the shared core of the claim rules."""

from __future__ import annotations

from spacy.tokens import Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.nonclaims import behind_a_deed
from allegraph.ingest.syntax import hypothetical, is_passive, negated, objects, passive_subject, prep_objects, subject


def expand(index: ActorIndex, token: Token | None, *, modifiers: bool = False) -> list[str]:
    if token is None:
        return []
    keys: list[str] = []
    for node in [token, *token.conjuncts]:
        keys.extend(k for k in index.resolve(node, modifiers=modifiers) if k not in keys)
    return keys


def _wrongful_object(token: Token) -> bool:
    for obj in [*objects(token), *prep_objects(token, "out", "of")]:
        lemma = obj.lemma_.lower()
        if lemma in lx.ACT_NOUNS:
            return True
        if lemma in lx.WRONG_NOUNS and any(
            c.lemma_.lower() in lx.ACT_NOUNS or c.lower_ in ("information", "aggressive", "combat", "bombing", "smear")
            for c in obj.children
        ):
            return True
    return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children) and any(
        o.lemma_.lower() in lx.WRONG_NOUNS for o in objects(token)
    )


def is_wrongful_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in lx.BREACH_VERBS and any(o.lemma_.lower() in lx.HARMLESS_OBJECTS for o in objects(token)):
        return False  # "strike a deal", "hit a record" (but "breached the agreement" is the wrong itself)
    parts = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "prt")}
    if any(word in parts for word in lx.WRONG_IDIOMS.get(lemma, ())):
        return True  # "turning a blind eye", "covered up", "playing politics"
    if lemma in lx.SPREAD_VERBS:
        return any(_falsehood(o) for o in objects(token))
    if lemma not in lx.WRONG_VERBS:
        return lemma in lx.LIGHT_VERBS and _wrongful_object(token)
    if lemma in lx.LIGHT_VERBS:
        return _wrongful_object(token) or (is_passive(token) and _act_subject(token))
    return True


def _falsehood(noun: Token) -> bool:
    """'disinformation', 'lies', 'false narratives', 'conspiracy theories': what deceives."""
    if noun.lemma_.lower() in lx.FALSEHOOD_NOUNS:
        return True
    if noun.lemma_.lower() in lx.NOT_FALSEHOODS:
        return False
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound")]
    return any(t.lower_ in lx.FALSE_WORDS for m in modifiers for t in [m, *m.conjuncts])


def _act_subject(token: Token) -> bool:
    subj = passive_subject(token)
    return subj is not None and subj.lemma_.lower() in lx.ACT_NOUNS


def act_authors(index: ActorIndex, noun: Token) -> list[str]:
    """Who did the act a noun names: its modifiers ("Y's attacks", "attacks by Y") or the agent of a
    verb of doing ("atrocities committed by Y", "the raid carried out by Y"; not "witnessed by Y")."""
    keys = index.resolve(noun, modifiers=True)
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in AUTHOR_VERBS and _live(clause):
            keys.extend(
                k for a in prep_objects(clause, "by") for k in expand(index, a, modifiers=True) if k not in keys
            )
    return keys


def _live(clause: Token) -> bool:
    return not negated(clause) and not hypothetical(clause)


def perpetrators(index: ActorIndex, verb: Token) -> list[tuple[str, Token]]:
    """(actor, clause verb) pairs for wrongful acts a clause asserts."""
    found: list[tuple[str, Token]] = []
    for clause in clause_verbs(verb):
        if negated(clause) or hypothetical(clause):
            continue
        if is_wrongful_verb(clause):
            if is_passive(clause):
                agents = prep_objects(clause, "by", "via", "from")
                keys = [k for a in agents for k in expand(index, a, modifiers=True)]
                subj = passive_subject(clause)
                if not keys and subj is not None and subj.lemma_.lower() in lx.ACT_NOUNS:
                    keys = index.resolve(subj, modifiers=True)
            else:
                keys = expand(index, subject(clause), modifiers=True)
            found.extend((k, clause) for k in keys)
        subj = subject(clause)
        if subj is not None and subj.lemma_.lower() in lx.ACT_NOUNS:
            doers = act_doers(index, subj)  # "the killing of X was a crime": not X
            found.extend((k, clause) for k in (act_authors(index, subj) if doers is None else doers))
        if clause.lemma_ == "be" and subj is not None and behind_a_deed(index, clause):
            found.extend((k, clause) for k in expand(index, subj))
        if clause.lemma_ == "be" and subj is not None and _in_breach(clause):
            found.extend((k, clause) for k in expand(index, subj, modifiers=True))  # "Y was in violation of"
        if _involved(clause):
            found.extend((k, clause) for k in expand(index, subj or passive_subject(clause), modifiers=True))
        if subj is not None and _amounts_to_wrong(clause):
            found.extend((k, clause) for k in act_authors(index, subj) if (k, clause) not in found)
    return found


def _act_in(holder: Token) -> bool:
    return any(o.lemma_.lower() in lx.ACT_NOUNS for o in prep_objects(holder, "in"))


def _involved(clause: Token) -> bool:
    """A part in an act: 'Y was involved / complicit in the killings', 'Y took part / had a hand in the attack'."""
    lemma = clause.lemma_.lower()
    if lemma in ("involve", "implicate") and is_passive(clause):
        return _act_in(clause)
    if lemma == "participate":
        return _act_in(clause)
    if lemma in ("take", "have"):
        return any(o.lemma_.lower() in ("part", "hand", "role") and _act_in(o) for o in objects(clause)) or (
            any(o.lemma_.lower() in ("part", "hand", "role") for o in objects(clause)) and _act_in(clause)
        )
    complements = [c for c in clause.children if c.dep_ == "acomp" and c.lemma_.lower() in lx.COMPLICIT_WORDS]
    return lemma == "be" and any(_act_in(c) or _act_in(clause) for c in complements)


def _amounts_to_wrong(clause: Token) -> bool:
    """'Y's actions amounted to a war crime', 'the strikes by Y constitute a violation of the truce'."""
    if clause.lemma_.lower() == "amount":
        named = prep_objects(clause, "to")
    elif clause.lemma_.lower() == "constitute":
        named = objects(clause)
    else:
        return False
    return any(o.lemma_.lower() in lx.ACT_NOUNS or o.lemma_.lower() in lx.BREACH_NOUNS for o in named)


def _in_breach(clause: Token) -> bool:
    return any(o.lemma_.lower() in lx.BREACH_NOUNS for o in prep_objects(clause, "in"))


def clause_verbs(verb: Token) -> list[Token]:
    out = [verb]
    for child in verb.children:
        if child.dep_ in ("conj", "xcomp") and child.pos_ in ("VERB", "AUX"):
            out.extend(clause_verbs(child))
    return out


EVENT_PREPS = {"in", "during", "for", "with"}
# Verbs whose subject is the author of the event noun they take: "X carried out / staged a raid".
AUTHOR_VERBS = lx.LIGHT_VERBS | {"stage", "mount", "order", "perform", "hold", "organise", "organize", "unleash",
                                 "perpetrate"}  # fmt: skip


def _author_clause(noun: Token) -> Token | None:
    """The clause an earlier mention of an event belongs to: 'X carried out a raid', 'X stormed it in a raid',
    'the strikes carried out by X'."""
    held = _by_participles(noun)
    if held and held[0].lemma_.lower() in AUTHOR_VERBS:
        return held[0]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in AUTHOR_VERBS:
        return noun.head  # not "demanded they stop the exercises", "investigated the raid"
    if noun.dep_ == "pobj" and noun.head.lower_ in EVENT_PREPS and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def _agent_participle(noun: Token) -> Token | None:
    """A participle describing the event noun that names its doer: 'the drills held jointly by X'."""
    doers = AUTHOR_VERBS | lx.WRONG_VERBS
    return next((c for c in _by_participles(noun) if c.lemma_.lower() in doers), None)


def _by_participles(noun: Token) -> list[Token]:
    """Past participles describing the noun with a 'by' agent: 'the raid carried out by X'."""
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and prep_objects(c, "by")]


def _speech(clause: Token) -> bool:
    """'Turkey blamed Russia for the attacks' tells who judged the deed, not who did it."""
    lemma = clause.lemma_.lower()
    return lemma in lx.SAY_VERBS or lemma in lx.SPEECH_ACT_VERBS or lemma in lx.DEFENCE_VERBS


def _own_subject(clause: Token) -> Token | None:
    """The clause's own subject, not one inherited from a clause it hangs on."""
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)


def event_author(index: ActorIndex, noun: Token) -> list[str]:
    """'criticised the raid': who carried out the raid an earlier sentence tells of, as the nearest
    earlier mention of the same word that names one (as a deed, 'X raided', or in X's clause, 'X stormed it in a raid')."""
    lemma = noun.lemma_.lower()
    doc = noun.doc
    for token in reversed(doc[: noun.sent.start]):
        if token.lemma_.lower() != lemma:
            continue
        clause = token if token.pos_ == "VERB" else _author_clause(token)
        if clause is None:
            clause = _agent_participle(token)  # "the exercises held by X", "the strikes launched by X"
        if clause is None or negated(clause) or hypothetical(clause) or _speech(clause):
            continue
        by_agent = is_passive(clause) or (clause.dep_ == "acl" and clause.tag_ == "VBN")
        agents = prep_objects(clause, "by") if by_agent else [_own_subject(clause)]
        keys = [k for a in agents for k in expand(index, a, modifiers=True)]
        if keys:  # "weapons were seized during the raid" names no one: look further back
            return keys
    return []


# Acts done to someone: "the killing of X", "X's arrest" name the victim, not who did it.
PATIENT_NOUNS = {"killing", "murder", "beheading", "execution", "assassination", "arrest", "detention", "abduction",
                 "kidnapping", "shooting", "torture", "imprisonment", "jailing", "deportation", "expulsion",
                 "persecution", "harassment", "death", "disappearance", "poisoning", "lynching"}  # fmt: skip


def act_doers(index: ActorIndex, noun: Token) -> list[str] | None:
    """Who did the act a noun names: 'the beheading of X by Y' is Y's; for an act done to someone,
    only 'by Y' or a state's adjective ('the Saudi killing of X') tells the doer ([] when neither does).
    None when the noun is no such act (the caller's own rules apply)."""
    agents = [k for a in prep_objects(noun, "by") for k in expand(index, a, modifiers=True)]
    if agents:
        return agents
    if noun.lemma_.lower() not in PATIENT_NOUNS:
        return None
    doers: list[str] = []
    for child in noun.children:
        mention = index.by_token.get(child.i) if child.dep_ in ("amod", "compound") else None
        if mention is not None and mention.kind in ("state", "demonym", "org", "body"):
            doers.extend(k for k in mention.keys if k not in doers)
    return doers
