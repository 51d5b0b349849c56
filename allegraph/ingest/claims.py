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
from allegraph.ingest.acts import act_doers, expand, perpetrators
from allegraph.ingest.cue_targets import affiliated_targets, defender, rebuked_critics, rebuker_owned
from allegraph.ingest.denials import defended_conduct
from allegraph.ingest.nonclaims import player_denied, unrealised_consequence
from allegraph.ingest.reactions import drawer, faced_by, led_to
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
# Who answers a criticism or an accusation is its target ("in response to X's criticism").
ANSWER_VERBS = {"respond", "react", "reply"}
ANSWER_NOUNS = {"response", "reply", "answer", "retort", "rebuttal"}
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
