"""Claim rules over a parsed document: speech-act verbs, cue nouns, reported speech, quotes.

Each rule yields ClaimDrafts with actor keys from the document's ActorIndex; the pipeline
turns them into typed Claims. Precision first: a rule fires only when the speaker resolves
to a named actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.acts import act_doers, expand
from allegraph.ingest.cue_targets import affiliated_targets
from allegraph.ingest.denials import defended_conduct
from allegraph.ingest.nonclaims import player_denied
from allegraph.ingest.speakers import grief, unrealised_speech
from allegraph.ingest.syntax import (
    PUBLISH_VERBS,
    SPEAKING_NOUNS,
    hypothetical,
    is_passive,
    is_possessor,
    negated,
    objects,
    passive_subject,
    phrase,
    prep_objects,
    subject,
)

LABELLING_VERBS = {"call", "describe", "term", "label", "brand", "characterize", "characterise"}
# Verbs that tell where words come from ("allegations emanating from Moscow").
SOURCE_VERBS = {"come", "coming", "emanate", "emanating", "originate", "originating", "flow", "flowing", "pour"}


@dataclass
class ClaimDraft:
    kind: str
    speaker: str
    target: str | None
    charge: str
    sent: Span
    anchor: int
    rule: str
    modality: str = "asserted"
    quote: str | None = None
    responds_to: int | None = None
    content: int | None = None  # root of what was said or denied, for answering accusations


def or_none(keys: list[str]) -> list[str | None]:
    return list(keys) if keys else [None]


def cue_lemma(token: Token) -> str | None:
    lower = token.lower_
    if token.pos_ in ("VERB", "AUX") or (token.is_title and lower in lx.FORMS):
        lemma = token.lemma_.lower()
        if lemma in lx.SPEECH_ACT_VERBS:
            return lemma
        return lx.FORMS.get(lower)
    return None


def speakers_of(index: ActorIndex, verb: Token) -> list[str]:
    if is_passive(verb):
        return [k for agent in prep_objects(verb, "by") for k in expand(index, agent)]
    subj = subject(verb)
    return expand(index, subj) or authors_of(index, subj)


def authors_of(index: ActorIndex, noun: Token | None) -> list[str]:
    """'a report from Amnesty said', 'the ministry's statement said': the author of a text speaks."""
    if noun is None or noun.lemma_.lower() not in SPEAKING_NOUNS:
        return []
    authors = [c for c in noun.children if is_possessor(c)] + prep_objects(noun, "from", "by")
    authors += [a for c in noun.children if c.lemma_.lower() in PUBLISH_VERBS for a in _publisher(c)]
    keys = [k for a in authors for k in expand(index, a)]
    if not keys and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and not is_passive(noun.head):
        keys = expand(index, subject(noun.head))  # "Chile sent a letter accusing ...": the sender
    return keys


def _publisher(verb: Token) -> list[Token]:
    """'a bulletin issued by X' (the agent), 'a report that X released' (the relative clause's subject)."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return prep_objects(verb, "by")
    relative = any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in verb.children)
    if verb.dep_ == "relcl" and relative and not negated(verb):
        return [c for c in verb.children if c.dep_ == "nsubj"]
    return []


def hedged(sent: Span, verb: Token) -> bool:
    if verb.lemma_.lower() in lx.HEDGE_VERBS:
        return True
    return any(t.lower_ in lx.HEDGE_WORDS for t in sent)


# --- speech-act verbs --------------------------------------------------------------------


# The tokens speech_act_claims can act on (a cue lemma or form, 'hold', a defence verb): it skips the rest.
SPEECH_ACT_LEMMAS = {*lx.SPEECH_ACT_VERBS, "hold", *lx.DEFENCE_VERBS}


def speech_act_claims(index: ActorIndex, sent: Span, headline: bool) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    for token in index.table.candidates(sent, SPEECH_ACT_LEMMAS, lx.FORMS):
        lemma = cue_lemma(token)
        kind = lx.SPEECH_ACT_VERBS.get(lemma or "")
        if token.lemma_.lower() == "hold" and any(c.lower_ in lx.RESPONSIBLE_WORDS for c in token.subtree):
            kind, lemma = "blame", "hold"
        if kind is None and token.lemma_.lower() in lx.DEFENCE_VERBS and token.pos_ == "VERB":
            drafts.extend(_defence_claims(index, token, sent))
            continue
        if kind is None or lemma is None or negated(token) or hypothetical(token) or unrealised_speech(token):
            continue
        if grief(token):
            continue  # "lamented the loss of ..."
        if lemma in lx.LEGAL_ACTION_VERBS and not _alleged_wrong(token):
            continue  # "sued the city", "sued for damages": a procedural step, no allegation
        if lemma in ("allege", "charge") and not objects(token):
            continue  # "alleged that ..." is reported speech, handled with its content
        if lemma in lx.ACTOR_OBJECT_VERBS and not _verbal_object(index, token):
            continue  # "attacked a convoy" is violence, not speech
        speakers = speakers_of(index, token)
        if not speakers:
            continue
        for target, charge in _targets(index, token, kind, lemma, speakers):
            for speaker in speakers:
                tgt = _other_speaker(speaker, speakers) if target == "<each-other>" else target
                drafts.append(
                    ClaimDraft(kind, speaker, tgt, charge, sent, token.i, f"verb:{lemma}",
                               "hedged" if hedged(sent, token) else "asserted")
                )  # fmt: skip
    return drafts


def _alleged_wrong(verb: Token) -> bool:
    """'sued X for harassment', 'sued X over the leak': the wrong a legal action alleges."""
    wrongs = [
        o for o in prep_objects(verb, "for", "over") if o.pos_ == "NOUN" and o.lemma_.lower() not in lx.REMEDY_NOUNS
    ]
    return any(not any(c.like_num or c.tag_ == "$" for c in w.subtree) for w in wrongs)


def _defence_claims(index: ActorIndex, verb: Token, sent: Span) -> list[ClaimDraft]:
    """'X defended herself against Y's accusations': a denial of Y's charge (not 'defended the deal')."""
    if negated(verb) or hypothetical(verb):
        return []
    charges = [o for o in prep_objects(verb, "against") if o.lemma_.lower() in lx.ANSWERABLE_NOUNS | {"criticism"}]
    speakers = speakers_of(index, verb)
    if not charges:
        charges = defended_conduct(index, verb, speakers)  # "defended its record": its side's conduct was criticised
        speakers = speakers if charges else []
    accusers = [k for c in charges for k in accuser_of(index, c) if k not in speakers]
    return [
        ClaimDraft("deny", s, t, phrase(charges[0]), sent, verb.i, f"verb:{verb.lemma_.lower()}")
        for s in speakers
        for t in or_none(accusers)
    ]


def _verbal_object(index: ActorIndex, verb: Token) -> bool:
    """The object of 'attack' is a person, a party, or what an actor said or did ("Labour's pledges"),
    never attacked with a weapon ("attacked the ambassador with a knife")."""
    if any(w.lemma_.lower() in lx.WEAPONS or w.lemma_.lower() in lx.WRONG_NOUNS for w in prep_objects(verb, "with")):
        return False
    if prep_objects(verb, "as", "for") and not is_passive(verb):
        return True
    for obj in objects(verb):
        for key in index.resolve(obj):
            if index.actors[key].type == "Person" or index.actors[key].party:
                return True
        owned = any(is_possessor(c) and index.resolve(c) for c in obj.children)
        if owned and obj.lemma_.lower() in lx.DISCOURSE_NOUNS:
            return True  # "attacked Labour's pledges", not "attacked Guzman's ranch"
    return False


def _other_speaker(speaker: str, speakers: list[str]) -> str | None:
    others = [s for s in speakers if s != speaker]
    return others[0] if others else None


def _charge_of(token: Token, default: Token | None = None) -> str:
    for prep in ("of", "for", "over", "with"):
        objs = prep_objects(token, prep)
        if objs:
            return phrase(objs[0])
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return phrase(child)
    return phrase(default) if default is not None else ""


def _targets(
    index: ActorIndex, verb: Token, kind: str, lemma: str, speakers: list[str]
) -> list[tuple[str | None, str]]:
    objs = objects(verb)
    if is_passive(verb):
        subj = passive_subject(verb)
        objs = [subj, *subj.conjuncts] if subj is not None else []
    if any(o.lower_ in ("other", "another") for o in objs):
        return [("<each-other>", _charge_of(verb))]
    if kind == "deny":
        return _deny_targets(index, verb, lemma, objs)
    described = [] if objs else _described(verb)  # "criticised what he described as the deal negotiated by X"
    objs = objs or described
    targets: list[tuple[str | None, str]] = []
    for obj in objs:
        for key in index.resolve(obj):
            targets.append((key, _charge_of(verb, obj) if kind in ("accuse", "blame") else phrase(obj)))
    if targets:
        return targets
    if kind == "blame":
        for pobj in prep_objects(verb, "on"):
            targets.extend((k, phrase(objs[0]) if objs else "") for k in expand(index, pobj, modifiers=True))
    if not targets and objs:  # "accused officers from China", "his fellow UKIP MEPs": people by affiliation
        for obj in objs:
            doers = act_doers(index, obj)  # "the beheading of X by Y": Y, never the victim X
            if doers is not None:
                targets.extend((k, phrase(obj)) for k in doers if k not in speakers)
                continue
            targets.extend((k, phrase(obj)) for k in index.resolve(obj, modifiers=True) if k not in speakers)
            targets.extend((k, phrase(obj)) for k in _described_agents(index, obj) if k not in speakers)
        if not targets:
            targets = [(k, _charge_of(verb)) for k in affiliated_targets(index, verb, objs) if k not in speakers]
    if not targets and kind == "condemn" and objs and not described:
        return [(None, phrase(objs[0]))]  # a free relative's label alone ("what it called threats") is no act
    return targets


def _described(verb: Token) -> list[Token]:
    """The thing a free relative labels: 'what he described as the deal', 'what it called threats'."""
    for clause in verb.children:
        if (
            clause.dep_ in ("ccomp", "dobj")
            and clause.lemma_.lower() in LABELLING_VERBS
            and any(c.lower_ == "what" for c in clause.children)
        ):
            labelled = [c for c in clause.children if c.dep_ == "oprd"] + prep_objects(clause, "as")
            return [t for n in labelled for t in (n, *n.conjuncts)]
    return []


def _described_agents(index: ActorIndex, noun: Token) -> list[str]:
    """'the deal negotiated by X', 'what it called threats by X': who made the labelled thing."""
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl")]
    if noun.dep_ == "oprd":
        holders.append(noun.head)  # "called threats by X": the parser hangs "by X" on the verb
    return [k for h in holders for a in prep_objects(h, "by") for k in expand(index, a)]


def accuser_of(index: ActorIndex, noun: Token) -> list[str]:
    """Who made the accusation a noun like 'allegations' names: its possessor or 'by X'."""
    keys: list[str] = []
    for child in noun.children:
        if is_possessor(child) or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            keys.extend(expand(index, child))
    for pobj in prep_objects(noun, "by", "from"):
        keys.extend(expand(index, pobj))
    return keys or [k for origin in _origins(noun) for k in expand(index, origin)]


def _origins(noun: Token) -> list[Token]:
    """'claims coming from X', 'a stream of false charges coming out of X': where the words come from."""
    node, verbs = noun, [c for c in noun.children if c.dep_ == "acl"]
    for _ in range(3):  # up through "a stream of", "with": to the clause the words come in
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            break
        node = node.head.head
        verbs += [node] if node.pos_ == "VERB" else [c for c in node.children if c.dep_ == "acl"]
    found: list[Token] = []
    for verb in (v for v in verbs if v.lemma_.lower() in SOURCE_VERBS or v.lower_ in SOURCE_VERBS):
        found += prep_objects(verb, "from")
        found += [o for out in verb.children if out.lower_ == "out" for o in prep_objects(out, "of")]
    return found


def _states_something(noun: Token) -> bool:
    """'the suggestion that the WHO was China-centric': the noun carries a claim, not a proposal."""
    return any(c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children) for c in noun.children)


RECIPIENT_PRONOUNS = {"him", "her", "them", "us", "me", "you"}
MOTION_VERBS = {"move", "ask", "seek", "petition", "request", "apply", "vote", "decide", "agree", "motion"}
COURT_WORDS = {"judge", "court", "tribunal", "jury", "magistrate", "prosecutor", "prosecutors", "justice"}


def _procedural(verb: Token) -> bool:
    """Dismissing charges as a step of the proceedings: asked for, or done by a court or prosecutor."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in MOTION_VERBS:
        return True
    subj = subject(verb)
    words = [subj, *subj.children] if subj is not None else []
    return any(w.lemma_.lower() in COURT_WORDS for w in words)


def _deny_targets(index: ActorIndex, verb: Token, lemma: str, objs: list[Token]) -> list[tuple[str | None, str]]:
    if lemma == "dismiss" and _procedural(verb):
        return []  # "moved to dismiss the charges", "the judge dismissed the case": a court's step
    withheld = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    recipient = lemma == "deny" and any(o.lower_ in RECIPIENT_PRONOUNS or index.resolve(o) for o in withheld)
    if len(withheld) > 1 or recipient or any(c.dep_ == "dative" for c in withheld):
        return []  # "deny people the right to", "denied him a visa", "denies them that option": withholding
    if any(o.lemma_.lower() in lx.PROPOSAL_NOUNS and not _states_something(o) for o in objs):
        return []  # rejecting a proposal is refusing it; rejecting "the suggestion that X did Y" is a denial
    has_clause = any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    targets: list[tuple[str | None, str]] = []
    for obj in objs:
        direct = index.resolve(obj)
        if direct and lemma not in lx.PERSON_OBJECT_DENIALS:
            continue  # "dismissed the agency's head", "rejected the candidate": not answering an accusation
        if direct:
            targets.extend((k, _charge_of(verb)) for k in direct)
        elif obj.lemma_.lower() in lx.ACCUSATION_NOUNS or obj.lower_ in lx.ACCUSATION_NOUNS:
            accusers = accuser_of(index, obj)
            targets.extend((k, phrase(obj)) for k in accusers)
            if not accusers:
                targets.append((None, phrase(obj)))
    if targets:
        return targets
    if lemma == "deny" and not has_clause and objs and all(player_denied(o) for o in objs):
        return []  # "the keeper denied the striker"
    if lemma == "deny" and (objs or has_clause):
        content = objs[0] if objs else next(c for c in verb.children if c.dep_ in ("ccomp", "xcomp"))
        return [(None, phrase(content))]
    return []
