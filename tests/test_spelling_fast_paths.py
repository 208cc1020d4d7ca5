"""The spelling fast paths give what the plain algorithms give: chunked tokens, windowed analysis, indexed typos."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressqa.lexicon import Lexicon
from pressqa.lexicon.words import Words
from pressqa.loader import builtin_rules_dir
from pressqa.speller import Speller, Verdict
from pressqa.tokens import (
    _PATTERN,
    APOSTROPHE,
    WORD,
    Token,
    _word_kind,
    opens_sentence,
    plain_word,
    span_tokens,
    tokenize,
)

# Chunks that take the tokeniser's shortcuts, that must not, and every kind of token, in awkward company.
TRICKY = [
    "“Minsk.” (Russia), said: A. Vishnevsky met U.S. officials at www.kremlin.ru, www.* and WWW.x; a I A.",
    "The sides, i.e. NATO’s NGOs, met on 26\u00a0February\u00a0in Minsk. “The end.” New start…",
    "Lukashenkoʼs wordʼ the countries' leaders ‘quoted’ d'Azur State-made co‑operation x\x00y Türkiye Москва",
    "info@mail.ru @handle #tag G20 Su57 6thParatroop 74rdanniversary 1,5 5km 2024. 75th (21 $1.5 [1] {x}",
    "He said:\n\n– refe reeing\tThe govern ment enemyand Hepaid discused haemotology vsegda refereering",
    "colour colourʼs color organisation organization Organisation program ll ve we’ll you're Bie ZZQX teh",
]


def reference_tokens(text: str) -> list[Token]:
    """The tokeniser as one scan of the whole text, with nothing skipped: what the chunked one must equal."""
    tokens = []
    for match in _PATTERN.finditer(text):
        kind = WORD if match.lastgroup in ("plain", None) else str(match.lastgroup)
        value = match.group()
        if kind == WORD:
            if value[1:2].isupper():
                kind = _word_kind(value)
            if kind == WORD and value[-1] in APOSTROPHE and not value[:-1].endswith(("s", "S")):
                value = value[:-1]
        start = match.start()
        tokens.append(Token(value, start, start + len(value), kind, opens_sentence(text, start)))
    return tokens


@pytest.mark.parametrize("text", TRICKY)
def test_chunked_tokens_equal_one_scan_of_the_text(text: str) -> None:
    assert list(tokenize(text)) == reference_tokens(text)


def test_a_span_between_chunks_has_the_tokens_of_the_whole_text_there() -> None:
    text = TRICKY[0]
    start, end = text.index("said:"), text.index(" www.kremlin")
    assert span_tokens(text, start, end) == [t for t in reference_tokens(text) if start <= t.start < end]


def test_plain_words_are_ascii_words_in_punctuation_no_token_takes() -> None:
    assert [plain_word(c) for c in ("Russia", "(Russia),", "“Minsk.”", "a", "I")] == ["Russia", "Russia", "Minsk", "a", "I"]
    # An initial, a possible link, an apostrophe or hyphen, a digit, a non-ASCII word: the scanner decides.
    assert [plain_word(c) for c in ("A.", "www.*", "Russia’s", "leaders'", "State-made", "G20", "Türkiye")] == [None] * 7


@pytest.fixture(scope="module")
def lexicons() -> dict[str, Lexicon]:
    return {lang: Lexicon([builtin_rules_dir() / "data"], language=lang) for lang in ("en", "en-GB", "en-US")}


@pytest.mark.parametrize("language", ["en", "en-GB", "en-US"])
def test_windowed_analysis_equals_the_analysis_of_every_token(language: str, lexicons: dict[str, Lexicon]) -> None:
    speller = Speller.for_lexicon(lexicons[language], language)
    unclean = 0
    for text in TRICKY + [" ".join(TRICKY)]:
        if speller.is_clean(text):
            continue
        unclean += 1
        for min_length in (1, 2, 3):
            expected = speller.analyse(text, tokenize(text), min_length)
            assert speller.analyse_text(text, min_length) == expected
    assert unclean >= 3


def test_windowed_analysis_is_right_before_is_clean_has_sorted_the_chunks(lexicons: dict[str, Lexicon]) -> None:
    lexicon = lexicons["en"]
    text = TRICKY[4]
    fresh = Speller(lexicon.words, lexicon.names, "en")
    verdicts = fresh.analyse_text(text)  # nothing sorted yet: every chunk is tokenised
    assert verdicts == Speller(lexicon.words, lexicon.names, "en").analyse(text, tokenize(text))
    assert {v.check for v in verdicts} >= {"split-word", "run-together", "misspelling", "unknown-word"}


def test_an_unclean_release_is_tokenised_only_around_its_unquiet_chunks(
    lexicons: dict[str, Lexicon], monkeypatch: pytest.MonkeyPatch
) -> None:
    speller = Speller.for_lexicon(lexicons["en"], "en")
    seen: list[list[Token]] = []
    analyse = Speller.analyse

    def captured(self: Speller, text: str, tokens: list[Token], min_length: int = 3) -> list[Verdict]:
        seen.append(list(tokens))
        return analyse(self, text, tokens, min_length)

    monkeypatch.setattr(Speller, "analyse", captured)
    text = "The president of the country met the minister of the region and discused the plans for the year."
    assert not speller.is_clean(text)
    verdicts = speller.analyse_text(text)
    assert [(v.check, v.word) for v in verdicts] == [("misspelling", "discused")]
    # The typo and the nearest word each side, not the other sixteen words.
    assert [t.text for t in seen[0]] == ["and", "discused", "the"]


def test_indexed_misspellings_equal_the_text_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pressqa.lexicon.words as words_module

    house = tmp_path / "misspellings.tsv"
    house.write_text("typo\tfix\tsafe\ndup\tfirst\tyes\r\ndup\tsecond\tno\nnotab\nwin\tx\r\n\tempty\tyes\nlast\tend", "utf-8")
    builtin = builtin_rules_dir() / "data" / "spelling" / "misspellings.tsv"
    typos = ["dup", "win", "", "last", "notab", "typo", "aache", "discused", "zzqx", "a\tb", "win\r"]
    typos += [line.split("\t")[0] for line in builtin.read_text("utf-8").split("\n")[20:5000:97]]
    monkeypatch.setattr(words_module, "INDEX_MISSPELLINGS_AFTER", len(typos) + 1)
    searched = Words({}, misspelling_files=[builtin, house])
    expected = [searched.misspelling_entry(t) for t in typos]
    monkeypatch.setattr(words_module, "INDEX_MISSPELLINGS_AFTER", 0)
    indexed = Words({}, misspelling_files=[builtin, house])
    assert [indexed.misspelling_entry(t) for t in typos] == expected
    assert indexed._misspelling_index is not None and searched._misspelling_index is None  # both paths taken
    assert expected[:2] == ["first\tyes", "x"] and "aache" in typos and expected[6] == "ache|cache\tno"
