"""Reported speech and quotes: claims carried by what a speaker said ("A said B's forces
shelled…", "'We did not strike anything,' B said") rather than by a speech-act verb."""

from __future__ import annotations

from spacy.tokens import Span, Token

from allegraph.ingest import denials
from allegraph.ingest import lexicon as lx
from allegraph.ingest.act_nouns import act_noun_claims, depth_below, names_act, nested_speech
from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.acts import act_authors, clause_verbs, expand, is_wrongful_verb, perpetrators
from allegraph.ingest.claims import ClaimDraft, accuser_of, authors_of, hedged, or_none, speakers_of
from allegraph.ingest.judgements import judgements
from allegraph.ingest.nonclaims import demand_call, leaves_deed_open
from allegraph.ingest.syntax import hypothetical, is_passive, negated, objects, phrase, prep_objects, subject

FIRST_PERSON = {"i", "we", "us", "me", "our"}
CLAIMING_VERBS = {"say", "suggest", "claim", "allege", "accuse", "think", "believe", "imply", "assert", "insinuate"}


def passive_agent(verb: Token) -> Token | None:
    agents = prep_objects(verb, "by")
    return agents[0] if agents else None


def _content_kind(clause: Token, sent_text: str) -> str:
    if clause.lemma_ == "be" and prep_objects(clause, *lx.BEHIND_WORDS):
        return "blame"
    if lx.has_phrase(sent_text, lx.CONDEMN_PHRASES):
        return "condemn"
    return "accuse"


def _own_side(index: ActorIndex, verb: Token, speakers: list[str]) -> bool:
    """A denial says the speaker's own side did not do it: 'we did not strike', 'its forces never fired'."""
    subj = subject(verb) or passive_agent(verb)
    victim = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if victim is not None and victim.lower_ in FIRST_PERSON and is_wrongful_verb(verb):
        subj = passive_agent(verb)  # "I wasn't hit", "we were never attacked": the harm's victim, not its doer
    if subj is None:
        return False
    if subj.lower_ in FIRST_PERSON or denials.own_possessed(subj) or _speakers_own(index, subj, speakers):
        return True
    sides = {index.state_of(s) or s for s in speakers}
    # whom the speaker represents is its side too: a party's MP on "the party never took donations"
    represented = {index.represents(s, guess=False) for s in speakers} - {None}
    return any(
        (index.state_of(k) or k) in sides or index.represents(k, guess=False) in represented
        for k in index.resolve(subj, modifiers=True)
    )


def _speakers_own(index: ActorIndex, subj: Token, speakers: list[str]) -> bool:
    """'X said his government never took bribes': 'his' is the speaker when no other person is named."""
    if not any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in subj.children):
        return False
    people = {k for t in subj.sent for k in index.keys_at(t) if index.actors[k].type == "Person"}
    return bool(people) and people <= set(speakers)


def _about_the_claim(verb: Token) -> bool:
    """'it is unfounded', 'that is not true': the subject stands for the accusation just reported
    (an extraposed 'it is absurd to charge farmers' judges a deed; 'it is absurd to suggest' a claim)."""
    subj = subject(verb)
    if verb.lemma_ != "be" or subj is None or subj.lower_ not in ("it", "this", "that", "these", "those"):
        return False
    extraposed = [c for t in (verb, *verb.children) for c in t.children if c.dep_ in ("xcomp", "ccomp")]
    return all(_a_claim(c) for c in extraposed)


def _a_claim(clause: Token) -> bool:
    """'that we attacked', 'to suggest we attacked': the clause is what someone said."""
    said = clause.lemma_.lower() in CLAIMING_VERBS  # not "charge" or "blame": "absurd to charge farmers"
    return said or any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _denied_act(verb: Token) -> bool:
    """The negated verb is the wrong itself ("we did not strike", "never used chemical weapons"),
    not a clause that merely mentions one ("never did I dream that troops would violate")."""
    if is_wrongful_verb(verb):
        return True
    if leaves_deed_open(verb):
        return False  # "did not rule out a strike"
    for obj in objects(verb):
        if obj.lemma_.lower() in lx.ACT_NOUNS:
            return True
        # "has no boats able to carry out a raid": the means of the act
        described = [
            t for c in obj.children if c.dep_ in ("amod", "acl", "relcl") and not _own_clause(c) for t in c.subtree
        ]
        if any((t.lemma_.lower() in lx.WRONG_NOUNS or is_wrongful_verb(t)) and not _alleged(t) for t in described):
            return True
    return False


def _alleged(noun: Token) -> bool:
    """'backed a plan to expel X over alleged abuses': a wrong charged to someone else, not the means of an act."""
    return any(c.lower_ in ("alleged", "suspected", "purported") for c in noun.children)


NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound"}


def _nominal(token: Token) -> bool:
    """'the accusations' (even tagged as a verb), not the verb of 'absurd to charge farmers'."""
    return token.pos_ in ("NOUN", "PROPN") or token.dep_ in NOMINAL_DEPS


def _own_clause(clause: Token) -> bool:
    """'the slightest step the Palestinians were taking to end attacks': a relative clause with a
    subject of its own tells what others do, not what the denied thing is for."""
    return clause.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in clause.children
    )


def _no_object(verb: Token) -> bool:
    """'We have no political prisoners': the object denied by 'no'."""
    return any(c.dep_ == "det" and c.lower_ == "no" for o in objects(verb) for c in o.children)


def _denial(index: ActorIndex, content: Token, sent: Span, speakers: list[str]) -> tuple[bool, list[str]]:
    text = " ".join(t.lower_ for t in content.subtree).replace(" n't", " not").replace(" do n't", " do not")
    clauses = [v for v in clause_verbs(content) if v.pos_ in ("VERB", "AUX")]
    # "baseless", "no evidence": a denial when it is about an accusation or the speaker's own side
    charged = any(t.lemma_.lower() in lx.ACCUSATION_NOUNS and _nominal(t) for t in content.subtree)
    phrase_hit = (lx.has_phrase(text, lx.DENY_PHRASES) and (charged or any(_about_the_claim(v) for v in clauses))) or (
        charged and lx.has_phrase(text, denials.REBUTTAL_PHRASES)  # "a smear" of what "it" is may be a charge
    )
    negated_act = any(
        not hypothetical(v)
        and not denials.future(v)
        and _own_side(index, v, speakers)
        and (
            ((negated(v) or _no_object(v)) and (_denied_act(v) or denials.denied_deed(v)))
            or (not negated(v) and denials.exonerated(v))
        )
        for v in clauses
    )  # "would not restore the sanctions", "will not strike": intentions, not denials
    if not (phrase_hit or negated_act):
        return False, []
    charges = [t for t in content.subtree if t.lemma_.lower() in lx.ACCUSATION_NOUNS and _nominal(t)]
    accusers = [k for t in charges for k in accuser_of(index, t) or denials.source_of(index, t)]
    if not accusers and phrase_hit:
        accusers = _described_author(index, content)
    return True, accusers


def _described_author(index: ActorIndex, content: Token) -> list[str]:
    """'Y announced an inquiry that X says is unfounded': what X rejects is the noun the relative
    clause describes, and its author (its possessor, 'by Y', or the subject that announced it) the accuser."""
    said = content.head
    if said.dep_ != "relcl" or said.head.pos_ != "NOUN":
        return []
    noun = said.head
    authors = accuser_of(index, noun)
    while not authors and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "an inquiry of wine imports that X says": the whole phrase
        authors = accuser_of(index, noun)
    if not authors and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and not negated(noun.head):
        authors = expand(index, subject(noun.head), modifiers=True)
    return authors


def content_claims(
    index: ActorIndex, content: Token, speakers: list[str], sent: Span, rule: str, quote: str | None
) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    is_denial, accusers = _denial(index, content, sent, speakers)
    text = sent.text.lower()
    if is_denial:
        for speaker in speakers:
            for target in or_none(accusers):
                drafts.append(
                    ClaimDraft(
                        "deny",
                        speaker,
                        target,
                        phrase(content),
                        sent,
                        content.i,
                        rule + ":deny",
                        quote=quote,
                        content=content.i,
                    )
                )
        if not _spreads_falsehood(content):
            return drafts  # "Y is spreading baseless claims" rejects Y's claims and charges Y with deceiving
    for perp, clause in perpetrators(index, content):
        if _speaker_itself(clause):
            continue  # "X said it carried out the attack": a claim of responsibility, not a charge
        kind = _content_kind(clause, text)
        for speaker in speakers:
            drafts.append(ClaimDraft(kind, speaker, perp, phrase(clause), sent, clause.i, rule, quote=quote))
    for inner in _evidenced(content):
        drafts.extend(content_claims(index, inner, speakers, sent, rule, quote))
    if drafts:
        return drafts
    for target, clause, kind in judgements(index, content):
        for speaker in speakers:
            drafts.append(
                ClaimDraft(kind, speaker, target, phrase(clause), sent, clause.i, "judge:" + rule, quote=quote)
            )
    return drafts


def _speaker_itself(clause: Token) -> bool:
    """'X said it conducted the raid': 'it' after the speaker who says it is the speaker, whatever actor
    the document mentioned last ("'It violates the law,' X said" points back to something else)."""
    subj = subject(clause)
    if subj is None or subj.lower_ != "it" or subj.dep_ != "nsubj" or is_passive(clause):
        return False
    said = next((a for a in clause.ancestors if a.lemma_.lower() in lx.SAY_VERBS), None)
    speaker = subject(said) if said is not None else None
    return speaker is not None and speaker.i < subj.i


def _spreads_falsehood(content: Token) -> bool:
    return any(v.lemma_.lower() in lx.SPREAD_VERBS and is_wrongful_verb(v) for v in clause_verbs(content))


def _evidenced(content: Token) -> list[Token]:
    """'there was a reasonable basis to believe Y had ...', 'there is evidence that Y ...': the clause
    the evidence is for (only after an expletive 'there', so 'the reason was that ...' stays out)."""
    if content.lemma_ != "be" or not any(c.dep_ == "expl" for c in content.children) or negated(content):
        return []
    nouns = [
        c
        for c in content.children
        if c.dep_ == "attr" and c.lemma_.lower() in lx.EVIDENCE_NOUNS and not any(d.lower_ == "no" for d in c.children)
    ]
    clauses = [c for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")]
    # "basis to believe Y did": the belief's own clause
    return [
        i for c in clauses for i in ([c] + [g for g in c.children if g.dep_ == "ccomp"]) if i.pos_ in ("VERB", "AUX")
    ]


def reported_speech_claims(index: ActorIndex, sent: Span, headline: bool) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    for token in index.table.candidates(sent, lx.SAY_VERBS):
        if token.lemma_.lower() not in lx.SAY_VERBS or token.pos_ not in ("VERB", "AUX"):
            continue
        if _unsaid(token):
            continue
        speakers = speakers_of(index, token)
        if not speakers:
            continue
        contents = [c for c in token.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
        contents += _misattached_content(token)
        if token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX"):
            contents.append(token.head)
        if token.lemma_ == "complain":
            contents.extend(
                t for t in token.subtree if t.dep_ in ("pcomp", "pobj") and t.pos_ in ("VERB", "AUX", "NOUN")
            )
        modality = "hedged" if hedged(sent, token) else "asserted"
        for content in contents:
            if nested_speech(index, content):
                continue  # "A said B told ...": B's words are B's claim, found at B's verb
            for draft in content_claims(index, content, speakers, sent, f"said:{token.lemma_}", None):
                draft.modality = modality
                draft.anchor = token.i
                drafts.append(draft)
        drafts.extend(act_noun_claims(index, token, speakers, sent))
        drafts.extend(_called_claims(index, token, speakers, sent))
    drafts.extend(according_to_claims(index, sent, headline))
    drafts.extend(_topic_claims(index, sent))
    return drafts


def _unsaid(verb: Token) -> bool:
    """Not said (yet): 'did not say', 'could say', 'will tell the council'."""
    return (
        negated(verb)
        or hypothetical(verb)
        or any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children)
    )


def _misattached_content(verb: Token) -> list[Token]:
    """'said in a statement that Y shelled ...': the parser hangs the that-clause on the noun of the
    setting; a clause with its own 'that' and subject is what was said, not a relative clause."""
    nouns = [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return [
        c
        for n in nouns
        for c in n.children
        if c.dep_ in ("relcl", "acl")
        and c.pos_ in ("VERB", "AUX")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        and any(m.dep_ in ("nsubj", "nsubjpass") for m in c.children)
    ]


def _topic_claims(index: ActorIndex, sent: Span) -> list[ClaimDraft]:
    """'X spoke about the atrocities committed by Y': the acts a speaker talks about, and only those."""
    drafts: list[ClaimDraft] = []
    for token in sent:
        if token.lemma_.lower() not in lx.TOPIC_VERBS or token.pos_ != "VERB" or _unsaid(token):
            continue
        topics = prep_objects(token, "about", "of", "on")
        speakers = speakers_of(index, token) if topics else []
        for noun in (t for topic in topics for t in topic.subtree):
            if names_act(noun) and depth_below(noun, token) <= 3:
                for perp in act_authors(index, noun):
                    drafts.extend(
                        ClaimDraft("accuse", s, perp, phrase(noun), sent, noun.i, "said:topic") for s in speakers
                    )
    return drafts


def according_to_claims(index: ActorIndex, sent: Span, headline: bool) -> list[ClaimDraft]:
    """'According to X, Y shelled the town': the sentence's main clause is X's account."""
    drafts: list[ClaimDraft] = []
    for token in index.table.candidates(sent, lowers=("according",)):
        if token.lower_ != "according" or token.i + 1 >= len(sent.doc) or sent.doc[token.i + 1].lower_ != "to":
            continue
        sources = [
            k
            for t in sent.doc[token.i + 1].children
            if t.dep_ == "pobj"
            for k in expand(index, t) or authors_of(index, t)
        ]
        root = sent.root
        if not sources or root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in lx.SAY_VERBS:
            continue
        for draft in content_claims(index, root, sources, sent, "said:according", None):
            draft.anchor = token.i
            drafts.append(draft)
    return drafts


def _called_claims(index: ActorIndex, verb: Token, speakers: list[str], sent: Span) -> list[ClaimDraft]:
    """'A called B's allegations "a horror story"' (deny); 'A called the strikes a blatant violation' (condemn)."""
    if verb.lemma_ != "call" or demand_call(verb):
        return []
    text = " ".join(t.lower_ for t in verb.subtree if t.i > verb.i)
    objs = objects(verb)
    charged = any(o.lemma_.lower() in lx.ACCUSATION_NOUNS for o in objs)  # "called the charges a smear"
    if lx.has_phrase(text, lx.DENY_PHRASES) or (charged and lx.has_phrase(text, denials.REBUTTAL_PHRASES)):
        accusers = [k for o in objs for k in accuser_of(index, o)]
        return [
            ClaimDraft("deny", s, t, phrase(objs[0]) if objs else text, sent, verb.i, "called:deny")
            for s in speakers
            for t in or_none(accusers)
        ]
    if lx.has_phrase(text, lx.CONDEMN_PHRASES):
        targets = [k for o in objs for k in index.resolve(o, modifiers=True)]
        return [
            ClaimDraft("condemn", s, t, text[:120], sent, verb.i, "called:condemn")
            for s in speakers
            for t in or_none(targets)
        ]
    return []
