"""Claim frames beyond a plain cue verb with subject and object.

Idioms ("hit out at", "pointed the finger at"), labelling ("called X a liar", "dismissed X as a
joke"), reciprocal exchanges ("A and B traded accusations"), and the words that judge: a label
is condemnation when it is pejorative, which VADER's sentiment lexicon (a maintained word list
with human valence ratings) decides, with a short list of political insults it lacks.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.acts import event_author
from allegraph.ingest.claims import ClaimDraft, accuser_of, hedged, or_none, speakers_of
from allegraph.ingest.denials import REBUTTAL_PHRASES, professes_innocence
from allegraph.ingest.nonclaims import picked_as_target
from allegraph.ingest.speakers import unrealised_speech
from allegraph.ingest.syntax import hypothetical, negated, objects, phrase, prep_objects

NEGATIVE_VALENCE = -1.4  # VADER ratings run from -4 to +4; below this a label is an insult
# A predicate about an actor needs a harsher word than a label the speaker pins on it.
JUDGEMENT_VALENCE = -1.9
EMOTION_WORDS = {"angry", "sad", "upset", "worried", "concerned", "afraid", "ashamed", "disappointed", "frustrated",
                 "unhappy", "scared", "anxious", "fearful", "saddened", "shocked", "horrified", "appalled"}  # fmt: skip


@lru_cache(maxsize=1)
def _valence() -> dict[str, float]:
    import vaderSentiment

    table: dict[str, float] = {}
    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            table[parts[0]] = float(parts[1])
    return table


def pejorative(tokens: list[Token], threshold: float = NEGATIVE_VALENCE) -> bool:
    """Any word of the label a reader takes as an insult or a harsh judgement."""
    valence = _valence()
    for token in tokens:
        lower = token.lower_
        if lower in lx.PEJORATIVES or token.lemma_.lower() in lx.PEJORATIVES:
            return True
        if lower in EMOTION_WORDS:
            continue  # "angry", "ashamed": how the subject feels, not a judgement of it
        score = valence.get(lower, valence.get(token.lemma_.lower(), 0.0))
        if score <= threshold and not negated(token):
            return True
        if token.lemma_.lower() in lx.HARM_TO_NOUNS and _followed_by(token, ("to", "against", "for")):
            return True  # "a blow to press freedom", "an offence to the victims"
    text = " ".join(t.lower_ for t in sorted(tokens, key=lambda t: t.i))  # in text order, for phrases
    return lx.has_phrase(text, lx.CONDEMN_PHRASES) or lx.has_phrase(text, lx.PEJORATIVE_PHRASES)


def _followed_by(token: Token, words: tuple[str, ...]) -> bool:
    """The next word, read off the text: the parser often hangs 'to' on the verb or takes it for an infinitive."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in words


def _draft(
    kind: str, speaker: str, target: str | None, charge: str, sent: Span, anchor: Token, rule: str
) -> ClaimDraft:
    modality = "hedged" if hedged(sent, anchor) else "asserted"
    return ClaimDraft(kind, speaker, target, charge, sent, anchor.i, rule, modality)


def live(token: Token) -> bool:
    return not negated(token) and not hypothetical(token) and not unrealised_speech(token)


def _actors_of(index: ActorIndex, nodes: list[Token]) -> list[str]:
    keys: list[str] = []
    for node in nodes:
        for item in [node, *node.conjuncts]:
            keys.extend(k for k in index.resolve(item, modifiers=True) if k not in keys)
    return keys


# --- idioms ------------------------------------------------------------------------------


def _idiom(token: Token) -> tuple[str, str] | None:
    """(kind, preposition before the target) when the verb heads one of the lexicon's idioms."""
    lemma = token.lemma_.lower()
    words = {c.lower_ for c in token.children if c.dep_ in ("prt", "dobj", "advmod")}
    words |= {c.lemma_.lower() for c in token.children if c.dep_ == "dobj"}
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    preps |= {g.lower_ for c in token.children if c.dep_ in ("prt", "dobj") for g in c.children if g.dep_ == "prep"}
    for (verb, word, prep), kind in lx.IDIOMS.items():
        if lemma == verb and (not word or word in words) and (not prep or prep in preps):
            return kind, prep
    return None


def _for_praise(verb: Token) -> bool:
    """What the idiom is done for is a good thing ('for praise', 'for his courage'): no condemnation."""
    valence = _valence()
    holders = [verb, *(c for c in verb.children if c.dep_ in ("prt", "dobj"))]
    reasons = [
        o for h in holders for o in prep_objects(h, "for") if o.pos_ == "NOUN"
    ]  # a deed ("for supporting X") is the charge
    return any(valence.get(o.lemma_.lower(), valence.get(o.lower_, 0.0)) > 1.0 for o in reasons)


def _idiom_targets(index: ActorIndex, verb: Token, prep: str) -> list[Token]:
    if not prep:
        return objects(verb)
    holders = [verb, *(c for c in verb.children if c.dep_ in ("prt", "dobj"))]
    return [t for holder in holders for t in prep_objects(holder, prep)]


# `_idiom` finds nothing at any other verb.
IDIOM_VERBS = {verb for verb, _, _ in lx.IDIOMS}


def idiom_claims(index: ActorIndex, sent: Span, headline: bool) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    for token in index.table.candidates(sent, IDIOM_VERBS):
        if token.pos_ not in ("VERB", "AUX") or not live(token):
            continue
        found = _idiom(token)
        if found is None:
            continue
        kind, prep = found
        if _for_praise(token) or picked_as_target(token):
            continue  # "singled out X for special praise", "singling out X's offices as targets"
        speakers = speakers_of(index, token)
        pobjs = _idiom_targets(index, token, prep)
        targets: list[str | None] = [t for t in _actors_of(index, pobjs) if t not in speakers]
        if not targets and kind == "condemn" and pobjs:
            targets = [None]  # condemning an act with no named perpetrator
        for speaker in speakers:
            for target in targets:
                charge = phrase(pobjs[0]) if pobjs else ""
                drafts.append(_draft(kind, speaker, target, charge, sent, token, f"idiom:{token.lemma_}"))
    return drafts


def innocence_claims(index: ActorIndex, sent: Span, headline: bool) -> list[ClaimDraft]:
    """'X pleaded not guilty to the charges', 'X has maintained his innocence': X denies the charge."""
    drafts: list[ClaimDraft] = []
    for token in sent:
        if token.pos_ != "VERB" or hypothetical(token) or negated(token) or not professes_innocence(token):
            continue
        charges = [c for t in token.subtree if t.lower_ in ("to", "of") for c in t.children if c.dep_ == "pobj"]
        accusers = [k for c in charges for k in accuser_of(index, c)]
        charge = phrase(charges[0]) if charges else "innocence"
        for speaker in speakers_of(index, token):
            drafts.extend(
                _draft("deny", speaker, t, charge, sent, token, "idiom:innocence")
                for t in or_none([a for a in accusers if a != speaker])
            )
    return drafts


# --- labelling ---------------------------------------------------------------------------


# Verbs whose label follows "to" ("compared X to a dictator"); after "call" a "to" is where X was summoned.
LIKENING_VERBS = {"compare", "liken"}


def _label_tokens(verb: Token, obj: Token) -> list[Token]:
    """The label given to the object: 'as X', an object predicate, or a second object."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("as", "to"):
            out.extend(t for p in child.children for t in p.subtree)
        elif child.dep_ in ("oprd", "xcomp", "ccomp", "acomp") or (child.dep_ == "dobj" and child.i != obj.i):
            out.extend(child.subtree)
    likening = ("as", "to") if verb.lemma_.lower() in LIKENING_VERBS else ("as",)
    for child in obj.children:  # "called the DPP 'narrow-minded'", "the killing a disgrace": misattached labels
        if child.i > obj.i and child.dep_ in ("amod", "appos", "acl", "dobj", "attr", "oprd"):
            out.extend(child.subtree)
        elif child.i > obj.i and child.dep_ == "prep" and child.lower_ in likening:  # "compared Trump to Hitler"
            out.extend(t for p in child.children for t in p.subtree)
    return out


def label_claims(index: ActorIndex, sent: Span, headline: bool) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    for token in index.table.candidates(sent, lx.LABEL_VERBS):
        if token.lemma_.lower() not in lx.LABEL_VERBS or token.pos_ != "VERB" or not live(token):
            continue
        speakers = speakers_of(index, token)
        objs = objects(token) or _relative_object(token) or _bare_noun_object(token)
        small = _small_clause(token) if not objs else None
        if small is not None:  # "found [Peru's policies abhorrent]"
            objs = [small[0]]
        if not speakers or not objs:
            continue
        label = small[1] if small is not None else _label_tokens(token, objs[0])
        if not label:
            continue
        drafts.extend(_labelled(index, token, objs, label, speakers, sent, headline))
    return drafts


def _small_clause(verb: Token) -> tuple[Token, list[Token]] | None:
    """'found X abhorrent' parsed as a clause: its subject is what is labelled, the rest the label."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.pos_ in ("ADJ", "NOUN"):
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                inside = {t.i for t in subj.subtree}
                return subj, [t for t in child.subtree if t.i not in inside]
    return None


def _bare_noun_object(verb: Token) -> list[Token]:
    """'compared Trump to Hitler' where the parser took the name for an adverbial."""
    return [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN"]


def _relative_object(verb: Token) -> list[Token]:
    """'the plan, which she labelled as a farce': the object is the noun the clause describes."""
    if verb.dep_ == "relcl" and any(
        c.dep_ == "dobj" and c.lower_ in ("which", "who", "whom", "that") for c in verb.children
    ):
        return [verb.head]
    return []


def _labelled(index: ActorIndex, verb: Token, objs: list[Token], label: list[Token], speakers: list[str],
              sent: Span, headline: bool) -> list[ClaimDraft]:  # fmt: skip
    text = " ".join(t.lower_ for t in label)
    drafts: list[ClaimDraft] = []
    accusation = [o for o in objs if o.lemma_.lower() in lx.ACCUSATION_NOUNS]
    if accusation and lx.has_phrase(text, lx.DENY_PHRASES + REBUTTAL_PHRASES + ("lies",)):
        accusers = or_none([k for o in accusation for k in accuser_of(index, o)])
        for speaker in speakers:
            drafts.extend(_draft("deny", speaker, a, phrase(accusation[0]), sent, verb, "label:deny") for a in accusers)
        return drafts
    if not pejorative(label):
        return drafts
    targets: list[str | None] = [t for t in _actors_of(index, objs) if t not in speakers]
    if not targets and objs[0].lemma_.lower() in lx.ACT_NOUNS:
        targets = [None]  # "called the killing a disgrace": an act condemned, its author not named
    elif not targets and any(c.dep_ == "det" and c.lower_ in ("the", "these", "this") for c in objs[0].children):
        # "called the tests a provocation": whoever an earlier sentence says conducted them
        targets = [a for a in event_author(index, objs[0]) if a not in speakers]
    for speaker in speakers:
        drafts.extend(_draft("condemn", speaker, t, text[:120], sent, verb, "label:condemn") for t in targets)
    return drafts


# --- reciprocal exchanges ----------------------------------------------------------------


def reciprocal_claims(index: ActorIndex, sent: Span, headline: bool) -> list[ClaimDraft]:
    """'A and B traded accusations', 'A traded barbs with B': each side accuses the other."""
    drafts: list[ClaimDraft] = []
    for token in index.table.candidates(sent, lx.RECIPROCAL_VERBS):
        if token.lemma_.lower() not in lx.RECIPROCAL_VERBS or not live(token):
            continue
        nouns = [o for o in objects(token) if o.lemma_.lower() in lx.RECIPROCAL_NOUNS]
        if not nouns:
            continue
        kind = lx.RECIPROCAL_NOUNS[nouns[0].lemma_.lower()]
        sides = speakers_of(index, token) or _controller(index, token)
        sides += [k for k in _actors_of(index, prep_objects(token, "with")) if k not in sides]
        for speaker in sides:
            for target in sides:
                if target != speaker:
                    drafts.append(_draft(kind, speaker, target, phrase(nouns[0]), sent, token, "reciprocal"))
    return drafts


def _controller(index: ActorIndex, verb: Token) -> list[str]:
    """'prompting China and Taiwan to trade accusations': the object of the verb above is the doer."""
    if verb.dep_ not in ("xcomp", "advcl"):
        return []
    return _actors_of(index, objects(verb.head))
