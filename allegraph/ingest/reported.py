"""Reported speech and quotes: claims carried by what a speaker said ("A said B's forces
shelled…", "'We did not strike anything,' B said") rather than by a speech-act verb."""

from __future__ import annotations

from spacy.tokens import Span, Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.acts import clause_verbs, expand, is_wrongful_verb, perpetrators
from allegraph.ingest.claims import ClaimDraft, accuser_of, authors_of, hedged, or_none, speakers_of
from allegraph.ingest.frames import judgements
from allegraph.ingest.syntax import hypothetical, negated, objects, phrase, prep_objects, subject

FIRST_PERSON = {"i", "we", "us", "me", "our"}


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
    if subj is None:
        return False
    if subj.lower_ in FIRST_PERSON:
        return True
    sides = {index.state_of(s) or s for s in speakers}
    return any((index.state_of(k) or k) in sides for k in index.resolve(subj, modifiers=True))


def _about_the_claim(verb: Token) -> bool:
    """'it is unfounded', 'that is not true': the subject stands for the accusation just reported."""
    subj = subject(verb)
    return verb.lemma_ == "be" and subj is not None and subj.lower_ in ("it", "this", "that", "these", "those")


def _denied_act(verb: Token) -> bool:
    """The negated verb is the wrong itself ("we did not strike", "never used chemical weapons"),
    not a clause that merely mentions one ("never did I dream that troops would violate")."""
    if is_wrongful_verb(verb):
        return True
    for obj in objects(verb):
        if obj.lemma_.lower() in lx.ACT_NOUNS:
            return True
        # "does not have ships capable of carrying out a missile launch": the means of the act
        described = [t for c in obj.children if c.dep_ in ("amod", "acl", "relcl") for t in c.subtree]
        if any(t.lemma_.lower() in lx.WRONG_NOUNS or is_wrongful_verb(t) for t in described):
            return True
    return False


def _no_object(verb: Token) -> bool:
    """'We have no political prisoners': the object denied by 'no'."""
    return any(c.dep_ == "det" and c.lower_ == "no" for o in objects(verb) for c in o.children)


def _denial(index: ActorIndex, content: Token, sent: Span, speakers: list[str]) -> tuple[bool, list[str]]:
    text = " ".join(t.lower_ for t in content.subtree).replace(" n't", " not").replace(" do n't", " do not")
    clauses = [v for v in clause_verbs(content) if v.pos_ in ("VERB", "AUX")]
    # "baseless", "no evidence": a denial when it is about an accusation or the speaker's own side
    phrase_hit = lx.has_phrase(text, lx.DENY_PHRASES) and (
        any(t.lemma_.lower() in lx.ACCUSATION_NOUNS for t in content.subtree)
        or any(_about_the_claim(v) for v in clauses)
    )
    negated_act = any(
        (negated(v) or _no_object(v)) and not hypothetical(v) and _own_side(index, v, speakers) and _denied_act(v)
        for v in clauses
    )  # "would not restore the sanctions" is an intention, not a denial
    if not (phrase_hit or negated_act):
        return False, []
    accusers = [k for t in content.subtree if t.lemma_.lower() in lx.ACCUSATION_NOUNS for k in accuser_of(index, t)]
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
        return drafts
    for perp, clause in perpetrators(index, content):
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
        modality = "hedged" if hedged(sent, token) else "asserted"
        for content in contents:
            if _nested_speech(index, content):
                continue  # "A said B told ...": B's words are B's claim, found at B's verb
            for draft in content_claims(index, content, speakers, sent, f"said:{token.lemma_}", None):
                draft.modality = modality
                draft.anchor = token.i
                drafts.append(draft)
        drafts.extend(_act_noun_claims(index, token, speakers, sent))
        drafts.extend(_called_claims(index, token, speakers, sent))
    drafts.extend(according_to_claims(index, sent, headline))
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


MAX_ACT_NOUN_DEPTH = 3  # arcs from the speech verb: "complained about the crimes of X" is 2


def _depth_below(token: Token, verb: Token) -> int:
    for depth, ancestor in enumerate(token.ancestors, start=1):
        if ancestor.i == verb.i:
            return depth
    return 99


def _act_noun_claims(index: ActorIndex, verb: Token, speakers: list[str], sent: Span) -> list[ClaimDraft]:
    """'complained about the crimes of X', 'said X's aggression ...': harmful acts named by nouns."""
    drafts: list[ClaimDraft] = []
    for token in _content_tokens(index, verb):
        if token.lemma_.lower() not in lx.ACT_NOUNS or token.pos_ != "NOUN":
            continue
        if _depth_below(token, verb) > MAX_ACT_NOUN_DEPTH:
            continue  # "the aid will augment Ukraine's ability to fight Russian attacks": background, not the charge
        if any(
            a.lemma_.lower() in lx.HEARSAY_NOUNS or negated(a)
            for a in token.ancestors
            if a.i != verb.i and verb in a.ancestors
        ):
            continue
        for perp in index.resolve(token, modifiers=True):
            kind = "condemn" if lx.has_phrase(sent.text.lower(), lx.CONDEMN_PHRASES) else "accuse"
            drafts.extend(ClaimDraft(kind, s, perp, phrase(token), sent, token.i, "said:act-noun") for s in speakers)
    return drafts


def _called_claims(index: ActorIndex, verb: Token, speakers: list[str], sent: Span) -> list[ClaimDraft]:
    """'A called B's allegations "a horror story"' (deny); 'A called the strikes a blatant violation' (condemn)."""
    if verb.lemma_ != "call":
        return []
    text = " ".join(t.lower_ for t in verb.subtree if t.i > verb.i)
    objs = objects(verb)
    if lx.has_phrase(text, lx.DENY_PHRASES):
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
