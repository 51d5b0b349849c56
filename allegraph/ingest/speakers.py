"""Who a pronoun speaker is, and speech-act verbs that report no act at all.

Pronouns: an expletive "it" ("it would be hard to deny ...") stands for no one; the pronoun
subject of what a speaker says ("Twitter said that it condemns ...") is that speaker, even when
the speaker is not an actor we know (then it is no one we know, not the last organisation named);
a name inside a quotation is not what a pronoun outside it refers to ("... if Smith wins," he
said); and "she" is never a man, "he" never a woman, as the text itself tells (titles, pronouns
used of the name, role nouns such as "her husband X").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from allegraph.ingest.lexicon import MODALS, SAY_VERBS
from allegraph.ingest.syntax import SPEAKING_NOUNS, subject
from allegraph.ingest.titles import ROLE_NOUNS

if TYPE_CHECKING:
    from allegraph.ingest.actors import ActorIndex, Mention

COPULAS = {"be", "seem", "remain", "appear", "become"}
# Verbs that ask someone to do something: "urged China to condemn" is a demand, not China's act.
REQUEST_VERBS = {"urge", "ask", "call", "press", "encourage", "invite", "implore", "exhort", "pressure",
                 "challenge", "dare", "beg", "request", "tell", "advise", "persuade", "expect", "want"}  # fmt: skip
MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "sheikh", "emir", "father", "brother"}
FEMALE_TITLES = {"mrs", "ms", "miss", "lady", "dame", "queen", "princess", "madam", "sister"}
MALE_ROLES = {"husband", "son", "father", "brother", "king", "prince", "uncle", "nephew", "grandson", "grandfather",
              "widower", "boyfriend", "spokesman", "chairman", "congressman", "businessman", "councilman"}  # fmt: skip
FEMALE_ROLES = {"wife", "daughter", "mother", "sister", "queen", "princess", "aunt", "niece", "granddaughter",
                "grandmother", "widow", "girlfriend", "spokeswoman", "chairwoman", "congresswoman",
                "businesswoman", "councilwoman", "actress", "first lady"}  # fmt: skip
PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
PERSON_NOUNS = {"official", "spokesperson", "minister", "leader", "man", "woman", "president", "ambassador",
                "envoy", "senator", "judge", "prosecutor", "lawyer", "attorney", "chief", "head", "director"}  # fmt: skip
THING_ENTITIES = {"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LOC"}


# --- speech acts that are not acts --------------------------------------------------------


def unrealised_speech(verb: Token) -> bool:
    """'could neither confirm nor deny', 'did not criticise or condemn': a conjunct shares its head's
    negation and modal (not after 'but'); 'urged X to condemn': asked for, not done."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REQUEST_VERBS:
        return True
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    head = verb.head
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "neg") for c in verb.children):
        return False  # "do not agree ... and both accuse": a clause of its own
    conjunctions = {c.lower_ for c in (*head.children, *verb.children) if c.dep_ == "cc"}
    if conjunctions & {"but", "yet"}:
        return False
    if any(c.dep_ == "preconj" and c.lower_ in ("neither", "either") for c in head.children):
        return True
    if conjunctions & {"or", "nor"} and any(c.dep_ == "neg" for c in head.children):
        return True  # "did not confirm or deny"
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children)


# What one laments without blaming anyone: "lamented the loss of a magnificent animal".
MISFORTUNE_NOUNS = {"loss", "death", "passing", "demise", "fallout", "decline", "lack", "absence", "end",
                    "departure", "fate", "plight", "state", "toll", "damage"}  # fmt: skip


def grief(verb: Token) -> bool:
    """'lamented the loss of X', 'lamented how ...': sorrow, not a condemnation; 'laments X's rights
    record' still condemns. A lament needs a noun object that is not a misfortune."""
    if verb.lemma_.lower() != "lament":
        return False
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN")]
    return not nouns or any(n.lemma_.lower() in MISFORTUNE_NOUNS for n in nouns)


def expletive_it(token: Token) -> bool:
    """'It would be hard to deny that ...', 'it is clear that ...': an 'it' that stands for the clause."""
    if token.lower_ != "it" or token.dep_ != "nsubj" or token.head.lemma_.lower() not in COPULAS:
        return False
    verb = token.head
    has_predicate = any(c.dep_ in ("acomp", "attr") for c in verb.children)
    return has_predicate and any(c.dep_ in ("xcomp", "ccomp", "csubj") for c in verb.children)


# --- pronoun antecedents ---------------------------------------------------------------------


def pronoun_antecedent(index: ActorIndex, token: Token) -> list[str] | None:
    """The actors a pronoun speaker stands for, [] for no one we know, None to leave it to the
    index's own recency rules."""
    if expletive_it(token):
        return []
    told = _reporter(index, token)
    first = not any(t.dep_ in ("nsubj", "nsubjpass") for t in token.doc[token.sent.start : token.i])
    if told is None and token.dep_ in ("nsubj", "nsubjpass") and first:
        told = _previous_subject(index, token)  # not 'The government did not respond but it denies ...'
    return told


def _previous_subject(index: ActorIndex, token: Token, sentences: int = 2) -> list[str] | None:
    """A subject pronoun continues the topic: the subject of the last sentence before it that has one
    of its kind ('It denied ... It accused ...', 'He has drawn criticism ... He accused ...'). For 'it',
    a thing we do not know as an actor ('The ecosystem regrouped. It struck back.') is no one we know."""
    doc = index.doc
    sent = token.sent
    person = token.lower_ in PRONOUN_GENDER
    for _ in range(sentences):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        if subj.pos_ == "PRON":
            if subj.lower_ == token.lower_ or (
                person and PRONOUN_GENDER.get(subj.lower_) == PRONOUN_GENDER[token.lower_]
            ):
                return index.resolve(subj)
            if not person:
                return None  # "This is persecution. It violates ...": 'this' is left to recency
            continue
        if person or _kind_fits(subj, True):
            return None  # a person ("Beijing's ambassador"): for he/she, the index's own rule finds them
        keys = index.resolve(subj)
        things = [k for k in keys if index.actors[k].type != "Person"]
        if things:
            return things
        if not keys and _kind_fits(subj, False):
            return []
    return None


def _reporter(index: ActorIndex, token: Token) -> list[str] | None:
    """'X said (that) it ...': the subject of the clause an organisation utters is that organisation.
    Not for he/she: 'the judge said he ordered the killings' is about someone else."""
    if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = token.head
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    say = _stated_by(clause)
    if say is None or token.i < say.i:
        return None  # '"It violated the treaty," Chile said': in its own words a side says 'we', not 'it'
    reporter = subject(say)
    if reporter is None or reporter.i == token.i or reporter.tag_ in ("NNS", "NNPS"):
        return None
    if reporter.pos_ == "PRON":
        return index.resolve(reporter) if reporter.lower_ == "it" else None
    keys = index.resolve(reporter)
    things = [k for k in keys if index.actors[k].type != "Person"]
    if keys:
        return things or None  # "Smith said it was ...": 'it' is something else, left to recency
    # an unknown speaker that is not a person ("the company said it ...") is who the pronoun is
    return None if _kind_fits(reporter, True) else []


def _stated_by(clause: Token) -> Token | None:
    """The verb whose speaker utters the clause: 'said that ...', 'said in a statement that ...',
    'issued a statement that ...'."""
    head = clause.head
    if clause.dep_ == "ccomp" and head.lemma_.lower() in SAY_VERBS and head.pos_ in ("VERB", "AUX"):
        return head
    if clause.dep_ != "acl" or head.lemma_.lower() not in SPEAKING_NOUNS:
        return None
    verb = head.head.head if head.dep_ == "pobj" else head.head if head.dep_ == "dobj" else None
    return verb if verb is not None and verb.pos_ in ("VERB", "AUX") else None


def _kind_fits(noun: Token, person: bool) -> bool:
    """A person-like head (a name, 'spokesman') for he/she, a thing for it."""
    lemma = noun.lemma_.lower().rsplit("-", 1)[-1]
    personal = noun.ent_type_ == "PERSON" or lemma in MALE_ROLES | FEMALE_ROLES | ROLE_NOUNS | PERSON_NOUNS
    if person or personal:
        return personal
    # a name the tagger did not type may be a person's: only a common noun or a typed name is a thing
    return noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and noun.ent_type_ in THING_ENTITIES)


def in_quote(doc: Doc, char: int) -> bool:
    from allegraph.ingest.quotes import document_regions, inside  # quotes imports the claim rules, which import actors

    return inside(char, document_regions(doc))


def admissible(index: ActorIndex, pronoun: Token, mention: Mention) -> bool:
    """A mention a pronoun may refer back to: for the speaker of a quotation ('"...," he said'),
    not a name inside the quotation; for he/she, not a person the text tells is of the other gender."""
    doc = index.doc
    attribution = pronoun.dep_ == "nsubj" and pronoun.head.lemma_.lower() in SAY_VERBS  # '"...," he said'
    if attribution and not in_quote(doc, pronoun.idx) and in_quote(doc, doc[mention.start].idx):
        return False
    wanted = PRONOUN_GENDER.get(pronoun.lower_)
    if wanted is None:
        return True
    genders = person_genders(index)
    return all(genders.get(k, wanted) == wanted for k in mention.keys if index.actors[k].type == "Person")


def person_genders(index: ActorIndex) -> dict[str, str]:
    """Gender of each person as the text tells it: a title before a mention ('Mrs Howard'), a role
    noun naming them ('her husband, Tom Hart', 'spokeswoman Ana Diaz'), or a pronoun that is the
    next word after their name as a subject ('Hart said he ...'). People told both ways are left out."""
    cached = index.doc.user_data.get("allegraph_genders")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    votes: dict[str, set[str]] = {}
    for mention in index.mentions:
        if mention.kind != "person":
            continue
        gender = _mention_gender(index.doc, mention.start, mention.end)
        if gender:
            for key in mention.keys:
                votes.setdefault(key, set()).add(gender)
    genders = {k: next(iter(v)) for k, v in votes.items() if len(v) == 1}
    index.doc.user_data["allegraph_genders"] = genders
    return genders


def _mention_gender(doc: Doc, start: int, end: int) -> str | None:
    before = doc[start - 1] if start > 0 else None
    words = [doc[start].lower_.rstrip(".")] + ([before.lower_.rstrip(".")] if before is not None else [])
    if any(w in MALE_TITLES for w in words):
        return "m"
    if any(w in FEMALE_TITLES for w in words):
        return "f"
    head = doc[start:end].root
    role = head.head if head.dep_ in ("appos", "compound") else None
    for noun in [role, *(c for c in head.children if c.dep_ == "appos")]:
        if noun is not None and noun.lemma_.lower() in MALE_ROLES:
            return "m"
        if noun is not None and noun.lemma_.lower() in FEMALE_ROLES:
            return "f"
    return _told_by_pronoun(doc, head, end)


def _told_by_pronoun(doc: Doc, head: Token, end: int) -> str | None:
    """'Hart said he would ...': the subject of a say-verb whose clause's subject is a pronoun."""
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in SAY_VERBS:
        return None
    for clause in head.head.children:
        if clause.dep_ == "ccomp":
            pronoun = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if pronoun is not None and pronoun.lower_ in ("he", "she") and pronoun.i > end:
                return PRONOUN_GENDER[pronoun.lower_]
    return None
