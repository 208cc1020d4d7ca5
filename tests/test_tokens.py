"""The press-text tokeniser: words, compounds, acronyms, numbers, initials, links, sentence starts."""

from __future__ import annotations

from pressqa.tokens import ACRONYM, CODE, EMAIL, HANDLE, HASHTAG, INITIALS, NUMBER, URL, WORD, ordinal_suffix, split_number, tokenize


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


def test_curly_and_straight_possessives_stay_one_word() -> None:
    assert _pairs("Lukashenko’s and Putin's talks") == [
        ("Lukashenko’s", WORD), ("and", WORD), ("Putin's", WORD), ("talks", WORD),
    ]


def test_plural_possessive_keeps_its_apostrophe_but_a_closing_quote_does_not() -> None:
    assert [t.text for t in tokenize("the countries' leaders")] == ["the", "countries'", "leaders"]
    assert [t.text for t in tokenize("‘quoted’ word")] == ["quoted", "word"]


def test_hyphenated_compound_is_one_token_with_parts() -> None:
    token = [t for t in tokenize("the Union State-made goods") if "-" in t.text][0]
    assert token.text == "State-made"
    assert [(p.text, p.start, p.end) for p in token.parts()] == [("State", 10, 15), ("made", 16, 20)]


def test_acronyms_numbers_ordinals_and_codes() -> None:
    pairs = _pairs("NATO’s NGOs on the 80th day of the 1990s: 5km, G20")
    assert ("NATO’s", ACRONYM) in pairs and ("NGOs", ACRONYM) in pairs
    assert ("80th", NUMBER) in pairs and ("1990s", NUMBER) in pairs and ("5km", NUMBER) in pairs
    assert ("G20", CODE) in pairs


def test_links_mail_hashtags_and_handles_are_their_own_tokens() -> None:
    pairs = _pairs("See www.kremlin.ru or write to press@kremlin.ru #BRICS @kremlin_ru")
    assert ("www.kremlin.ru", URL) in pairs
    assert ("press@kremlin.ru", EMAIL) in pairs
    assert ("#BRICS", HASHTAG) in pairs
    assert ("@kremlin_ru", HANDLE) in pairs
    assert ("kremlin", WORD) not in pairs


def test_initials_do_not_end_a_sentence() -> None:
    tokens = {t.text: t for t in tokenize("A.A. Vishnevsky met U.S. officials. Then he left.")}
    assert tokens["A.A."].kind == INITIALS
    assert not tokens["Vishnevsky"].sentence_start
    assert not tokens["officials"].sentence_start
    assert tokens["Then"].sentence_start


def test_sentence_starts_after_quotes_and_line_breaks() -> None:
    tokens = list(tokenize("“Therefore, we act,” he said.\nThe end. “New start"))
    starts = [t.text for t in tokens if t.sentence_start]
    assert starts == ["Therefore", "The", "New"]


def test_masked_characters_break_words() -> None:
    assert [t.text for t in tokenize("good\x00\x00\x00bye")] == ["good", "bye"]


def test_cyrillic_and_accented_letters_are_word_letters() -> None:
    assert [t.text for t in tokenize("Türkiye and Москва")] == ["Türkiye", "and", "Москва"]


def test_number_helpers() -> None:
    assert split_number("6thParatroop") == ("6", "thParatroop")
    assert [ordinal_suffix(n) for n in ("1", "2", "3", "4", "11", "12", "13", "21", "74", "102")] == [
        "st", "nd", "rd", "th", "th", "th", "th", "st", "th", "nd",
    ]


def test_tokens_are_light_tuples_with_named_fields() -> None:
    from pressqa.tokens import Token

    token = Token("Minsk", 3, 8, WORD)
    assert (token.text, token.start, token.end, token.kind, token.sentence_start) == ("Minsk", 3, 8, WORD, False)
    assert token == list(tokenize("in Minsk"))[1] and token.is_capitalised


def test_sentence_starts_agree_with_the_full_scan_around_punctuation() -> None:
    # Most words skip opens_sentence (a space after an ordinary character); the rest must match it exactly.
    from pressqa.tokens import opens_sentence

    text = (
        "Mr. Putin met Dr. Ivanov. A.A. Vishnevsky came; then - he left: Next \"quoted\" said.\" The "
        "end.” New (bracket) «Start» — Dash • bullet\n\x00masked word, 5 km. Five"
    )
    tokens = list(tokenize(text))
    assert [t.sentence_start for t in tokens] == [opens_sentence(text, t.start) for t in tokens]
    assert {t.text for t in tokens if t.sentence_start} >= {"Mr", "A.A.", "The", "New", "masked", "Five"}


def test_words_that_begin_mail_codes_and_links_keep_those_kinds() -> None:
    pairs = _pairs("write to .x+y@mail.ru, +press@kremlin.ru or info-desk@belta.by about Su57, G7s and AK103")
    assert (".x+y@mail.ru", EMAIL) in pairs and ("+press@kremlin.ru", EMAIL) in pairs
    assert ("info-desk@belta.by", EMAIL) in pairs and ("info-desk", WORD) not in pairs
    assert ("Su57", CODE) in pairs and ("G7s", CODE) in pairs and ("AK103", CODE) in pairs
    assert _pairs("https://belta.by and www.belta.by") == [("https://belta.by", URL), ("and", WORD), ("www.belta.by", URL)]
