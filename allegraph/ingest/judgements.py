"""Judgements inside reported speech: an actor or its act in harsh words ("said the decision was
politically motivated", "the bombing was barbaric", "X is acting like thugs"), responsibility
("bears responsibility for"), and mistakes ("had his facts wrong")."""

from __future__ import annotations

from spacy.tokens import Token

from allegraph.ingest import lexicon as lx
from allegraph.ingest.actors import ActorIndex
from allegraph.ingest.acts import clause_verbs, expand
from allegraph.ingest.frames import JUDGEMENT_VALENCE, live, pejorative
from allegraph.ingest.syntax import is_possessor, objects, prep_objects, subject

# --- judgements inside reported speech ---------------------------------------------------

COPULAS = {"be", "remain", "become", "seem", "look", "sound", "prove"}
# Verbs whose subject undergoes the harm: "Russia suffered losses" judges nobody.
EXPERIENCER_VERBS = {"suffer", "lose", "face", "fear", "die", "worry", "struggle", "mourn", "grieve", "endure",
                     "receive", "need", "want", "hope", "risk", "feel"}  # fmt: skip
# Labels that charge a wrong rather than merely disapprove.
WRONGDOER_NOUNS = {"terrorist", "criminal", "murderer", "killer", "liar", "thief", "aggressor", "occupier",
                   "dictator", "tyrant", "butcher", "traitor", "rapist", "thug", "sponsor", "fraudster"}  # fmt: skip


KIN_NOUNS = {"mother", "father", "wife", "husband", "son", "daughter", "brother", "sister", "aunt", "uncle",
             "grandmother", "grandfather", "cousin", "niece", "nephew", "child", "parent", "family", "relative"}  # fmt: skip
RESPONSIBILITY_VERBS = {"bear", "share", "carry", "have"}


def _duty(noun: Token) -> bool:
    """'has a responsibility to reach out': a duty still to do, not blame for a deed."""
    return any(c.dep_ in ("acl", "relcl") and any(m.lower_ == "to" for m in c.children) for c in noun.children)


def _assigns_responsibility(clause: Token) -> bool:
    """'Y bears responsibility for', 'Y was to blame for', 'Y is responsible for' (not 'Y took responsibility', nor a duty)."""
    if clause.lemma_ in RESPONSIBILITY_VERBS and any(
        o.lemma_.lower() in ("responsibility", "blame") and not _duty(o) for o in objects(clause)
    ):
        return True
    return clause.lemma_ == "be" and any(
        c.dep_ in ("acomp", "xcomp") and c.lemma_.lower() in (*lx.RESPONSIBLE_WORDS, "blame") for c in clause.children
    )


def judgements(index: ActorIndex, content: Token) -> list[tuple[str | None, Token, str]]:
    """(target, clause, kind) for what a speaker's words judge: 'X was racist', 'X's decision was
    politically motivated' (condemn), 'X is a terrorist', 'X has been aggressively spreading lies' (accuse)."""
    found: list[tuple[str | None, Token, str]] = []
    for clause in clause_verbs(content):
        stative = None if subject(clause) is not None else _stative_label(clause)
        subj = subject(clause) or stative
        targets = _judged(index, clause, subj) if subj is not None and live(clause) else []
        if subj is None or not targets:
            continue
        if _assigns_responsibility(clause):
            found.extend((t, clause, "blame") for t in targets if t)
            continue
        if stative is not None:
            found.extend((t, clause, "condemn") for t in targets)
        elif clause.lemma_ in COPULAS:
            complement = [  # "was cynical and hypocritical": every coordinated label
                t
                for c in clause.children
                if c.dep_ in ("attr", "acomp", "oprd")
                for head in (c, *c.conjuncts)
                for t in _own_words(head)
            ]
            if complement and pejorative(complement, JUDGEMENT_VALENCE):
                wrong = any(t.lemma_.lower() in WRONGDOER_NOUNS for t in complement)
                kind = "deny" if _mistaken(complement) and targets != [None] else "accuse" if wrong else "condemn"
                found.extend((t, clause, kind if t or kind == "condemn" else "condemn") for t in targets)
        elif (
            clause.pos_ == "VERB"
            and clause.lemma_.lower() not in EXPERIENCER_VERBS | set(lx.SPEECH_ACT_VERBS)  # relayed, not judged
            and targets != [None]
            and not _tally(clause)
        ):
            charge = _predicate_kind(clause, subj)
            found.extend((t, clause, charge) for t in targets if charge)
    return found


def _predicate_kind(clause: Token, subj: Token) -> str | None:
    """What a pejorative verb phrase charges: 'X spread lies' (accuse), 'X's move marked a perversion'
    (condemn: a judged act), 'X had his facts wrong' (deny), 'X is acting like thugs' (a label)."""
    amounts = clause.lemma_.lower() == "amount"  # "X's raids amount to war crimes", "... to blackmail"
    heads = prep_objects(clause, "like", "to") if amounts else prep_objects(clause, "like")
    likened = [t for c in heads for t in _own_words(c)]
    wrongs = WRONGDOER_NOUNS | lx.ACT_NOUNS if amounts else WRONGDOER_NOUNS
    if any(h.lemma_.lower() in wrongs for h in heads):
        return "accuse"
    if likened and pejorative(likened, JUDGEMENT_VALENCE):
        return "condemn"
    predicate = [clause, *(t for c in clause.children if c.dep_ in ("dobj", "advmod", "acomp") for t in _own_words(c))]
    if not pejorative(predicate, JUDGEMENT_VALENCE):
        return None
    if _mistaken(predicate):
        return "deny"
    return "condemn" if subj.lemma_.lower() in lx.DISCOURSE_NOUNS | lx.ACT_JUDGED_NOUNS else "accuse"


def _judged(index: ActorIndex, clause: Token, subj: Token) -> list[str | None]:
    """Whom a judged clause's subject stands for: a named actor or its act ("X's decision"), the maker of a
    pronoun's noun ("That was a statement Y made"), the doer of a free relative ("What Y is doing")."""
    if subj.pos_ == "PRON" and subj.tag_ not in ("WP", "WDT"):
        return list(_described_makers(index, clause))  # other pronouns are mostly the speaker or an expletive 'it'
    if subj.dep_ == "csubj" and any(c.lower_ == "what" for c in subj.children) and live(subj):
        return list(expand(index, subject(subj)))  # "What Peru is doing is shameful"
    # "her mother had cancer" is about the mother, not about whoever "her" is
    targets: list[str | None] = list(expand(index, subj, modifiers=subj.lemma_.lower() not in KIN_NOUNS))
    if not targets and subj.lemma_.lower() in lx.ACT_NOUNS:
        return [None]  # "the attack was cowardly": an act judged, its author not named
    return targets


def _described_makers(index: ActorIndex, clause: Token) -> list[str]:
    """'That was an insulting statement that Ted made': what the pronoun stands for is judged, and its
    maker is the subject of the relative clause on the label's noun (a statement, a decision, a move)."""
    if clause.lemma_ not in COPULAS:
        return []
    nouns = [
        c for c in clause.children if c.dep_ == "attr" and c.lemma_.lower() in lx.DISCOURSE_NOUNS | lx.ACT_JUDGED_NOUNS
    ]
    clauses = [r for n in nouns for r in n.children if r.dep_ == "relcl" and live(r)]
    makers = [next((c for c in r.children if c.dep_ == "nsubj"), None) for r in clauses]
    makers += [c for n in nouns for c in n.children if is_possessor(c)] + [
        a for n in nouns for a in prep_objects(n, "by")
    ]
    return [k for m in makers for k in expand(index, m)]  # "a cynical move by Moscow", "Peru's reckless decision"


def _stative_label(clause: Token) -> Token | None:
    """The subject of 'Britain's policy is misguided' parsed as a passive, when the participle is one of
    the lexicon's labels (VADER's ratings would read 'the embassy was attacked' as judging its victim)."""
    if clause.tag_ != "VBN" or prep_objects(clause, "by"):
        return None
    if not any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in clause.children):
        return None
    words = sorted([clause, *(c for c in clause.children if c.dep_ == "advmod")], key=lambda t: t.i)
    if clause.lower_ in lx.PEJORATIVES or lx.has_phrase(" ".join(t.lower_ for t in words), lx.PEJORATIVE_PHRASES):
        return next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
    return None


TALLY_VERBS = {"have", "record", "report", "register", "count", "see", "confirm", "pass", "top", "exceed", "surpass"}


def _tally(clause: Token) -> bool:
    """'Brazil has 18,000 deaths', 'the state recorded 40 new cases': a count reported, no one judged."""
    return clause.lemma_.lower() in TALLY_VERBS and any(t.like_num for o in objects(clause) for t in o.subtree)


FALSITY_WORDS = {"wrong", "mistaken", "incorrect", "untrue", "inaccurate", "false"}


def _mistaken(words: list[Token]) -> bool:
    """'Y had his facts wrong', 'Y got it wrong': the speaker rejects what Y says (not 'Y was wrong to invade')."""
    return any(t.lower_ in FALSITY_WORDS and not any(c.dep_ in ("xcomp", "advcl") for c in t.children) for t in words)


# Dependents whose words describe something else: "more effective than the ban", "an event that prompted attacks".
ASIDE_DEPS = {"relcl", "acl", "advcl", "appos", "prep", "conj", "cc", "punct"}


def _own_words(head: Token) -> list[Token]:
    """The words of a phrase that describe its head: its modifiers and 'of' complements, not the
    prepositional phrases, relative clauses and asides that describe other things."""
    out = [head]
    for child in head.children:
        if child.dep_ in ASIDE_DEPS and not (child.dep_ == "prep" and child.lower_ == "of"):
            continue
        out.extend(_own_words(child))
    return out
