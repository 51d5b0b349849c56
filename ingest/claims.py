"""Claim rules over a parsed document: speech-act verbs, cue nouns, reported speech, quotes.

Each rule yields ClaimDrafts with actor keys from the document's ActorIndex; the pipeline
turns them into typed Claims. Precision first: a rule fires only when the speaker resolves
to a named actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ingest import lexicon as lx
from ingest.actors import ActorIndex
from ingest.syntax import (
    hypothetical,
    is_passive,
    negated,
    objects,
    passive_subject,
    phrase,
    prep_objects,
    subject,
)


@dataclass
class ClaimDraft:
    kind: str
    speaker: str
    target: str | None
    charge: str
    sent: Span
    anchor: int
    confidence: float
    rule: str
    modality: str = "asserted"
    quote: str | None = None
    responds_to: int | None = None
    content: int | None = None  # root of what was said or denied, for answering accusations


def _or_none(keys: list[str]) -> list[str | None]:
    return list(keys) if keys else [None]


def cue_lemma(token: Token) -> str | None:
    lower = token.lower_
    if token.pos_ in ("VERB", "AUX") or (token.is_title and lower in lx.FORMS):
        lemma = token.lemma_.lower()
        if lemma in lx.SPEECH_ACT_VERBS:
            return lemma
        return lx.FORMS.get(lower)
    return None


def expand(index: ActorIndex, token: Token | None, *, modifiers: bool = False) -> list[str]:
    if token is None:
        return []
    keys: list[str] = []
    for node in [token, *token.conjuncts]:
        keys.extend(k for k in index.resolve(node, modifiers=modifiers) if k not in keys)
    return keys


def speakers_of(index: ActorIndex, verb: Token) -> list[str]:
    if is_passive(verb):
        return [k for agent in prep_objects(verb, "by") for k in expand(index, agent)]
    return expand(index, subject(verb))


def hedged(sent: Span, verb: Token) -> bool:
    if verb.lemma_.lower() in lx.HEDGE_VERBS:
        return True
    return any(t.lower_ in lx.HEDGE_WORDS for t in sent)


# --- speech-act verbs --------------------------------------------------------------------


def speech_act_claims(index: ActorIndex, sent: Span, headline: bool) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    for token in sent:
        lemma = cue_lemma(token)
        kind = lx.SPEECH_ACT_VERBS.get(lemma or "")
        if token.lemma_.lower() == "hold" and any(c.lower_ in lx.RESPONSIBLE_WORDS for c in token.subtree):
            kind, lemma = "blame", "hold"
        if kind is None or lemma is None or negated(token) or hypothetical(token):
            continue
        if lemma in ("allege", "charge") and not objects(token):
            continue  # "alleged that ..." is reported speech, handled with its content
        speakers = speakers_of(index, token)
        if not speakers:
            continue
        for target, charge in _targets(index, token, kind, lemma, speakers):
            for speaker in speakers:
                tgt = _other_speaker(speaker, speakers) if target == "<each-other>" else target
                drafts.append(
                    ClaimDraft(kind, speaker, tgt, charge, sent, token.i, 0.65 if headline else 0.9, f"verb:{lemma}",
                               "hedged" if hedged(sent, token) else "asserted")
                )  # fmt: skip
    return drafts


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
    targets: list[tuple[str | None, str]] = []
    for obj in objs:
        for key in index.resolve(obj):
            targets.append((key, _charge_of(verb, obj) if kind in ("accuse", "blame") else phrase(obj)))
    if targets:
        return targets
    if kind == "blame":
        for pobj in prep_objects(verb, "on"):
            targets.extend((k, phrase(objs[0]) if objs else "") for k in expand(index, pobj, modifiers=True))
    if not targets and objs and kind in ("condemn", "blame"):
        for obj in objs:
            targets.extend((k, phrase(obj)) for k in index.resolve(obj, modifiers=True) if k not in speakers)
    if not targets and kind == "condemn" and objs:
        return [(None, phrase(objs[0]))]
    return targets


def accuser_of(index: ActorIndex, noun: Token) -> list[str]:
    """Who made the accusation a noun like 'allegations' names: its possessor or 'by X'."""
    keys: list[str] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            keys.extend(expand(index, child))
    for pobj in prep_objects(noun, "by", "from"):
        keys.extend(expand(index, pobj))
    return keys


def _deny_targets(index: ActorIndex, verb: Token, lemma: str, objs: list[Token]) -> list[tuple[str | None, str]]:
    if any(o.lemma_.lower() in lx.PROPOSAL_NOUNS for o in objs):
        return []
    has_clause = any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    targets: list[tuple[str | None, str]] = []
    for obj in objs:
        direct = index.resolve(obj)
        if direct:
            targets.extend((k, _charge_of(verb)) for k in direct)
        elif obj.lemma_.lower() in lx.ACCUSATION_NOUNS or obj.lower_ in lx.ACCUSATION_NOUNS:
            accusers = accuser_of(index, obj)
            targets.extend((k, phrase(obj)) for k in accusers)
            if not accusers:
                targets.append((None, phrase(obj)))
    if targets:
        return targets
    if lemma == "deny" and (objs or has_clause):
        content = objs[0] if objs else next(c for c in verb.children if c.dep_ in ("ccomp", "xcomp"))
        return [(None, phrase(content))]
    return []


# --- cue nouns ---------------------------------------------------------------------------


def noun_claims(index: ActorIndex, sent: Span, headline: bool) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    for token in sent:
        kind = lx.NOUN_CUES.get(token.lemma_.lower())
        if kind is None or token.pos_ != "NOUN":
            continue
        speakers = accuser_of(index, token)
        if not speakers:
            continue
        if kind == "deny":
            drafts.extend(
                ClaimDraft("deny", s, None, phrase(token), sent, token.i, 0.7, "noun:denial") for s in speakers
            )
            continue
        perps: list[str] = []
        for pobj in prep_objects(token, "against"):
            perps.extend(expand(index, pobj))
        for child in token.children:
            if child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX"):
                perps.extend(p for p, _ in _perpetrators(index, child))
        charge = phrase(token)
        for speaker in speakers:
            for perp in dict.fromkeys(perps):
                drafts.append(ClaimDraft(kind, speaker, perp, charge, sent, token.i, 0.6 if headline else 0.75, "noun"))
    return drafts


# --- reported speech and quotes -------------------------------------------------------------


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
    if lemma not in lx.WRONG_VERBS:
        return lemma in lx.LIGHT_VERBS and _wrongful_object(token)
    if lemma in lx.LIGHT_VERBS:
        return _wrongful_object(token) or (is_passive(token) and _act_subject(token))
    return True


def _act_subject(token: Token) -> bool:
    subj = passive_subject(token)
    return subj is not None and subj.lemma_.lower() in lx.ACT_NOUNS


def _perpetrators(index: ActorIndex, verb: Token) -> list[tuple[str, Token]]:
    """(actor, clause verb) pairs for wrongful acts a clause asserts."""
    found: list[tuple[str, Token]] = []
    for clause in _clause_verbs(verb):
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
            found.extend((k, clause) for k in index.resolve(subj, modifiers=True))
        if clause.lemma_ == "be" and subj is not None and prep_objects(clause, *lx.BEHIND_WORDS):
            found.extend((k, clause) for k in expand(index, subj))
    return found


def _clause_verbs(verb: Token) -> list[Token]:
    out = [verb]
    for child in verb.children:
        if child.dep_ in ("conj", "xcomp") and child.pos_ in ("VERB", "AUX"):
            out.extend(_clause_verbs(child))
    return out


def _content_kind(clause: Token, sent_text: str) -> str:
    if clause.lemma_ == "be" and prep_objects(clause, *lx.BEHIND_WORDS):
        return "blame"
    if lx.has_phrase(sent_text, lx.CONDEMN_PHRASES):
        return "condemn"
    return "accuse"


def _denial(index: ActorIndex, content: Token, sent: Span) -> tuple[bool, list[str]]:
    text = " ".join(t.lower_ for t in content.subtree).replace(" n't", " not").replace(" do n't", " do not")
    phrase_hit = lx.has_phrase(text, lx.DENY_PHRASES)
    negated_act = any(
        negated(v) and any(t.lemma_.lower() in lx.ACT_NOUNS or is_wrongful_verb(t) for t in v.subtree)
        for v in _clause_verbs(content)
        if v.pos_ in ("VERB", "AUX")
    )
    if not (phrase_hit or negated_act):
        return False, []
    accusers = [k for t in content.subtree if t.lemma_.lower() in lx.ACCUSATION_NOUNS for k in accuser_of(index, t)]
    return True, accusers


def content_claims(
    index: ActorIndex, content: Token, speakers: list[str], sent: Span, rule: str, confidence: float, quote: str | None
) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    is_denial, accusers = _denial(index, content, sent)
    text = sent.text.lower()
    if is_denial:
        for speaker in speakers:
            for target in _or_none(accusers):
                drafts.append(
                    ClaimDraft(
                        "deny",
                        speaker,
                        target,
                        phrase(content),
                        sent,
                        content.i,
                        confidence,
                        rule + ":deny",
                        quote=quote,
                        content=content.i,
                    )
                )
        return drafts
    for perp, clause in _perpetrators(index, content):
        kind = _content_kind(clause, text)
        for speaker in speakers:
            drafts.append(
                ClaimDraft(kind, speaker, perp, phrase(clause), sent, clause.i, confidence, rule, quote=quote)
            )
    return drafts


def reported_speech_claims(index: ActorIndex, sent: Span, headline: bool) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    for token in sent:
        if token.lemma_.lower() not in lx.SAY_VERBS or token.pos_ not in ("VERB", "AUX"):
            continue
        if negated(token) or hypothetical(token):
            continue
        speakers = speakers_of(index, token)
        if not speakers:
            continue
        contents = [c for c in token.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
        if token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX"):
            contents.append(token.head)
        if token.lemma_ == "complain":
            contents.extend(
                t for t in token.subtree if t.dep_ in ("pcomp", "pobj") and t.pos_ in ("VERB", "AUX", "NOUN")
            )
        confidence = 0.55 if headline else 0.7
        modality = "hedged" if hedged(sent, token) else "asserted"
        for content in contents:
            if _nested_speech(index, content):
                continue  # "A said B told ...": B's words are B's claim, found at B's verb
            for draft in content_claims(index, content, speakers, sent, f"said:{token.lemma_}", confidence, None):
                draft.modality = modality
                draft.anchor = token.i
                drafts.append(draft)
        drafts.extend(_act_noun_claims(index, token, speakers, sent, confidence))
        drafts.extend(_called_claims(index, token, speakers, sent, confidence))
    return drafts


def _nested_speech(index: ActorIndex, content: Token) -> bool:
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


def _act_noun_claims(index: ActorIndex, verb: Token, speakers: list[str], sent: Span, conf: float) -> list[ClaimDraft]:
    """'complained about the crimes of X', 'said X's aggression ...': harmful acts named by nouns."""
    drafts: list[ClaimDraft] = []
    for token in _content_tokens(index, verb):
        if token.lemma_.lower() not in lx.ACT_NOUNS or token.pos_ != "NOUN":
            continue
        if any(
            a.lemma_.lower() in lx.HEARSAY_NOUNS or negated(a)
            for a in token.ancestors
            if a.i != verb.i and verb in a.ancestors
        ):
            continue
        for perp in index.resolve(token, modifiers=True):
            kind = "condemn" if lx.has_phrase(sent.text.lower(), lx.CONDEMN_PHRASES) else "accuse"
            drafts.extend(
                ClaimDraft(kind, s, perp, phrase(token), sent, token.i, conf - 0.1, "said:act-noun") for s in speakers
            )
    return drafts


def _called_claims(index: ActorIndex, verb: Token, speakers: list[str], sent: Span, conf: float) -> list[ClaimDraft]:
    """'A called B's allegations "a horror story"' (deny); 'A called the strikes a blatant violation' (condemn)."""
    if verb.lemma_ != "call":
        return []
    text = " ".join(t.lower_ for t in verb.subtree if t.i > verb.i)
    objs = objects(verb)
    if lx.has_phrase(text, lx.DENY_PHRASES):
        accusers = [k for o in objs for k in accuser_of(index, o)]
        return [
            ClaimDraft("deny", s, t, phrase(objs[0]) if objs else text, sent, verb.i, conf, "called:deny")
            for s in speakers
            for t in _or_none(accusers)
        ]
    if lx.has_phrase(text, lx.CONDEMN_PHRASES):
        targets = [k for o in objs for k in index.resolve(o, modifiers=True)]
        return [
            ClaimDraft("condemn", s, t, text[:120], sent, verb.i, conf, "called:condemn")
            for s in speakers
            for t in _or_none(targets)
        ]
    return []
