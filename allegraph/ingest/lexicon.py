"""Cue words. Lemmas are matched lower-cased so that title-case headlines still match."""

from __future__ import annotations

import re
from functools import lru_cache

SPEECH_ACT_VERBS: dict[str, str] = {
    "accuse": "accuse", "allege": "accuse", "charge": "accuse",
    "deny": "deny", "reject": "deny", "dismiss": "deny", "refute": "deny", "dispute": "deny",
    "rebuff": "deny", "repudiate": "deny", "rebut": "deny",
    "condemn": "condemn", "criticize": "condemn", "criticise": "condemn", "denounce": "condemn",
    "slam": "condemn", "deplore": "condemn", "blast": "condemn", "decry": "condemn",
    "lambaste": "condemn", "lambast": "condemn", "censure": "condemn", "rebuke": "condemn",
    "castigate": "condemn", "assail": "condemn",
    # judgement: disapproval in every register, from diplomatic to tabloid
    "berate": "condemn", "chastise": "condemn", "scold": "condemn", "excoriate": "condemn", "vilify": "condemn",
    "deride": "condemn", "ridicule": "condemn", "mock": "condemn", "lament": "condemn", "reproach": "condemn",
    "admonish": "condemn", "disparage": "condemn", "belittle": "condemn", "denigrate": "condemn", "chide": "condemn",
    "demonize": "condemn", "demonise": "condemn", "pillory": "condemn", "upbraid": "condemn", "bash": "condemn",
    "slate": "condemn", "fault": "condemn", "insult": "condemn", "smear": "condemn", "scorn": "condemn",
    "attack": "condemn",
    # denial: rejecting an accusation or one's own responsibility
    "contest": "deny", "disavow": "deny", "deflect": "deny", "contradict": "deny",
    # accusation
    "implicate": "accuse", "incriminate": "accuse",
    # legal action, an accusation only with the wrong it alleges ("sued X for harassment")
    "sue": "accuse",
    "blame": "blame",
}  # fmt: skip
# Legal actions: an accusation only "for"/"over" a wrong, not for a remedy ("sued X for damages").
LEGAL_ACTION_VERBS = {"sue"}
REMEDY_NOUNS = {"damage", "damages", "compensation", "money", "refund", "payment", "sum", "amount", "cost", "costs",
                "fee", "fees", "million", "billion", "return", "access", "release", "right", "custody"}  # fmt: skip
# Verbs that deny only against a charge: "defended herself against the accusations".
DEFENCE_VERBS = {"defend", "protect"}
# Verbs that are a speech act only when their object is an actor or what an actor did
# ("attacked Labour's pledges"), never when it is a place or a thing ("attacked a convoy").
ACTOR_OBJECT_VERBS = {"attack", "bash", "slate", "fault", "insult", "smear", "scorn", "contest", "contradict"}
# What an actor says or decides: attacking these is criticism.
DISCOURSE_NOUNS = {"pledge", "policy", "plan", "record", "remark", "comment", "statement", "decision", "handling",
                   "stance", "position", "proposal", "speech", "claim", "approach", "strategy", "leadership",
                   "budget", "manifesto", "rhetoric", "agenda", "view", "response", "idea", "argument", "tactic",
                   "promise", "campaign", "bill", "law", "reform", "deal", "move", "report", "words"}  # fmt: skip
# Nouns for what an actor decided or did, judged in the speaker's words ("X's move was ...").
ACT_JUDGED_NOUNS = {"move", "step", "action", "actions", "conduct", "behaviour", "behavior", "measure", "approach",
                    "treatment", "handling", "policies"}  # fmt: skip
WEAPONS = {"knife", "gun", "rifle", "pistol", "bomb", "grenade", "machete", "axe", "stick", "stone", "rock", "drone",
           "rocket", "missile", "shell", "tank", "bullet", "bat", "sword", "hammer", "car", "truck", "vehicle"}  # fmt: skip
# Idioms: (verb lemma, the word that makes the idiom, the preposition before the target) -> kind.
IDIOMS: dict[tuple[str, str, str], str] = {
    ("hit", "out", "at"): "condemn", ("lash", "out", "at"): "condemn", ("hit", "back", "at"): "condemn",
    ("strike", "out", "at"): "condemn", ("take", "aim", "at"): "condemn", ("round", "", "on"): "condemn",
    ("rail", "", "against"): "condemn", ("speak", "out", "against"): "condemn", ("lay", "", "into"): "condemn",
    ("pour", "scorn", "on"): "condemn", ("take", "swipe", "at"): "condemn", ("single", "out", ""): "condemn",
    ("take", "dig", "at"): "condemn", ("take", "potshot", "at"): "condemn", ("heap", "scorn", "on"): "condemn",
    ("heap", "criticism", "on"): "condemn",
    ("point", "finger", "at"): "blame", ("lay", "blame", "on"): "blame", ("pin", "blame", "on"): "blame",
    ("put", "blame", "on"): "blame", ("shift", "blame", "to"): "blame", ("shift", "blame", "onto"): "blame",
}  # fmt: skip
# "A and B traded accusations": each accuses the other.
RECIPROCAL_NOUNS = {"accusation": "accuse", "allegation": "accuse", "blame": "blame", "barb": "condemn",
                    "insult": "condemn", "criticism": "condemn", "recrimination": "accuse"}  # fmt: skip
RECIPROCAL_VERBS = {"trade", "exchange", "swap", "hurl"}
# Verbs of labelling: "called X a liar", "dismissed X as a joke", "described X as overrated".
LABEL_VERBS = {"call", "label", "brand", "describe", "dismiss", "term", "characterize", "characterise", "denounce",
               "paint", "portray", "deride", "decry", "liken", "compare", "find"}  # fmt: skip
# Not labels: "considers X a terrorist group" is a designation, which the rulebook leaves out.
# Light verbs whose subject makes the accusation a noun names ("levelled accusations against").
NOUN_LIGHT_VERBS = {"make", "level", "levell", "bring", "issue", "voice", "express", "lodge", "file", "repeat",
                    "renew", "hurl", "launch", "publish", "air"}  # fmt: skip
# What carries words, not deeds: the reaction it draws is aimed at whoever wrote or said them.
NEWS_NOUNS = {"news", "document", "memo", "bulletin", "letter", "tweet", "post", "article", "book", "interview",
              "revelation", "disclosure", "leak", "announcement", "publication", "report", "remarks", "comments"}  # fmt: skip
# Adjectives that make an "attack" a deed rather than a verbal one.
PHYSICAL_MODIFIERS = {"military", "armed", "chemical", "nuclear", "aerial", "deadly", "suicide", "terrorist", "cyber",
                      "physical", "violent", "coordinated", "surprise", "fatal", "lethal", "brutal", "bloody"}  # fmt: skip
# Verbs whose object is a reaction that comes *from* others ("drew condemnation from Japan").
DRAW_VERBS = {"draw", "provoke", "spark", "trigger", "prompt", "attract", "earn", "face", "receive", "invite"}
# Inflected forms, for title-case lines where the tagger's lemma is unreliable.
FORMS: dict[str, str] = {}
for _lemma in SPEECH_ACT_VERBS:
    _stem = _lemma[:-1] if _lemma.endswith("e") else _lemma
    for _form in (_lemma, _lemma + "s", _stem + "ed", _stem + "ing", _lemma + "d"):
        FORMS[_form] = _lemma
FORMS.update({"denies": "deny", "denied": "deny", "slams": "slam", "slammed": "slam", "slamming": "slam"})

# Denial verbs whose object may be the accuser itself ("rebutted the minister").
PERSON_OBJECT_DENIALS = {"rebuff", "rebut", "contradict", "contest", "dispute"}
# Rejecting these is refusing a proposal, not denying an accusation.
PROPOSAL_NOUNS = {
    "proposal", "offer", "plan", "request", "call", "demand", "invitation", "resolution", "bid",
    "deal", "idea", "suggestion", "appeal", "initiative", "application", "motion", "amendment",
    "entry", "access", "visa", "permission", "bail", "candidacy", "nomination", "ultimatum",
}  # fmt: skip
ACCUSATION_NOUNS = {
    "accusation", "allegation", "claim", "charge", "statement", "report", "assertion", "blame",
    "responsibility", "involvement", "suggestion", "criticism", "accusations", "allegations",
    "pronouncement", "story", "rumour", "rumor", "version",
    "comment", "comments", "remark", "remarks", "characterisation", "characterization", "portrayal", "insinuation",
}  # fmt: skip
NOUN_CUES: dict[str, str] = {
    "accusation": "accuse", "allegation": "accuse", "charge": "accuse",
    "denial": "deny", "rebuttal": "deny",
    "condemnation": "condemn", "criticism": "condemn", "denunciation": "condemn", "rebuke": "condemn",
    "censure": "condemn", "attack": "condemn", "tirade": "condemn", "broadside": "condemn", "outrage": "condemn",
    "blame": "blame",
}  # fmt: skip
# Cue nouns that are also ordinary words ("an attack on a convoy", "charges of $5"): only with a speaker and an actor target.
AMBIGUOUS_NOUN_CUES = {"attack", "charge", "outrage", "blame"}
# Pejorative labels VADER's lexicon lacks (political insult vocabulary).
PEJORATIVES = {
    "joke", "puppet", "overrated", "corrupt", "corrupted", "outlaw", "outlaws", "thug", "thugs", "tyrant", "dictator",
    "fascist", "nazi", "hitler", "mussolini", "traitor", "liar", "clown", "disgrace", "illegitimate", "vacuous",
    "baseless", "reckless", "irresponsible", "hypocritical", "hypocrisy", "hypocrite", "bully", "bullying",
    "racist", "xenophobic", "narrow-minded", "odious", "mongrel", "criminal", "terrorist", "murderer", "butcher",
    "farce", "sham", "stupid", "incompetent", "dangerous", "despicable", "shameful", "unacceptable", "barbaric",
    "provocative", "aggressive", "destabilizing", "destabilising", "unjustified", "unprovoked", "double standards",
    "hostile", "arrogant", "extremist", "rogue", "evil", "insulting", "offensive", "disgraceful", "politically motivated",
    # judgements of a policy or a decision that VADER lacks or rates mild ("foolish" -1.1, "cynical" -1.6)
    "foolish", "misguided", "politicised", "politicized", "intolerable", "cynical", "biased", "one-sided", "malicious",
    "unlawful", "discriminatory", "heavy-handed", "draconian", "undemocratic", "unconstitutional", "inflammatory",
    "divisive", "shameless", "cowardly", "ludicrous", "laughable", "appalling", "affront", "intolerant", "oppressive",
    "repressive", "senseless", "heinous",
    # the diplomatic register of disapproval
    "unhelpful", "counterproductive", "escalatory", "unwise", "short-sighted", "shortsighted", "wrongheaded",
    "ill-advised", "provocation", "blackmail",
}  # fmt: skip
# Labels written as several words ("politically motivated"): matched as phrases over the whole label.
PEJORATIVE_PHRASES = tuple(sorted(p for p in PEJORATIVES if " " in p))
# Nouns that judge only with the thing they harm: "a blow to press freedom", "an offence to the victims"
# ("a blow" alone may be a punch).
HARM_TO_NOUNS = {"blow", "offence", "offense", "affront", "insult", "slap"}
SAY_VERBS = {
    "say", "tell", "state", "add", "claim", "insist", "assert", "argue", "write", "tweet",
    "allege", "report", "announce", "note", "stress", "complain", "suggest", "imply",
    "maintain", "declare", "warn", "explain", "accuse", "charge", "call",
    # asserting in other registers: argument, testimony, disclosure, an inquiry's conclusions (not "respond to",
    # "counter", "find": "responded to Y's attacks with airstrikes" is a deed, not words about Y)
    "contend", "reiterate", "testify", "affirm", "aver", "reveal", "disclose", "confirm", "emphasize", "emphasise",
    "underline", "retort", "conclude",
}  # fmt: skip
# Verbs of talking about a topic ("spoke about the atrocities of Y"): the acts they name are the charge.
TOPIC_VERBS = {"speak", "talk"}
HEDGE_VERBS = {"suggest", "imply", "hint", "speculate"}
HEDGE_WORDS = {"allegedly", "reportedly", "apparently", "supposedly", "purportedly", "possibly"}
MODALS = {"could", "would", "might", "may", "should", "can", "must"}

WRONG_VERBS = {
    "kill", "attack", "bomb", "shell", "strike", "target", "ram", "harass", "seize", "violate", "invade", "occupy",
    "besiege", "massacre", "murder", "torture", "shoot", "destroy", "hit", "fire", "raid",
    "supply", "arm", "fund", "finance", "smuggle", "sponsor", "harbor", "harbour", "nurture",
    "interfere", "meddle", "lie", "cheat", "rig", "steal", "loot", "abduct", "kidnap",
    "execute", "slaughter", "starve", "poison", "gas", "annex", "provoke", "sabotage",
    "hack", "spy", "bribe", "launder", "embezzle", "persecute", "oppress", "terrorize",
    "intimidate", "escalate", "breach", "wage", "commit", "carry", "launch", "conduct",
    "support", "back", "help", "send", "deploy", "plot",
    # abuses of power and subversion, the charges of political news
    "infiltrate", "conspire", "suppress", "repress", "silence", "censor", "discriminate", "exploit",
    "manipulate", "mislead", "deceive", "obstruct", "undermine", "destabilize", "destabilise", "incite",
    "instigate", "radicalize", "radicalise", "shelter", "bankroll", "assassinate", "coerce", "blackmail",
    "extort", "defraud", "falsify", "forge", "bully", "stoke", "sow", "foment", "inflame", "whitewash",
    "flout", "contravene",
    # abuse of persons and of their good name
    "abuse", "mistreat", "maltreat", "rape", "molest", "brutalize", "brutalise", "maim", "defame", "libel", "slander",
}  # fmt: skip
# Deception: verbs of spreading are a wrong only with a falsehood as object ("amplifying false claims").
SPREAD_VERBS = {"spread", "amplify", "peddle", "push", "promote", "echo", "disseminate", "circulate", "propagate",
                "pump", "broadcast", "fuel"}  # fmt: skip
FALSEHOOD_NOUNS = {"disinformation", "misinformation", "propaganda", "lie", "falsehood", "fabrication", "hoax",
                   "rumour", "rumor", "smear"}  # fmt: skip
FALSE_WORDS = {"false", "fake", "misleading", "fabricated", "bogus", "untrue", "deceptive", "distorted", "debunked",
               "baseless", "unfounded", "conspiracy"}  # fmt: skip
# Set phrases where "false" deceives no one: "false hope", "a false sense of security", "a false start".
NOT_FALSEHOODS = {"hope", "hopes", "sense", "start", "dawn", "alarm", "modesty", "positive", "positives", "economy"}
# Verbs of breaking a rule: their object is the rule broken, never a harmless one ("breached the agreement").
BREACH_VERBS = {"violate", "breach", "flout", "contravene"}
# Idioms of wrongdoing: verb -> the object or particle that makes it one.
WRONG_IDIOMS: dict[str, tuple[str, ...]] = {
    "turn": ("eye",), "cover": ("up",), "play": ("politics", "game", "games", "trick"), "drag": ("foot", "feet"),
    "stab": ("back",), "sweep": ("rug",), "open": ("fire",),
}  # fmt: skip
# Objects that make a violent verb harmless: "strike a deal", "hit a record high", "launch a website",
# "fund the cost of deployment" (paying is no wrong; "funding militias" still is).
HARMLESS_OBJECTS = {"chord", "deal", "balance", "note", "tone", "agreement", "bargain", "pose", "record", "high",
                    "low", "milestone", "jackpot", "headline", "headlines", "website",
                    "investigation", "inquiry", "probe", "review", "appeal", "bid", "initiative", "app", "product",
                    "cost", "costs", "bill", "salary", "salaries", "pension", "pensions"}  # fmt: skip
# Verbs that are wrongful only with a wrongful object ("launch an attack", "send weapons").
LIGHT_VERBS = {
    "commit",
    "carry",
    "launch",
    "conduct",
    "wage",
    "support",
    "back",
    "help",
    "send",
    "deploy",
    "make",
    "have",
    # directing an act is doing it: "orchestrated the attack", "masterminded the bombing"
    "orchestrate",
    "mastermind",
}
WRONG_NOUNS = {
    "attack", "strike", "airstrike", "air strike", "shelling", "bombing", "bombardment",
    "crime", "aggression", "violation", "massacre", "killing", "atrocity", "invasion",
    "occupation", "interference", "meddling", "provocation", "terrorism", "genocide",
    "war crime", "campaign", "offensive", "raid", "incursion", "abuse", "torture", "murder",
    "assault", "missile", "weapon", "ammunition", "arms", "militant", "terrorist", "rebel",
    "fighter", "manpower", "recruit", "mercenary", "corruption", "fraud", "lie", "hacking",
    "cyberattack", "disinformation", "propaganda", "escalation", "blockade", "siege",
    "mission", "sanction", "destruction",
    "coup", "plot", "conspiracy", "crackdown", "repression", "persecution", "discrimination", "harassment",
    "coercion", "intimidation", "bribery", "embezzlement", "cover-up", "espionage", "sabotage", "cruelty",
    "extortion", "abduction", "kidnapping", "assassination", "poisoning", "smuggling", "trafficking",
    "cleansing", "rape", "mistreatment", "maltreatment", "looting", "spying",
}  # fmt: skip
# Nouns that name a harmful act by themselves (not merely an instrument).
ACT_NOUNS = WRONG_NOUNS - {
    "missile", "weapon", "ammunition", "arms", "militant", "terrorist", "rebel", "fighter",
    "manpower", "recruit", "mercenary", "mission", "sanction", "campaign", "offensive",
}  # fmt: skip
CONDEMN_PHRASES = (
    "unacceptable", "mayhem", "outrageous", "outrage", "barbaric", "blatant violation",
    "flagrant violation", "abhorrent", "appalling", "shameful", "disgraceful", "heinous",
    "reprehensible", "deplorable", "despicable", "criminal", "inhumane", "horrific",
)  # fmt: skip
DENY_PHRASES = (
    "do not accept", "don't accept", "does not accept", "baseless", "unfounded", "groundless",
    "horror story", "nothing to do with", "fabricat", "fake news", "false accusation",
    "slander", "absurd", "nonsense", "are lies", "a lie", "pure lies", "blatant lies", "untrue", "not true", "no evidence", "dodges blame",
    "dodge blame", "not responsible", "not involved", "categorically reject", "totally false",
    "without foundation", "have not made any", "did not carry out", "never carried out",
)  # fmt: skip
BEHIND_WORDS = {"behind"}
COMPLICIT_WORDS = {"complicit", "involved", "implicated", "culpable"}  # "Y was complicit in the attack"
PART_NOUNS = {"involvement", "complicity", "role", "part", "hand", "participation"}  # "Y's role in the massacre"
BREACH_NOUNS = {"violation", "breach", "contravention", "defiance"}  # "Y was in violation of the deal"
# "there is evidence that Y ...", "a reasonable basis to believe Y ...": what the words assert is inside
EVIDENCE_NOUNS = {"evidence", "basis", "proof", "indication", "sign", "reason", "grounds"}
RESPONSIBLE_WORDS = {"responsible", "accountable", "culpable", "guilty"}


@lru_cache(maxsize=8)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")", re.I)


def has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    """Whole-word (prefix) match: 'lies' must not match inside 'allies'."""
    return _phrase_pattern(phrases).search(text.replace("\u2019", "'")) is not None


ANSWERABLE_NOUNS = {"accusation", "allegation", "claim", "charge", "statement", "assertion"}
# Acts inside these are someone else's account, not the speaker's own charge.
HEARSAY_NOUNS = {"report", "accusation", "allegation", "claim", "rumour", "rumor", "charge", "reports"}
# Words of the claim itself, not of its matter: they do not tie a denial to an accusation.
CLAIM_WORDS = (
    set(SPEECH_ACT_VERBS) | SAY_VERBS | ACCUSATION_NOUNS | set(NOUN_CUES) | {"claim", "deny", "denial", "statement"}
)

# --- words of actors' names --------------------------------------------------------------
# Heads of names that make an organisation an organ of the state that qualifies it.
GOVERNMENT_HEADS = {"court", "army", "navy", "ministry", "department", "bureau", "agency", "police", "service",
                    "force", "forces", "guard", "guards", "government", "parliament", "embassy", "office", "administration",
                    "military", "command", "corps", "directorate", "prosecutor", "council", "cabinet", "tribunal"}  # fmt: skip
# What a ministry's name says it is in charge of ("the Defence Ministry").
MINISTRY_SPECS = {
    "defense",
    "defence",
    "foreign",
    "interior",
    "justice",
    "health",
    "finance",
    "economy",
    "energy",
    "trade",
}
