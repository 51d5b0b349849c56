"""Find actor mentions in a parsed document and resolve them to typed actors.

Per document: states (names, capitals, demonyms), seats of government (Kremlin), IGOs,
government bodies ("Syrian government forces" -> Syria), ministries ("Russia's Defense
Ministry"), other organisations (NER), and people with the role and affiliation their
titles and appositions give. Short forms and pronouns are resolved within the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from allegraph.ingest.affiliations import bare_organ, national_body, recent_state
from allegraph.ingest.gazetteer import Gazetteer, fold
from allegraph.ingest.names import surname
from allegraph.ingest.speakers import admissible, pronoun_antecedent
from allegraph.ingest.syntax import is_possessor, prep_objects
from allegraph.ingest.titles import ROLE_NOUNS, holds
from allegraph.ingest.tokens import TokenTable

TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "maj", "gen", "col", "lt", "sir", "president", "prime", "minister",
    "ambassador", "spokesman", "spokeswoman", "general", "major", "colonel", "lieutenant", "king",
    "queen", "prince", "sheikh", "admiral", "senator", "rep", "gov", "governor", "mayor", "deputy",
    "chancellor", "secretary", "foreign", "defense", "defence", "interior", "premier", "lady", "lord", "dame",
    "sen", "judge", "justice", "professor", "prof", "rev", "pope", "cardinal", "archbishop", "bishop",
}  # fmt: skip
TRAILING_TITLE_WORDS = {"chief", "executive", "president", "chairman", "chairwoman", "spokesman", "spokeswoman",
                        "director", "secretary", "minister", "head", "leader", "general"}  # fmt: skip
BARE_INSTITUTION_WORDS = {"state", "house", "senate", "congress", "commons", "lords", "cabinet", "court", "party"}
GOV_ORG_HEADS = {"ministry", "ministries", "embassy", "parliament", "police", "navy", "intelligence"}
PRONOUN_PERSON = {"he", "she", "him", "her"}
PRONOUN_COLLECTIVE = {"it", "its"}
REPRESENTATIVE_NOUNS = {"lawyer", "lawyers", "attorney", "attorneys", "counsel", "solicitor", "solicitors",
                        "barrister", "spokesman", "spokeswoman", "spokesperson", "aide", "aides"}  # fmt: skip
HEAD_OFFICES = {"prime minister", "president", "premier", "chancellor", "king", "emir"}
UNNAMED_GOVERNMENT = {"government", "regime", "authorities"}


@dataclass
class ActorDraft:
    key: str
    name: str
    type: str  # State | Organization | Person
    iso: str | None = None
    state_key: str | None = None  # organisation PART_OF state
    affiliation_key: str | None = None  # person SPEAKS_FOR
    role: str | None = None
    title: str | None = None
    parent_org: str | None = None  # IGO body -> parent organisation name
    represents_hint: str | None = None  # inferred from the accusation a person denies
    party: bool = False  # a political party: speaks for itself, never for a state
    home_iso: str | None = None  # a party's country: where the story is, not whom it speaks for
    former: bool = False  # "former"/"ex-" office-holders no longer act in office: they speak for themselves
    office_state: str | None = None  # state key the person's office title names ("Secretary of State")
    state_office: bool = False  # holds a government office (president, minister...) of an unnamed state
    avoid_states: set[str] = field(default_factory=set)  # states this actor accuses: not its own
    first_token: int = 10**9


@dataclass
class Mention:
    start: int
    end: int
    keys: list[str]
    kind: str  # state | demonym | org | person | body


@dataclass
class ActorIndex:
    """All actors of one document and the token positions that mention them."""

    doc: Doc
    gaz: Gazetteer
    actors: dict[str, ActorDraft] = field(default_factory=dict)
    by_token: dict[int, Mention] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    _home_states: dict[str, int] | None = None
    table: TokenTable = field(init=False)  # per-document token attributes, for the rules' scans

    def __post_init__(self) -> None:
        self.table = TokenTable(self.doc)

    # --- registry -------------------------------------------------------------------------
    def state_key(self, iso: str, at: int) -> str:
        key = f"state:{iso}"
        if key not in self.actors:
            info = self.gaz.state(iso)
            self.actors[key] = ActorDraft(key=key, name=info.name, type="State", iso=iso)
        self.actors[key].first_token = min(self.actors[key].first_token, at)
        return key

    def org_key(self, name: str, at: int, state_key: str | None = None, parent: str | None = None) -> str:
        key = f"org:{fold(name)}"
        if key not in self.actors:
            self.actors[key] = ActorDraft(
                key=key, name=name, type="Organization", state_key=state_key, parent_org=parent
            )
        draft = self.actors[key]
        draft.first_token = min(draft.first_token, at)
        draft.state_key = draft.state_key or state_key
        return key

    def party_key(self, name: str, at: int, iso: str | None = None) -> str:
        key = self.org_key(name, at)
        self.actors[key].party = True
        self.actors[key].home_iso = self.actors[key].home_iso or iso
        return key

    def add(self, start: int, end: int, keys: list[str], kind: str) -> None:
        if any(i in self.by_token for i in range(start, end)):
            return
        mention = Mention(start, end, keys, kind)
        self.mentions.append(mention)
        for i in range(start, end):
            self.by_token[i] = mention

    def represents(self, key: str | None, depth: int = 0, *, guess: bool = True) -> str | None:
        """Whom an actor speaks for; `guess=False` leaves out the document's state for untitled offices."""
        if key is None or depth > 4:
            return None
        actor = self.actors[key]
        if actor.type == "State":
            return actor.name
        if actor.type == "Organization":
            if actor.state_key:
                return self.actors[actor.state_key].name
            home = self.home_state(actor.avoid_states) if guess and bare_organ(self, actor.name) else None
            return self.actors[home].name if home else actor.parent_org or actor.name
        if actor.former:  # out of office: no longer the state's voice, still the party's
            party = self.actors[actor.affiliation_key] if actor.affiliation_key else None
            return party.name if party is not None and party.party else None
        if actor.affiliation_key and not self._in_office_of_a_party(actor):
            return self.represents(actor.affiliation_key, depth + 1, guess=guess)
        guessed = self.home_state(actor.avoid_states) if actor.state_office and guess else None
        if guessed is None and actor.state_office and actor.affiliation_key:
            home = self.actors[actor.affiliation_key].home_iso  # "President X, a Democrat": the party's country
            guessed = self.state_key(home, 10**9) if home else None
        state = actor.office_state or guessed
        return self.actors[state].name if state else None

    def _in_office_of_a_party(self, actor: ActorDraft) -> bool:
        """'U.S. President X, a Democrat': a party member holding a state office speaks for the state."""
        party = self.actors[actor.affiliation_key] if actor.affiliation_key else None
        in_office = actor.office_state is not None or actor.state_office
        # a party's spokesman speaks for the party ("Tory spokesman X"), whatever office he shadows
        return party is not None and party.party and in_office and actor.role != "spokesperson"

    def home_state(self, avoid: set[str] | None = None) -> str | None:
        """The state an unqualified office ("the president", "the government") belongs to: the one the
        document is mostly about, passing over the states the office-holder accuses."""
        counts = self._state_counts()
        ranked = sorted(counts, key=lambda k: (-counts[k], self.actors[k].first_token))
        ranked = [k for k in ranked if k not in (avoid or set())]
        return ranked[0] if ranked else None

    def _state_counts(self) -> dict[str, int]:
        if self._home_states is None:
            counts: dict[str, int] = {}
            lede_end = _lede_end(self.doc)
            for mention in self.mentions:
                # the headline and first sentences name the story's protagonist
                weight = 3 if mention.start < lede_end else 1
                if mention.kind == "demonym":
                    weight *= 2  # "Indian", "Philippine": adjectives mostly qualify the story's own officials
                actor = self.actors[mention.keys[0]]
                if actor.type == "Organization" and (actor.state_key or actor.home_iso):
                    weight *= 2  # its institutions and parties ("the Pentagon", "Tories") place a story
                    if actor.home_iso:
                        home = self.state_key(actor.home_iso, 10**9)
                        counts[home] = counts.get(home, 0) + weight
                        continue
                for key in mention.keys:
                    state = self.state_of(key) if self.actors[key].type != "Person" else None
                    if state:
                        counts[state] = counts.get(state, 0) + weight
            self._home_states = counts
        return self._home_states

    def state_of(self, key: str | None) -> str | None:
        """The state key an actor belongs to, if any."""
        if key is None:
            return None
        actor = self.actors[key]
        if actor.type == "State":
            return key
        if actor.type == "Organization":
            return actor.state_key
        return self.state_of(actor.affiliation_key) if actor.affiliation_key != key else None

    # --- resolution -----------------------------------------------------------------------
    def keys_at(self, token: Token) -> list[str]:
        mention = self.by_token.get(token.i)
        return list(mention.keys) if mention and mention.kind != "demonym" else []

    def resolve(self, token: Token, *, modifiers: bool = False) -> list[str]:
        """Actors a noun phrase headed by `token` refers to (conjuncts not included)."""
        keys = self.keys_at(token)
        if keys:
            return keys
        lower = token.lower_
        if lower in ("who", "which", "whom", "that") and token.tag_ in ("WP", "WDT"):
            antecedent = _antecedent(token)  # "Gulen, who Erdogan says was plotting a coup"
            # the antecedent itself, not what qualifies it: "the Syrian city, which ..." is not Syria
            return self.resolve(antecedent) if antecedent is not None else []
        if lower in PRONOUN_PERSON | PRONOUN_COLLECTIVE:
            told = pronoun_antecedent(self, token)  # "X said that it ...", an expletive "it"
            if told is not None:
                return told
        if lower in PRONOUN_PERSON:
            return self._last_subject_person(token) or self._last(lambda a: a.type == "Person", token.i, token)
        if lower == "both" and token.dep_ in ("nsubj", "nsubjpass"):
            return self._last_pair(token.i)
        if lower in PRONOUN_COLLECTIVE:
            return self._last(lambda a: a.type != "Person", token.i, token)
        if lower in UNNAMED_GOVERNMENT and not any(c.dep_ in ("amod", "compound", "poss") for c in token.children):
            # "the government denies ...": the one state the passage just named, else the story's own
            home = recent_state(self, token) or self.home_state()
            return [home] if home else []
        if national := national_body(self, token):  # "federal prosecutors": the story's own state
            return national
        if lower in REPRESENTATIVE_NOUNS and token.dep_ in ("nsubj", "nsubjpass"):
            principals = [c for c in token.children if is_possessor(c)] + prep_objects(token, "for", "of")
            principal = [k for c in principals for k in self.resolve(c, modifiers=True)]
            if principal:  # "Melgen's attorneys denied", "a lawyer for Greenpeace said": they speak for their client
                return principal
        if _role_word(token) in ROLE_NOUNS or lower in {"ministry", "regime"}:
            found = self._role_coref(token)
            if found:
                return found
        if token.pos_ == "PROPN" or token.text[:1].isupper():
            short = self._short_form(token)
            if short:
                return short
        if token.pos_ == "NOUN" and any(c.lower_ in ("the", "this") for c in token.children):
            definite = self._definite(token)
            if definite:
                return definite
        for child in token.children:  # "his predecessor Goodluck Jonathan", "the party, the Kuomintang"
            if child.dep_ == "appos":
                found = self.keys_at(child)
                if found:
                    return found
        if modifiers:
            return self._from_modifiers(token)
        return []

    def _from_modifiers(self, token: Token) -> list[str]:
        keys: list[str] = []
        for child in token.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") or (
                child.dep_ == "prep" and child.lower_ in ("of", "by", "from")
            ):
                target = next((c for c in child.children if c.dep_ == "pobj"), None) if child.dep_ == "prep" else child
                if target is None:
                    continue
                for node in [target, *target.conjuncts]:
                    mention = self.by_token.get(node.i)
                    if mention is not None:
                        keys.extend(k for k in mention.keys if k not in keys)
                    else:
                        keys.extend(k for k in self.resolve(node) if k not in keys)
        return keys

    def _last(self, predicate, before: int, pronoun: Token | None = None) -> list[str]:  # type: ignore[no-untyped-def]
        best: tuple[int, str] | None = None
        for mention in self.mentions:
            if mention.start >= before or (pronoun is not None and not admissible(self, pronoun, mention)):
                continue
            for key in mention.keys:
                if predicate(self.actors[key]) and (best is None or mention.start > best[0]):
                    best = (mention.start, key)
        return [best[1]] if best else []

    def _role_coref(self, token: Token) -> list[str]:
        lower = token.lower_
        if lower == "ministry":
            return self._last(lambda a: a.type == "Organization" and "Ministry" in a.name, token.i + 1)
        if lower == "regime":
            return []
        modifiers = self._from_modifiers(token)
        modifier_sides = {self.state_of(k) or k for k in modifiers}
        role = _role_phrase(token)
        candidates = []
        for key, actor in self.actors.items():
            if actor.type != "Person" or not actor.title or not holds(actor.title, role):
                continue
            if modifier_sides and not {self.state_of(key), actor.affiliation_key} & modifier_sides:
                continue
            candidates.append(key)
        if len(candidates) == 1:
            return candidates
        if candidates:
            return self._last(lambda a: a.key in candidates, token.i + 1) or candidates[:1]
        if modifiers:  # "the Tory co-chairman", "Kenya's president": an unnamed holder speaks for them
            return modifiers[:1]
        if role in HEAD_OFFICES and any(c.lower_ == "the" for c in token.children):
            home = self.home_state()  # "the prime minister": the head of the story's own state
            return [home] if home else []
        return []

    def _last_subject_person(self, token: Token, window: int = 3) -> list[str]:
        """'he' is most often the person the last sentences were about: their latest subject."""
        floor = token.sent.start
        for _ in range(window - 1):
            floor = self.doc[floor - 1].sent.start if floor > 0 else 0
        for mention in sorted(self.mentions, key=lambda m: -m.start):
            if not floor <= mention.start < token.i or not admissible(self, token, mention):
                continue
            head = self.doc[mention.start : mention.end].root
            person = [k for k in mention.keys if self.actors[k].type == "Person"]
            if person and head.dep_ in ("nsubj", "nsubjpass"):
                return person[:1]
        return []

    def _last_pair(self, before: int) -> list[str]:
        """'Both accuse the other': the two sides last named together in the same sentence."""
        sent_of = {m.start: self.doc[m.start].sent.start for m in self.mentions}
        earlier = sorted((m for m in self.mentions if m.start < before and m.kind != "demonym"), key=lambda m: m.start)
        for mention in reversed(earlier):
            same = [m for m in earlier if sent_of[m.start] == sent_of[mention.start]]
            keys = list(dict.fromkeys(k for m in same for k in m.keys))
            if len(keys) == 2:
                return keys
            if len(keys) > 2:
                return []
        return []

    def _definite(self, token: Token) -> list[str]:
        """'the court', 'the party': the last organisation mentioned whose name ends in that noun."""
        word = token.lower_

        def named(actor: ActorDraft) -> bool:
            words = actor.name.lower().split(" of ")[0].split()
            return actor.type == "Organization" and len(words) > 1 and words[-1] == word

        return self._last(named, token.i) if word not in BARE_INSTITUTION_WORDS - {"court", "party"} else []

    def _short_form(self, token: Token) -> list[str]:
        word = token.text.lower()
        for key, actor in self.actors.items():
            if actor.type == "Person":
                if word == surname(actor.name).lower() and len(word) > 2:
                    return [key]
            elif actor.type == "Organization" and len(actor.name.split()) > 1 and not token.is_sent_start:
                # a sentence's first word is capitalised anyway: "News of ..." is not "ABC News"
                head = actor.name.split(" for ")[0].split(" of ")[0].split()[-1].lower()
                if word == head and word not in GOV_ORG_HEADS:
                    return [key]
        return []


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative clause describes: the head of the nearest relative clause above the pronoun."""
    for ancestor in pronoun.ancestors:
        if ancestor.dep_ == "relcl":
            return ancestor.head
    return None


def _role_word(token: Token) -> str:
    """'co-chairman' -> 'chairman', 'leaders' -> 'leader'."""
    return token.lemma_.lower().rsplit("-", 1)[-1]


def _role_phrase(token: Token) -> str:
    """The office a role noun names, with its compound ('prime minister', 'foreign minister')."""
    words = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
    return " ".join([*words, _role_word(token)])


def _lede_end(doc: Doc, sentences: int = 3) -> int:
    for n, sent in enumerate(doc.sents):
        if n + 1 >= sentences:
            return sent.end
    return len(doc)
