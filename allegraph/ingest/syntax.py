"""Small dependency-tree helpers shared by the claim rules."""

from __future__ import annotations

from spacy.tokens import Span, Token

from allegraph.ingest.lexicon import MODALS

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
INHERIT_DEPS = ("conj", "xcomp", "advcl", "pcomp")
RELATIVE_PRONOUNS = {"who", "which", "that"}
SPEAKING_NOUNS = {"statement", "report", "letter", "communique", "resolution", "film", "documentary", "post", "tweet",
                  "release", "declaration", "complaint", "lawsuit", "suit", "petition", "editorial",
                  # documents an institution issues, which speak for it as its statements do
                  "bulletin", "memo", "memorandum", "paper", "assessment", "filing", "dossier", "cable", "study",
                  "analysis", "advisory", "communiqué", "ruling", "judgment", "judgement", "verdict"}  # fmt: skip
# Verbs whose subject (or "by" agent) is the author of the document they take: "a bulletin issued by X".
PUBLISH_VERBS = {"issue", "publish", "release", "write", "prepare", "file", "compile", "produce", "draft", "author",
                 "send", "submit", "circulate", "distribute", "post", "deliver", "present", "hand"}  # fmt: skip
OBJECT_CONTROL_VERBS = {"prompt", "lead", "cause", "force", "push", "urge", "ask", "drive", "spur", "compel", "get"}


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.tag_ == "VBN" and verb.head is not verb:
        return is_passive(verb.head)  # "had been rammed and boarded by": the conjunct shares the voice
    return (
        verb.tag_ == "VBN" and verb.dep_ in ("acomp", "oprd", "acl") and verb.head.lemma_ in ("stand", "be", "remain")
    )


def subject(verb: Token, depth: int = 0) -> Token | None:
    """The verb's subject, inherited through conjunction, xcomp and subjectless adverbials."""
    # the subject nearest the verb: a dateline the parser also made a subject ("UNITED NATIONS - X moved")
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head  # "Rodriguez, who accused Washington": the noun the clause describes
            return child
    infinitive = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.children))
    if infinitive and verb.head.pos_ == "VERB":
        controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if controller is not None and verb.head.lemma_ in OBJECT_CONTROL_VERBS:
            return controller  # "prompting China to trade accusations": China does the trading
        if controller is not None and controller.lower_ == "it" and prep_objects(verb.head, "to"):
            return prep_objects(verb.head, "to")[0]  # "left it to Kerry to reproach Lavrov": Kerry reproaches
    if verb.dep_ in INHERIT_DEPS and depth < 4 and verb.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head, depth + 1)
    if _misparsed_main_verb(verb):
        return verb.head  # "Prime Minister X, whose government ..., strongly condemned the attack"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and _addressee(verb.head) and depth < 4 and _sent_words(verb):
        return subject(verb.head.head.head, depth + 1)  # "sent a letter to the Council accusing X": the sender
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        if verb.head.pos_ == "PROPN" or verb.head.lemma_ in SPEAKING_NOUNS:
            return verb.head  # "a statement accusing Israel of ...", "Kerry, speaking ..."
        governor = verb.head.head  # "rejected those claims, blaming X": a misattached adverbial
        if governor.pos_ in ("VERB", "AUX") and depth < 4:
            return subject(governor, depth + 1)
    return _swallowed_subject(verb) or _fronted_subject(verb)


def _fronted_subject(verb: Token) -> Token | None:
    """'From his hospital bed, X, who was 44, accused Y': after a fronted phrase the parser may hang the
    subject on the phrase's noun as an apposition set off by commas; that name is the verb's subject."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or doc[verb.i - 1].text != ",":
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        for name in prep.subtree:  # "After the talks in Paris, X, who was furious, condemned": X, not Paris
            set_off = name.left_edge.i > 0 and doc[name.left_edge.i - 1].text == ","
            last = name.right_edge.i in (verb.i - 2, verb.i - 1)  # the phrase ends at the comma before the verb
            if name.dep_ == "appos" and name.pos_ == "PROPN" and set_off and last:
                return name  # (not a conjunct: "with the BBC, X, who ...": its conjuncts would speak too)
    return None


DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
             "today", "yesterday"}  # fmt: skip


def _swallowed_subject(verb: Token) -> Token | None:
    """'published on Wednesday China also said': with no comma the parser reads 'Wednesday China' as one
    date and the verb loses its subject; the name right before the verb (past adverbs) is the subject."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB":
        return None
    before = verb.i - 1
    while before >= verb.sent.start and verb.doc[before].dep_ == "advmod":
        before -= 1
    name = verb.doc[before] if before >= verb.sent.start else None
    if name is None or name.pos_ != "PROPN" or name.dep_ != "pobj":
        return None
    dated = any(c.dep_ == "compound" and c.lower_ in DAY_WORDS for c in name.children)
    return name if dated else None


def _sent_words(participle: Token) -> bool:
    """The participle tells of words sent ('sent a letter to the Council accusing X', 'wrote to
    the king, accusing X'), not of the addressees ('protested to countries condemning its plans')."""
    sender = participle.head.head.head
    if participle.i > 0 and participle.doc[participle.i - 1].text == ",":
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in SPEAKING_NOUNS for c in sender.children)


def _addressee(noun: Token) -> bool:
    """The object of 'to' after a verb of sending or saying: who is told, not who tells."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.pos_ in ("VERB", "AUX")


def _misparsed_main_verb(verb: Token) -> bool:
    """A sentence whose root is a name and whose main verb hangs under it as a participle with an
    object: the parser lost the subject after a long apposition or relative clause."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and head.dep_ == "ROOT"
        and head.pos_ == "PROPN"
        and any(c.dep_ == "dobj" for c in verb.children)
        and not any(c.dep_ in ("auxpass", "agent") for c in verb.children)
        and any(c.dep_ in ("relcl", "appos") for c in head.children if c.i < verb.i)
    )


def is_possessor(token: Token) -> bool:
    """'Trump's': a possessive, also as the parser reads a curly apostrophe (nmod with a 'case' child)."""
    return token.dep_ == "poss" or (token.dep_ == "nmod" and any(c.dep_ == "case" for c in token.children))


def passive_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
    if verb.dep_ in ("acomp", "oprd") and verb.head.lemma_ in ("stand", "remain", "be"):
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return None


def prep_objects(token: Token, *preps: str) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return out


def objects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return [t for obj in found for t in [obj, *obj.conjuncts]]


def negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return any(c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det") for c in token.children)


# Verbs whose infinitive is not (yet) done: "threatened to sue", "plans to accuse".
UNREALISED_VERBS = {"threaten", "plan", "vow", "want", "intend", "consider", "hope", "promise", "pledge", "seek",
                    "refuse", "decline", "fail", "weigh", "mull", "aim", "offer"}  # fmt: skip


INVERTING_AUX = {"had", "were", "should"}


def hypothetical(verb: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and any(c.dep_ == "aux" and c.lower_ in INVERTING_AUX and c.i < subj.i for c in verb.children):
        return True  # "had he denied the charge, ...": a condition, inverted
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in UNREALISED_VERBS:
        return True
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            break
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        node = node.head if node.head is not node else None
    return False


def phrase(token: Token, limit: int = 120) -> str:
    tokens = sorted(token.subtree, key=lambda t: t.i)
    text = token.doc[tokens[0].i : tokens[-1].i + 1].text
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def clause_text(sent: Span) -> str:
    return sent.text.lower().replace("\u2019", "'")
