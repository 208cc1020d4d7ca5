"""The `consistency` kind: one thing, one form — within a document and across the documents of one run.

The rule's `check` option picks what is compared:

- `listed`: the groups of the rule's `either:` list ("e-mail"/"email");
- `names`: romanisations of one name in a document (Aleksandr/Alexander,
  Lukashenko/Lukashenka), register people slot by slot, other names by
  transliteration key;
- `names-across-files`: the same across every document of the run
  (a cross-document check: findings come after the last document);
- `outdated-names`: the register's rejected official names (Kiev -> Kyiv),
  unless the release is dated before the change;
- `spelling-variants`: British and American spellings of one word mixed in a
  document (under language `en`);
- `terms`: one term written closed, hyphenated and open (counter-terrorism /
  counterterrorism, tax payers / taxpayers) or in different capitals (BelTA / BELTA).

In each group the minority form is flagged and the majority form suggested;
ties go to the preferred form (register, the group's first form, a dictionary
word), then to the form used first.
"""

from __future__ import annotations

import datetime
import operator
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from itertools import compress, count, islice, repeat
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, cast

from pressqa.document import Document
from pressqa.finding import Finding, Severity
from pressqa.kinds.majority import winning_form
from pressqa.kinds.name_mentions import (
    POSSESSIVE_ENDS,
    DocumentNames,
    Mention,
    NameGrouper,
    RegisterForms,
    base_of,
    base_text,
    chunk_tokens,
    document_bases,
    document_name_tokens,
    document_names,
)
from pressqa.kinds.release_date import release_date
from pressqa.lexicon.translit import name_key
from pressqa.prose import MASK
from pressqa.rule import Kind, KindContext, Option, Rule
from pressqa.tokens import _PATTERN as TOKEN_PATTERN
from pressqa.tokens import ACRONYM, APOSTROPHE, WORD, Token, document_tokens

if TYPE_CHECKING:
    from pressqa.lexicon import Lexicon

CHECKS = (
    "listed",
    "names",
    "names-across-files",
    "outdated-names",
    "spelling-variants",
    "terms",
)
SEVERITIES = ("suggestion", "warning", "error")
_TEXT = operator.itemgetter(0)  # a token's text
_KIND = operator.itemgetter(3)  # a token's kind
_WORDS = frozenset({WORD, ACRONYM})
_SPAN = operator.itemgetter(1, 2)  # a token's start and end
_FIRST = operator.itemgetter(0)

# Words after which a hyphenated compound is a noun ("member-states and"), not an attribute ("three-year term").
FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "that", "which", "who", "whom", "whose", "this", "these", "those", "it", "its", "their", "there", "than", "then", "so", "not", "no", "also", "into", "onto", "over", "under", "about", "after", "before", "between", "during", "through", "against", "among", "since", "until", "while", "where", "when", "how", "what", "why", "if"]
)


def _with_case_of(model: str, word: str) -> str:
    if len(model) > 1 and model.isupper() and not word.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    if model[:1].islower() and word[:1].isupper() and not word[1:2].isupper():
        return word[:1].lower() + word[1:]
    return word


class ConsistencyKind(Kind):
    """Flag the minority form of a variant group (see the module docstring for the `check` values)."""

    name: ClassVar[str] = "consistency"
    options: ClassVar[Mapping[str, Option]] = {
        "check": Option((str,), required=True, help=", ".join(CHECKS)),
        "either": Option((list,), [], help="listed: groups of forms, each a list; the first form wins ties"),
        "exceptions": Option((list,), [], help="regexes; a match lying inside a match of one of these is not flagged"),
        "ignore": Option((list,), [], help="terms: closed forms never compared (everyday, anyone, maybe...)"),
        "unlisted_severity": Option(
            (str,), "suggestion", help="names-across-files: severity for names the register does not list"
        ),
        "undated_severity": Option(
            (str,), "suggestion", help="outdated-names: severity when the release has no date (today is assumed)"
        ),
        "settled_years": Option(
            (int,), 10, help="outdated-names: a change older than this is flagged at full severity even undated"
        ),
        "include_ambiguous": Option(
            (bool,), False, help="spelling-variants: also compare pairs whose American form is British too (program)"
        ),
    }

    @classmethod
    def implementation(cls, rule: Rule) -> type[Kind]:
        """Comparing names across files needs every document of the run: a cross-document class."""
        return NamesAcrossFiles if rule.options.get("check") == "names-across-files" else cls

    def __init__(self, rule: Rule, context: KindContext) -> None:
        super().__init__(rule, context)
        self._exceptions = [re.compile(e) for e in self.option("exceptions")]

    @classmethod
    def validate(cls, options: Mapping[str, Any]) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        check = options.get("check")
        if check not in CHECKS:
            problems.append(("check", f"must be one of {', '.join(CHECKS)}"))
        if check == "listed" and not options.get("either"):
            problems.append(("either", "a listed check needs groups of forms"))
        for group in options.get("either") or []:
            if not isinstance(group, list) or len(group) < 2 or not all(isinstance(f, str) and f for f in group):
                problems.append(("either", f"each group must be a list of two or more forms, got {group!r}"))
        for key in ("unlisted_severity", "undated_severity"):
            if key in options and options[key] not in SEVERITIES:
                problems.append((key, f"must be one of {', '.join(SEVERITIES)}"))
        for source in options.get("exceptions") or []:
            try:
                re.compile(str(source))
            except re.error as error:
                problems.append(("exceptions", f"bad regex {source!r}: {error}"))
        return problems

    # -- shared -------------------------------------------------------------------------------------

    @property
    def language(self) -> str:
        config = self.context.settings.get("config")
        return str(getattr(config, "language", None) or self.context.language or "en")

    @cached_property
    def register_forms(self) -> RegisterForms:
        lexicon = self.context.lexicon
        return lexicon.memo(RegisterForms, lambda: RegisterForms(lexicon.register.people))

    @cached_property
    def grouper(self) -> NameGrouper:
        lexicon = self.context.lexicon
        return lexicon.memo((NameGrouper, self.language), lambda: NameGrouper(lexicon, self.language))

    def _excepted(self, doc: Document, start: int, end: int) -> bool:
        for exception in self._exceptions:
            for other in exception.finditer(doc.prose, max(0, start - 80), min(len(doc.prose), end + 80)):
                if other.start() <= start and end <= other.end():
                    return True
        return False

    def check(self, doc: Document) -> Iterable[Finding]:
        check = self.option("check")
        if check == "listed":
            return self._listed(doc)
        if check == "names":
            return self._names(doc)
        if check == "outdated-names":
            return self._outdated(doc)
        if check == "spelling-variants":
            return self._spelling_variants(doc)
        if check == "terms":
            return self._terms(doc)
        return ()

    def _flag_minority(
        self,
        doc: Document,
        spans: Sequence[tuple[int, int, str]],
        key: Any = str.lower,
        preferred: str | None = None,
        weight: Any = lambda form: 0,
        suggest: Any = None,
    ) -> Iterator[Finding]:
        """Findings for the spans (start, end, form) whose form is not the winning one."""
        forms = {key(form) for _, _, form in spans}
        if len(forms) < 2:
            return
        winner_key = winning_form(
            spans,
            lambda s: key(s[2]),
            preferred=lambda k: preferred is not None and k == key(preferred),
            weight=lambda k: weight(next(f for _, _, f in spans if key(f) == k)),
        )
        winner = next(form for _, _, form in spans if key(form) == winner_key)
        if preferred is not None and key(preferred) == winner_key:
            winner = preferred
        count = sum(1 for _, _, form in spans if key(form) == winner_key)
        for start, end, form in spans:
            if key(form) == winner_key or self._excepted(doc, start, end):
                continue
            suggestion = suggest(form, winner) if suggest else _with_case_of(form, winner)
            times = "once" if count == 1 else f"{count} times"
            yield self.report(doc, start, end, suggestions=(suggestion,), count=count, times=times, form=winner)

    # -- listed groups ------------------------------------------------------------------------------

    @cached_property
    def _listed_patterns(self) -> list[tuple[list[tuple[str, frozenset[str]]], re.Pattern[str], bool]]:
        """Each group's forms (each with its word runs, lower case), its pattern (the start boundary is checked by
        `_unhyphenated_matches`), and its case mode."""
        compiled = []
        for group in self.option("either"):
            forms = [str(f) for f in group]
            ignorecase = len({f.lower() for f in forms}) == len(forms)
            alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            pattern = re.compile(rf"(?:{alternation})(?![\w-])", re.IGNORECASE if ignorecase else 0)
            runs = [(form, frozenset(_WORD_RUN.findall(form.lower()))) for form in forms]
            compiled.append((runs, pattern, ignorecase))
        return compiled

    def _listed(self, doc: Document) -> Iterator[Finding]:
        prose, inventory = doc.prose, _inventory(doc)
        words, lower = inventory.words, inventory.lower
        for runs, pattern, ignorecase in self._listed_patterns:
            # A form the pattern matches is whole word runs of the document: a set test rules out most groups.
            forms = [form for form, needed in runs if needed <= words]
            if len(forms) < 2 or sum((f.lower() in lower) if ignorecase else (f in prose) for f in forms) < 2:
                continue  # fewer than two of the forms occur at all: nothing to compare
            spans = [span for span in _unhyphenated_matches(pattern, doc.prose) if MASK not in span[2]]
            if ignorecase:
                yield from self._flag_minority(doc, spans, key=str.lower, preferred=runs[0][0])
            else:  # the forms differ in case only: the winner is suggested exactly as written
                yield from self._flag_minority(doc, spans, key=str, preferred=runs[0][0], suggest=lambda f, w: w)

    # -- names within a document --------------------------------------------------------------------

    def _names(self, doc: Document) -> Iterator[Finding]:
        names = self._document_names(doc)
        groups: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        preferred: dict[str, str | None] = {}
        for mention in names.register:
            groups[mention.group].append((mention.start, mention.end, mention.form))
            preferred.setdefault(mention.group, mention.preferred)
        candidates = names.candidates
        if candidates:
            texts = list(map(_TEXT, candidates))
            group_of = self.grouper.groups(texts)
            forms_of: dict[str, int] = defaultdict(int)
            for group in group_of.values():
                forms_of[group] += 1
            if len(forms_of) < len(group_of):  # some group has two forms: only those are compared
                for text, start, end, *_ in candidates:
                    group = group_of[text]
                    if forms_of[group] > 1:
                        groups[group].append((start, end, text))
        compared = [(spans[0][0], group) for group, spans in groups.items() if len(spans) > 1]
        for _, group in sorted(compared):  # in the order of the groups' first mentions
            spans = groups[group]
            form = spans[0][2]
            if all(span[2] == form for span in spans):
                continue  # one form: the common case
            yield from self._flag_minority(doc, spans, preferred=preferred.get(group), weight=self._is_known_form)

    def _document_names(self, doc: Document) -> DocumentNames:
        return document_names(doc, self.context.lexicon, self.register_forms, self.language)

    def _is_known_form(self, form: str) -> int:
        """1 for a listed name or dictionary word, so a 1:1 tie with a slip (Ukraine/Ukrine) keeps the real one."""
        lexicon = self.context.lexicon
        return int(lexicon.names.is_known(form) or lexicon.words.is_word(form, self.language))

    # -- outdated official names --------------------------------------------------------------------

    @cached_property
    def _outdated_forms(self) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, datetime.date | None]]]:
        """One regex over every rejected form, and each form's official replacement and date (built once per lexicon)."""
        lexicon = self.context.lexicon
        return lexicon.memo(_outdated_forms, lambda: _outdated_forms(lexicon))

    @cached_property
    def _outdated_runs(self) -> list[frozenset[str]]:
        """Each rejected form's word runs, lower case."""
        return [frozenset(_WORD_RUN.findall(form.lower())) for form in self._outdated_forms[1]]

    def _outdated(self, doc: Document) -> Iterator[Finding]:
        pattern, replacements = self._outdated_forms
        if pattern is None:
            return
        words = _inventory(doc).words
        if not any(runs <= words for runs in self._outdated_runs):
            return  # a rejected form the pattern matches is whole word runs of the document: none occurs
        matches = list(_word_matches(pattern, doc.prose))
        if not matches:
            return
        dated = release_date(doc)
        day = dated or datetime.date.today()
        settled = datetime.date(day.year - int(self.option("settled_years")), day.month, 1)
        for match in matches:
            official, since = replacements[match.group(0)]
            if (since is not None and day < since) or self._excepted(doc, match.start(), match.end()):
                continue
            recent = since is None or since > settled
            severity = Severity.parse(self.option("undated_severity")) if not dated and recent else None
            when = f" (since {since.isoformat()})" if since else ""
            yield self.report(
                doc,
                match.start(),
                match.end(),
                suggestions=(official,),
                severity=severity,
                official=official,
                since=when,
                date=day.isoformat() if dated else "undated",
            )

    # -- British and American spellings -------------------------------------------------------------

    @cached_property
    def _variant_families(self) -> dict[str, tuple[str, str, str]]:
        """A word form -> (family, variety 'gb'|'us', the other variety's form) (built once per lexicon)."""
        return self._variant_tables[0]

    @cached_property
    def _variant_tables(self) -> tuple[dict[str, tuple[str, str, str]], frozenset[str] | None]:
        lexicon, include_ambiguous = self.context.lexicon, bool(self.option("include_ambiguous"))
        return lexicon.memo((_variant_tables, include_ambiguous), lambda: _variant_tables(lexicon, include_ambiguous))

    def _variant_words(self, tokens: Iterable[Token]) -> Iterator[tuple[int, int, str, tuple[str, str, str]]]:
        """(start, end, text, family entry) of each word or compound part (possessive off) with a variety."""
        families = self._variant_families
        for token in tokens:
            if token.kind != WORD:
                continue
            text = token.text
            if "-" in text or "‑" in text:
                for part in token.parts():
                    part = base_of(part)
                    entry = families.get(part.text.lower())
                    if entry is not None:
                        yield part.start, part.end, part.text, entry
                continue
            base = base_text(text) if text[-1] in POSSESSIVE_ENDS else text
            entry = families.get(base.lower())
            if entry is not None:
                yield token.start, token.start + len(base), base, entry

    @property
    def _variant_forms(self) -> frozenset[str] | None:
        """Every variant form, when each is one run of word characters (so a document's runs show which occur)."""
        return self._variant_tables[1]

    def _variant_tokens(self, doc: Document) -> Sequence[Token]:
        """The tokens that may be variant words: none when no word family occurs in both varieties among the
        document's words, else those of the chunks holding a variant form (every token when forms are not runs)."""
        forms = self._variant_forms
        if forms is None:
            return document_tokens(doc)
        inventory = _inventory(doc)
        present = inventory.words & forms
        families = self._variant_families
        seen: dict[str, str] = {}
        for form in present:
            family, variety, _ = families[form]
            if seen.setdefault(family, variety) != variety:
                break
        else:
            return ()  # no family in two varieties: nothing to compare
        lower, prose = inventory.lower, doc.prose
        if len(lower) != len(prose):
            return document_tokens(doc)  # lower-casing moved offsets: the lower-case text cannot place the words
        # A variant word (or compound part) lower-cased is a present form at its own offset in the lower-case text.
        places = sorted(at for form in present for at in _occurrences(lower, form))
        chunk_end = _CHUNK_REST.match
        return chunk_tokens(prose, [(at, cast(re.Match[str], chunk_end(prose, at)).end()) for at in places])

    def _spelling_variants(self, doc: Document) -> Iterator[Finding]:
        if self.language != "en":
            return
        tokens = self._variant_tokens(doc)
        if not tokens:
            return
        groups: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        variety: dict[str, tuple[str, str]] = {}
        for start, end, text, entry in self._variant_words(tokens):
            groups[entry[0]].append((start, end, text))
            variety[text.lower()] = (entry[1], entry[2])
        for spans in groups.values():
            yield from self._flag_minority(
                doc,
                spans,
                key=lambda form: variety[form.lower()][0],
                suggest=lambda form, winner: _with_case_of(form, variety[form.lower()][1]),
            )

    def _terms(self, doc: Document) -> Iterator[Finding]:
        compounds = _may_have_compound_variants(doc)
        capitals = _may_have_case_variants(doc, document_name_tokens(doc, self.register_forms))
        if not (compounds or capitals):
            return  # most releases: the tokens are never needed
        all_tokens, all_bases = document_tokens(doc), document_bases(doc)
        words = [kind in _WORDS for kind in map(_KIND, all_tokens)]
        tokens = list(compress(all_tokens, words))
        bases = list(compress(all_bases, words))
        if compounds:
            yield from self._compound_variants(doc, tokens, bases)
        if capitals:
            yield from self._case_variants(doc, tokens, bases)

    @cached_property
    def _ignored_stems(self) -> frozenset[str]:
        """The `ignore` option's words, lower case, as written and as compound stems."""
        ignore = {str(w).lower() for w in self.option("ignore")}
        return frozenset(ignore | {_stem(w) for w in ignore})

    def _compound_variants(self, doc: Document, tokens: Sequence[Token], bases: Sequence[str]) -> Iterator[Finding]:
        """Compounds written in more than one shape: closed, hyphenated (or attributive) and open.

        Only stems that occur hyphenated or open can have two shapes, so
        closed words are looked at one by one only for those stems.
        """
        text = doc.text
        lowers = list(map(str.lower, bases))
        stem_of = {w: _stem(w) for w in set(lowers) if w.isalpha()}
        hyphenated: dict[str, list[tuple[int, _Compound]]] = defaultdict(list)
        for index in [i for i, w in enumerate(lowers) if "-" in w]:
            parts = lowers[index].split("-")
            if len(parts) == 2 and all(len(p) >= 2 and p.isalpha() for p in parts):
                token, base = tokens[index], bases[index]
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                attributive = (
                    base is token.text
                    and following is not None
                    and text[token.end : following.start] == " "
                    and following.text.islower()
                    and following.text not in FUNCTION_WORDS
                )
                shape = "attributive" if attributive else "hyphen"
                compound = _Compound(token.start, token.start + len(base), base, shape, len(parts[0]))
                hyphenated[_stem("".join(parts))].append((index, compound))
        known = set(stem_of.values())
        known.update(hyphenated)
        spaced: dict[str, list[_Compound]] = defaultdict(list)
        # The pairs whose joined letters have a known stem, found by C-level maps; only those are looked at (but
        # a capital sigma lower-cases by its place in the word, so joined and apart may differ: then every pair).
        joined_stems = map(_stem, map(operator.add, lowers, islice(lowers, 1, None)))
        pairs = range(len(tokens) - 1) if "Σ" in text else compress(count(), map(known.__contains__, joined_stems))
        for index in pairs:
            first, second = tokens[index], tokens[index + 1]
            if second.start - first.end != 1 or text[first.end] != " " or second.sentence_start:
                continue
            first_text, second_text = first.text, second.text
            if "-" in first_text or "-" in second_text or first_text is not bases[index]:
                continue
            if len(first_text) < 3 or len(second_text) < 3 or lowers[index] in FUNCTION_WORDS:
                continue
            second_base = bases[index + 1]
            joined = _stem((first_text + second_base).lower())
            if joined in known:
                end = second.start + len(second_base)
                spaced[joined].append(_Compound(first.start, end, text[first.start : end], "open", len(first_text)))
        candidates = set(hyphenated) | set(spaced)
        if not candidates:
            return
        closed: dict[str, list[tuple[int, _Compound]]] = defaultdict(list)
        closed_stem = {w: stem for w, stem in stem_of.items() if stem in candidates}
        for index in compress(count(), map(closed_stem.__contains__, lowers)):
            start = tokens[index].start
            compound = _Compound(start, start + len(bases[index]), bases[index], "closed", 0)
            closed[closed_stem[lowers[index]]].append((index, compound))
        first_index = {stem: min(e[0] for e in closed[stem] + hyphenated[stem]) for stem in candidates}
        for stem in sorted(candidates, key=first_index.__getitem__):
            found = [c for _, c in sorted(closed[stem] + hyphenated[stem], key=lambda e: e[0])] + spaced[stem]
            yield from self._compound_group(doc, stem, found)

    def _compound_group(self, doc: Document, stem: str, found: list[_Compound]) -> Iterator[Finding]:
        """Findings for the occurrences of one compound stem, in text order (open ones last)."""
        if any(c.shape == "open" for c in found):
            found = [c for c in found if c.shape != "attributive"]  # "three-year term" beside "three years"
        found = [replace(c, shape="hyphen") if c.shape == "attributive" else c for c in found]
        kinds = {c.shape for c in found}
        if len(kinds) < 2 or stem in self._ignored_stems:
            return
        words = self.context.lexicon.words
        split = next(c.split for c in found if c.shape != "closed")
        spans = [(c.start, c.end, c.text) for c in found]
        shape_of = {c.text: c.shape for c in found}

        def suggest(form: str, winner: str) -> str:
            return _reshape(form, shape_of[form], shape_of[winner], split)

        yield from self._flag_minority(
            doc,
            spans,
            key=lambda form: shape_of[form],
            weight=lambda form: int(" " not in form and words.is_word(form)),
            suggest=suggest,
        )

    def _case_variants(self, doc: Document, tokens: Sequence[Token], bases: Sequence[str]) -> Iterator[Finding]:
        """Words written in different capitals (BelTA / BELTA), when one form has two capitals or more."""
        mixed = {
            b.lower()
            for b in bases
            if len(b) >= 3 and not b[1:].islower() and b.isalpha() and sum(c.isupper() for c in b) >= 2
        }
        if not mixed:
            return  # without a form of two capitals there is nothing to compare
        groups: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for token, base in zip(tokens, bases):
            lower = base.lower()
            if lower not in mixed or len(base) < 3 or not base.isalpha():
                continue
            if token.sentence_start and not any(c.isupper() for c in base[1:]):
                continue
            groups[lower].append((token.start, token.start + len(base), base))
        capitals: dict[int, bool] = {}
        for spans in groups.values():
            if len({form for _, _, form in spans}) < 2:
                continue
            spans = [s for s in spans if not _in_capitals_line(doc, s[0], capitals)]
            forms = {form for _, _, form in spans}
            if len(forms) < 2 or not any(sum(c.isupper() for c in form) >= 2 for form in forms):
                continue
            yield from self._flag_minority(doc, spans, key=str, suggest=lambda form, winner: winner)


def _outdated_forms(lexicon: Lexicon) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, datetime.date | None]]]:
    """One regex over every rejected official name, and each form's official replacement and date."""
    replacements: dict[str, tuple[str, datetime.date | None]] = {}
    demonym_of: dict[str, str] = {}
    for demonym, countries in lexicon.names.demonyms.items():
        for country in countries:
            demonym_of.setdefault(country, demonym)
    for entry in lexicon.register.official_names:
        for rejected in entry.reject:
            replacements.setdefault(rejected, (entry.official, entry.since))
            adjective, current = rejected + "n", demonym_of.get(entry.official)
            if rejected.endswith("ia") and current and current != adjective:
                replacements.setdefault(adjective, (current, entry.since))  # Belorussian -> Belarusian
    if not replacements:
        return None, replacements
    alternation = "|".join(re.escape(f) for f in sorted(replacements, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})(?!\w)"), replacements


def _variant_tables(
    lexicon: Lexicon, include_ambiguous: bool
) -> tuple[dict[str, tuple[str, str, str]], frozenset[str] | None]:
    """A word form -> (family, variety 'gb'|'us', the other variety's form), and the forms as a set when every one
    is a single run of word characters (so the runs of a document show which occur)."""
    table: dict[str, tuple[str, str, str]] = {}
    clashes: set[str] = set()
    for pair in lexicon.words.variant_pairs:
        if pair.ambiguous and not include_ambiguous:
            continue
        family = _family(pair.british)
        for form, variety, other in ((pair.british, "gb", pair.american), (pair.american, "us", pair.british)):
            if form in table and table[form][1] != variety:
                clashes.add(form)
            table.setdefault(form, (family, variety, other))
    for form in clashes:
        del table[form]
    forms = frozenset(table)
    return table, forms if all(_WORD_RUN.fullmatch(form) for form in forms) else None


class NamesAcrossFiles(ConsistencyKind):
    """`check: names-across-files`: each document's form of a name against the forms of the whole run.

    Register people are compared slot by slot (given name, surname); other
    names only when their transliteration keys are equal (near keys across
    unrelated releases are too often different people). A document whose
    form is not the run's majority form gets one finding, at its first use.
    Names the register does not list get `unlisted_severity`.

    Each document leaves a `_Seen`: how it writes each group, as columns
    made by C-level maps. Lines and columns are worked out at the end, only
    for the few groups written in two ways, from the document's line starts
    (so no document text is kept until then).
    """

    cross_document: ClassVar[bool] = True

    def __init__(self, rule: Rule, context: KindContext) -> None:
        super().__init__(rule, context)
        self._seen: list[_Seen] = []
        self._preferred: dict[str, str] = {}

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()

    @cached_property
    def _exact_groups(self) -> dict[str, str]:
        """Each form's group across files, `auto:<its key>` (a run meets the same names in release after release)."""
        return self.context.lexicon.memo(NamesAcrossFiles, dict)

    def observe(self, doc: Document) -> Iterable[Finding]:
        names = self._document_names(doc)
        forms: list[str] = []
        groups: list[str] = []
        places: list[int] = []
        spans: list[tuple[int, int]] = []
        listed = 0
        if names.register:
            register: dict[str, list[Mention]] = defaultdict(list)
            for mention in names.register:
                register[mention.group].append(mention)
            for group, mentions in register.items():
                first = mentions[0]
                if first.preferred:
                    self._preferred[group] = first.preferred
                if all(mention.form == first.form for mention in mentions):  # one form: the common case
                    forms.append(first.form)
                    groups.append(group)
                    places.append(len(mentions))
                    spans.append((first.start, first.end))
                    continue
                counts = Counter(m.form for m in mentions)
                firsts = {m.form: (m.start, m.end) for m in reversed(mentions)}
                _add_use(forms, groups, places, spans, group, counts, firsts)
            listed = len(groups)
        candidates = names.candidates
        if candidates:
            # Each written form once: how often, and where first (a form's group is its key, so forms are grouped,
            # not mentions; most groups have one form).
            texts = list(map(_TEXT, candidates))
            counts = Counter(texts)
            firsts = dict(zip(reversed(texts), map(_SPAN, reversed(candidates))))
            written = list(counts)
            group_of = self._exact_groups
            keyed = list(map(group_of.get, written))
            if None in keyed:
                for index, form in enumerate(written):
                    if keyed[index] is None:
                        keyed[index] = group_of[form] = "auto:" + name_key(form)
            if len(set(keyed)) == len(keyed):  # each group written one way: the common case, in C-level maps
                forms += written
                groups += cast(list[str], keyed)
                places += map(counts.__getitem__, written)
                spans += map(firsts.__getitem__, written)
            else:
                by_group: dict[str, list[str]] = defaultdict(list)
                for form, group in zip(written, cast(list[str], keyed)):
                    by_group[group].append(form)
                for group, group_forms in by_group.items():
                    _add_use(forms, groups, places, spans, group, counts, firsts, group_forms)
        if groups:
            self._seen.append(_Seen(doc.path, doc.line_starts, listed, forms, groups, places, spans))
        return ()

    def take_state(self) -> object:
        state = (self._seen, self._preferred)
        self._seen = []
        self._preferred = {}
        return state

    def merge_state(self, state: object) -> None:
        seen, preferred = cast(tuple[list[_Seen], dict[str, str]], state)
        self._seen.extend(seen)
        for group, form in preferred.items():
            self._preferred.setdefault(group, form)

    def _uses(self) -> dict[str, list[_Use]]:
        """The uses of each group written in two ways or more (by lower case), groups in the order first seen."""
        pairs: set[tuple[str, str]] = set()
        for seen in self._seen:
            pairs.update(zip(seen.groups, map(str.lower, seen.forms)))
        ways = Counter(map(_FIRST, pairs))
        several = {group for group, number in ways.items() if number > 1}
        if not several:
            return {}  # every group written one way throughout: the common run
        uses: dict[str, list[_Use]] = {}
        for seen in self._seen:
            for group in seen.groups:
                if group in several and group not in uses:
                    uses[group] = []
        for seen in self._seen:
            for index in compress(count(), map(several.__contains__, seen.groups)):
                uses[seen.groups[index]].append(seen.use(index))
        return uses

    def finish(self) -> Iterable[Finding]:
        unlisted = Severity.parse(self.option("unlisted_severity"))
        for group, uses in self._uses().items():
            preferred = self._preferred.get(group, "").lower()
            files: dict[str, int] = defaultdict(int)
            places: dict[str, int] = defaultdict(int)
            for use in uses:
                files[use.form.lower()] += 1
                places[use.form.lower()] += use.places
            order = list(dict.fromkeys(use.form.lower() for use in uses))
            winner = max(files, key=lambda f: (files[f], places[f], f == preferred, -order.index(f)))
            example = next(use for use in uses if use.form.lower() == winner)
            for use in uses:
                if use.form.lower() == winner:
                    continue
                message = self.rule.message.format(
                    match=use.form,
                    suggestion=example.form,
                    places=_counted(places[winner], "place"),
                    files=_counted(files[winner], "file"),
                    example=f"{example.path}:{example.line}",
                    here=_counted(use.places, "place"),
                )
                yield Finding(
                    path=use.path,
                    rule=self.rule.id,
                    severity=self.rule.severity if use.listed else unlisted,
                    message=message,
                    start=use.start,
                    end=use.end,
                    line=use.line,
                    column=use.column,
                    end_line=use.end_line,
                    end_column=use.end_column,
                    suggestions=(_with_case_of(use.form, example.form),),
                )


def _add_use(
    forms: list[str],
    groups: list[str],
    places: list[int],
    spans: list[tuple[int, int]],
    group: str,
    counts: Mapping[str, int],
    firsts: Mapping[str, tuple[int, int]],
    written: Sequence[str] | None = None,
) -> None:
    """Add how a document writes one group to its columns: its majority form (by lower case), how often, where
    first (`written` are the group's forms, by default every form counted)."""
    written = list(counts) if written is None else written
    if len(written) == 1:
        form = written[0]
        number = counts[form]
    else:  # the most used form by lower case; on a tie the first used
        folded: dict[str, int] = defaultdict(int)
        first_of: dict[str, int] = {}
        for each in written:
            lower, start = each.lower(), firsts[each][0]
            folded[lower] += counts[each]
            first_of[lower] = min(start, first_of.get(lower, start))
        winner = max(folded, key=lambda f: (folded[f], -first_of[f]))
        form = min((each for each in written if each.lower() == winner), key=lambda f: firsts[f][0])
        number = folded[winner]
    forms.append(form)
    groups.append(group)
    places.append(number)
    spans.append(firsts[form])


class _Seen(NamedTuple):
    """How one document writes each name group it uses, as columns: the group's form, the group, how often, and
    where first. The first `listed` groups are register people's; the document's line starts turn offsets into
    lines and columns for the uses that get a finding."""

    path: str
    line_starts: tuple[int, ...]
    listed: int
    forms: list[str]
    groups: list[str]
    places: list[int]
    spans: list[tuple[int, int]]

    def use(self, index: int) -> _Use:
        """The use of the group at `index`, with lines and columns as `Document.position` gives them."""
        start, end = self.spans[index]
        starts = self.line_starts
        line, end_line = bisect_right(starts, start), bisect_right(starts, end)
        return _Use(
            self.forms[index], self.path, start, end, self.places[index], index < self.listed,
            line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1,
        )  # fmt: skip


class _Use(NamedTuple):
    """How one document writes one name: its form, where (offsets, and 1-based lines and columns), how often."""

    form: str
    path: str
    start: int
    end: int
    places: int
    listed: bool
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class _Compound:
    """One occurrence of a compound term: span, text, shape (closed/hyphen/open), and where its parts meet."""

    start: int
    end: int
    text: str
    shape: str
    split: int = 0


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A compound's comparison key: lower case, a plural or possessive s dropped."""
    word = word.replace("’", "'").removesuffix("'s").removesuffix("'")
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _reshape(form: str, shape: str, target: str, split: int) -> str:
    """A compound rewritten in another shape: 'tax payers' -> 'taxpayers', 'counterterrorism' -> 'counter-terrorism'."""
    letters = form.replace("-", "").replace(" ", "") if shape != "closed" else form
    head, tail = letters[:split], letters[split:]
    if target == "closed":
        return head + tail
    return head + ("-" if target == "hyphen" else " ") + tail


def _family(british: str) -> str:
    """The word family of a British spelling: travelled/travelling -> travel, analysed/analyse -> analys."""
    word = british
    for suffix in ("ing", "ed", "es", "s", "e", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_WORD_CHARACTER = re.compile(r"\w")


def _matches_not_after(pattern: re.Pattern[str], text: str, before: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches `finditer` would give if `pattern` began with a negative lookbehind for `before`.

    A pattern that starts with its alternation lets the regex engine skip
    ahead to a possible first letter; a leading lookbehind makes it try every
    position, several times slower.
    """
    search = pattern.search
    position = 0
    while (match := search(text, position)) is not None:
        start = match.start()
        if start and before.match(text, start - 1):
            position = start + 1  # inside a longer word: the next try starts one letter on, as finditer's would
            continue
        yield match
        position = match.end()


def _unhyphenated_matches(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of the matches not preceded by a word character or a hyphen."""
    for match in _matches_not_after(pattern, text, _WORD_OR_HYPHEN):
        yield match.start(), match.end(), match.group(0)


def _word_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches not preceded by a word character."""
    return _matches_not_after(pattern, text, _WORD_CHARACTER)


def _in_capitals_line(doc: Document, offset: int, cache: dict[int, bool]) -> bool:
    """Whether the line holding `offset` is written in capitals (a headline), where case says nothing."""
    line = doc.line_of(offset)
    if line not in cache:
        span = doc.line_span(line)
        letters = [c for c in doc.text[span.start : span.end] if c.isalpha()]
        cache[line] = len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    return cache[line]


def _counted(number: int, noun: str) -> str:
    """'1 place', '14 places'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


_WORD_RUN = re.compile(r"\w+")
_CHUNK_REST = re.compile(r"[^\s\x00]*")  # from a place to the end of its chunk (the next space or mask)


def _occurrences(text: str, needle: str) -> Iterator[int]:
    """Every offset where `needle` occurs in `text`, overlapping ones too."""
    at = text.find(needle)
    while at != -1:
        yield at
        at = text.find(needle, at + 1)
_LETTERS = re.compile(r"[^\W\d_]+")
_HYPHEN_BEFORE_LETTERS = re.compile(r"-[^\W\d_]{2}")
# Characters before a word that never belong to a token: the word's token starts at the word.
_NEVER_IN_A_TOKEN = MASK + "(“\"«["


class _Inventory(NamedTuple):
    """A document's words as one C-level pass sees them, for quick tests of what a document cannot contain.

    `runs` are the runs of word characters of the lower-cased prose in order
    (an underscore counts as a space, as it never joins a token), and
    `words` the same as a set.
    """

    lower: str
    runs: list[str]
    words: set[str]


def _inventory(doc: Document) -> _Inventory:
    def compute() -> _Inventory:
        lower = doc.prose.lower()
        runs = _word_runs(lower)
        return _Inventory(lower, runs, set(runs))

    return doc.memo(_inventory, compute)


_ASCII = bytes(range(128))
# Each byte of UTF-8 text kept if it is an ASCII letter or digit or part of a longer character, else a space.
_RUN_BYTES = bytes(c if c >= 128 or chr(c).isalnum() else 32 for c in range(256))


def _word_runs(text: str) -> list[str]:
    """The runs of word characters of `text` but underscores (`\\w+` with `_` as a space), by C-level byte
    translation and splitting rather than a regex match per run: other characters become spaces, those beyond
    ASCII (few: no-break spaces, quotes, dashes, letters of names) one by one as their own test says."""
    data = text.encode("utf-8", "surrogatepass")
    for char in set(data.translate(None, _ASCII).decode("utf-8", "surrogatepass")):
        if not char.isalnum():
            data = data.replace(char.encode("utf-8", "surrogatepass"), b" ")
    return data.translate(_RUN_BYTES).decode().split()


def _may_have_compound_variants(doc: Document) -> bool:
    """Whether a compound may be written in two shapes: False only when none can be.

    Every shape's letters are word runs here: a closed word is a run, an open
    compound two runs with one space between, a hyphenated one two runs
    around a hyphen. Compound stems drop a final s, so closed and open forms
    of one stem meet only where two neighbouring runs joined equal a run,
    but for a final s; a hyphenated form needs its joined letters (with or
    without a final s) as a run or as two runs with a space between.
    """
    inventory = _inventory(doc)
    words, runs, lower = inventory.words, inventory.runs, inventory.lower
    strip = str.removesuffix
    # Letters written open ("tax payer") are two neighbouring runs joined, so `_spaced` is asked only about those.
    joined = set(map(operator.add, runs, islice(runs, 1, None)))
    meeting = set(map(strip, words, repeat("s"))).intersection(map(strip, joined, repeat("s")))
    for letters in meeting:
        for form in (letters, letters + "s"):
            if form in joined and _spaced(form, lower, words):
                return True
    prose = doc.prose if len(doc.prose) == len(lower) else None  # else lower-casing moved offsets
    for hyphen in _HYPHEN_BEFORE_LETTERS.finditer(lower):
        start = end = hyphen.start()
        while start and lower[start - 1].isalpha():
            start -= 1
        after = _LETTERS.match(lower, end + 1)
        if end - start < 2 or after is None:
            continue
        letters = lower[start:end] + after.group()
        forms = (letters, letters + "s", letters.removesuffix("s"))
        if any(form in words for form in forms):
            return True
        if prose is not None and _surely_attributive(prose, start, after.end()):
            continue  # beside its open form an attributive compound is not compared ("three-year term", "three years")
        if any(form in joined and _spaced(form, lower, words) for form in forms):
            return True
    return False


def _surely_attributive(prose: str, start: int, end: int) -> bool:
    """Whether the letters-hyphen-letters at `start`-`end` are a whole token that `_compound_variants` calls
    attributive: followed by one space and a lower-case word that is not a function word ("three-year term")."""
    if start and not (prose[start - 1].isspace() or prose[start - 1] in _NEVER_IN_A_TOKEN):
        return False  # the token may begin earlier ("x'three-year")
    if prose[end : end + 1] != " ":
        return False
    following = TOKEN_PATTERN.match(prose, end + 1)
    if following is None or following.lastgroup not in (None, "plain", "word"):
        return False
    value = following.group()
    if value[-1] in APOSTROPHE and not value[:-1].endswith(("s", "S")):
        value = value[:-1]  # as the tokeniser trims a closing single quote
    return value.islower() and value not in FUNCTION_WORDS


def _spaced(letters: str, lower: str, words: set[str]) -> bool:
    """Whether `letters` occur as two whole word runs with one space between, the first three letters or more."""
    for split in range(3, len(letters)):
        head, tail = letters[:split], letters[split:]
        if head not in words or tail not in words:
            continue
        needle = head + " " + tail
        at = lower.find(needle)
        while at != -1:
            end = at + len(needle)
            if not (at and lower[at - 1].isalnum()) and not (end < len(lower) and lower[end].isalnum()):
                return True
            at = lower.find(needle, at + 1)
    return False


def _may_have_case_variants(doc: Document, name_tokens: Sequence[Token]) -> bool:
    """Whether a word with two capitals (BelTA) may occur in other capitals too (BELTA, Belta): False only when not.

    Such a word is a token of a chunk with a capital, so `name_tokens` (the
    tokeniser's tokens of those chunks) hold it. The words compared are
    whole word runs: fewer whole runs in the form's own capitals than whole
    runs of its letters in any capitals means another casing. When the
    letters never occur inside a longer run, every occurrence of the form is
    a whole run, and counting substrings will do.
    """
    inventory = _inventory(doc)
    prose, lower, runs = doc.prose, inventory.lower, inventory.runs
    seen: set[str] = set()
    for text in map(_TEXT, name_tokens):
        if text[1:].islower():
            continue  # one capital at most
        form = base_text(text) if text[-1] in POSSESSIVE_ENDS else text
        if len(form) < 3 or form in seen or not form.isalpha() or sum(map(str.isupper, form)) < 2:
            continue
        seen.add(form)
        if not form.isascii():
            return True  # lower-casing may change lengths or depend on context: no counting
        folded = form.lower()
        whole = runs.count(folded)
        if lower.count(folded) == whole:
            if prose.count(form) < whole:
                return True
        elif _whole_runs(prose, form) < whole:
            return True
    return False


def _whole_runs(text: str, letters: str) -> int:
    """How often `letters` occur in `text` as a whole run of word characters (an underscore parts runs)."""
    count = 0
    at = text.find(letters)
    while at != -1:
        end = at + len(letters)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            count += 1
        at = text.find(letters, end)
    return count
