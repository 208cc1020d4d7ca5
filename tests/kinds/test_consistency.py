"""The consistency kind: minority forms flagged at the right place, majority suggested, distinct entities left apart."""

from __future__ import annotations

import datetime

import pytest

from pressqa.document import Document
from pressqa.engine import Engine
from pressqa.finding import Finding, Severity
from pressqa.kinds import consistency as consistency_module
from pressqa.kinds import name_mentions
from pressqa.kinds.release_date import release_date
from pressqa.loader import load_rules
from pressqa.rule import KindContext, Rule
from pressqa.tokens import document_tokens
from tests.rule_examples import context_for, rules_root, run_rule

RULES, _ = load_rules([rules_root()])


def found(rule_id: str, text: str, path: str = "release.txt", language: str = "en") -> list[Finding]:
    return run_rule(RULES[rule_id], text, path=path, context=context_for(language))


def where(findings: list[Finding]) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.column, f.message.split("'")[1], f.suggestions[0]) for f in findings]


# -- names within a document ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Alexander Lebed spoke.\nAlexander Khloponin replied.\nThen Aleksandr Khloponin left.",
            [(3, 6, "Aleksandr", "Alexander")],
        ),
        ("Sergei Naryshkin met Sergei Prikhodko.\nSergey Naryshkin left.", [(2, 1, "Sergey", "Sergei")]),
        ("Dmitry Peskov spoke. Dmitry Peskov left.\nDmitri Peskov returned.", [(2, 1, "Dmitri", "Dmitry")]),
        ("Yuri Ushakov spoke. Yuri Ushakov left.\nYury Ushakov returned.", [(2, 1, "Yury", "Yuri")]),
        ("Governor Tsybulsky spoke. Tsybulsky agreed.\nTsibulsky left.", [(2, 1, "Tsibulsky", "Tsybulsky")]),
        ("Talks in Gomel and Gomel.\nThe Homel plant.", [(2, 5, "Homel", "Gomel")]),
        ("Grodno and Grodno again.\nHrodna too.", [(2, 1, "Hrodna", "Grodno")]),
        ("Trains to Kyiv. Flights to Kyiv.\nKiev later.", [(2, 1, "Kiev", "Kyiv")]),
        (
            "Dnipropetrovsk plants and Dnipropetrovsk mines.\nDnepropetrovsk workers.",
            [(2, 1, "Dnepropetrovsk", "Dnipropetrovsk")],
        ),
    ],
)
def test_minority_romanisation_is_flagged_with_the_majority_suggested(
    text: str, expected: list[tuple[int, int, str, str]]
) -> None:
    assert where(found("consistency.name-variants", text)) == expected


def test_register_people_compare_surnames_with_possessives() -> None:
    text = "Aleksandr Lukashenko arrived.\nLukashenko’s plan and Lukashenko's team.\nLukashenka’s aide spoke."
    findings = found("consistency.name-variants", text)
    assert where(findings) == [(3, 1, "Lukashenka", "Lukashenko")]
    assert (findings[0].end_line, findings[0].end_column) == (3, 11)  # the possessive stays out of the span


def test_zelensky_forms_are_one_person() -> None:
    text = "Volodymyr Zelensky said.\nZelensky added.\nVolodymyr Zelenskyy left."
    assert where(found("consistency.name-variants", text)) == [(3, 11, "Zelenskyy", "Zelensky")]


def test_tie_goes_to_the_register_house_form() -> None:
    text = "Alexander Lukashenko arrived.\nAleksandr Lukashenko left."
    assert where(found("consistency.name-variants", text)) == [(1, 1, "Alexander", "Aleksandr")]


@pytest.mark.parametrize(
    "text",
    [
        "Sanctions against Iran and Iraq.\nIraq and Iran again; Iraq.",
        "Austria and Australia signed.\nAustralia and Australia again.",
        "Slovakia and Slovenia.\nSlovenia, Slovenia.",
        "Niger and Nigeria.\nNigeria, Nigeria.",
        "Aleksandr Lukashenko met Alexander Lebed and Alexander Khloponin.",
        "Sergei Lavrov met Sergey Shoigu and Sergey Sobyanin.",
        "Sergei Ivanov met Sergei Ivanova; Ivanova spoke, Ivanova left.",
        "Russia and Russian troops; Russian, Russian.",
    ],
)
def test_distinct_entities_are_never_merged(text: str) -> None:
    assert found("consistency.name-variants", text) == []


# -- across the documents of one run -------------------------------------------------------------


def test_cross_file_finding_names_the_majority_and_an_example() -> None:
    engine = Engine([RULES["consistency.name-variants-across-files"]], context_for())
    texts = {
        "releases/2026-02-20.md": "Aleksandr Lukashenko opened the plant.",
        "releases/2026-02-26.md": "Visit.\n\nAleksandr Lukashenko met the Governor.",
        "releases/2026-03-01.md": "News.\n\nThe President Alexander Lukashenko spoke.",
    }
    findings: list[Finding] = []
    for path, text in texts.items():
        findings += engine.check_document(Document.from_text(path, text))
    findings += engine.finish()
    assert [(f.path, f.line, f.column, f.severity) for f in findings] == [
        ("releases/2026-03-01.md", 3, 15, Severity.WARNING)
    ]
    assert findings[0].message == (
        "'Alexander' here; 'Aleksandr' in 2 places in 2 files, e.g. releases/2026-02-20.md:1"
    )


def test_cross_file_positions_are_the_document_s_own_in_crlf_and_markdown_files() -> None:
    engine = Engine([RULES["consistency.name-variants-across-files"]], context_for())
    docs = [
        Document.from_text("a.md", "# Visit\n\nYekaterinburg hosted it."),
        Document.from_bytes("b.txt", "\ufeffNews.\r\nIn Yekaterinburg.\r\n".encode()),
        Document.from_bytes("c.txt", "\ufeffNews.\r\nTalks.\r\nThe Ekaterinburg plant.\r\n".encode()),
    ]
    findings: list[Finding] = []
    for doc in docs:
        findings += engine.check_document(doc)
    findings += engine.finish()
    start = docs[2].text.index("Ekaterinburg")
    begin, end = docs[2].position(start), docs[2].position(start + len("Ekaterinburg"))
    assert [(f.path, f.start, f.line, f.column, f.end_line, f.end_column) for f in findings] == [
        ("c.txt", start, 3, 5, end.line, end.column)
    ]
    assert (begin.line, begin.column) == (3, 5)
    assert findings[0].message.endswith("e.g. a.md:3")


def test_cross_file_unlisted_names_are_suggestions() -> None:
    engine = Engine([RULES["consistency.name-variants-across-files"]], context_for())
    findings: list[Finding] = []
    for path, text in (("a.txt", "Visit to Yekaterinburg."), ("b.txt", "Yekaterinburg."), ("c.txt", "Ekaterinburg.")):
        findings += engine.check_document(Document.from_text(path, text))
    findings += engine.finish()
    assert [(f.path, f.line, f.column, f.severity, f.suggestions) for f in findings] == [
        ("c.txt", 1, 1, Severity.SUGGESTION, ("Yekaterinburg",))
    ]


# -- outdated official names ---------------------------------------------------------------------


def test_outdated_name_after_the_change_is_a_warning() -> None:
    findings = found("consistency.outdated-name", "Talks.\nThe delegation flew to Kiev.", path="2026-02-26.md")
    assert [(f.line, f.column, f.severity, f.suggestions) for f in findings] == [
        (2, 24, Severity.WARNING, ("Kyiv",))
    ]


def test_outdated_name_in_a_release_dated_before_the_change_is_quiet() -> None:
    assert found("consistency.outdated-name", "12 May 2015\n\nThe delegation flew to Kiev.") == []
    assert found("consistency.outdated-name", "Talks with Turkey.", path="news/2021-03-04-turkey.md") == []


def test_undated_release_gets_a_suggestion_for_a_recent_change_and_a_warning_for_an_old_one() -> None:
    findings = found("consistency.outdated-name", "Talks with Turkey and Moldavia.")
    assert [(f.column, f.severity) for f in findings] == [(12, Severity.SUGGESTION), (23, Severity.WARNING)]


def test_outdated_adjective_and_exceptions() -> None:
    text = "1 March 2026\n\nRussian-Belorussian talks. Chicken Kiev and chicken Kiev. The Dnipropetrovsk Region."
    findings = found("consistency.outdated-name", text)
    assert [(f.line, f.column, f.suggestions) for f in findings] == [(3, 9, ("Belarusian",))]


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("releases/2026-02-26.md", "Text", datetime.date(2026, 2, 26)),
        ("20150512-visit.txt", "Text", datetime.date(2015, 5, 12)),
        ("a.md", "---\ndate: 2019-06-01\n---\nText", datetime.date(2019, 6, 1)),
        ("a.txt", "Minsk, 26 February 2026\n\nText", datetime.date(2026, 2, 26)),
        ("a.txt", "February 26, 2026\n\nText", datetime.date(2026, 2, 26)),
        ("a.txt", "Text without a date.", None),
    ],
)
def test_release_date(path: str, text: str, expected: datetime.date | None) -> None:
    assert release_date(Document.from_text(path, text)) == expected


# -- spelling varieties --------------------------------------------------------------------------


def test_mixed_varieties_flag_the_minority_of_that_word() -> None:
    text = "They analysed the data.\nThe analyse step and the analyze step.\nThe color and colour."
    findings = found("consistency.spelling-variant", text)
    assert where(findings) == [(2, 26, "analyze", "analyse"), (3, 15, "colour", "color")]


def test_a_consistent_american_document_is_quiet_under_en() -> None:
    assert found("consistency.spelling-variant", "The Organization's program on civilization.") == []


def test_under_a_set_variant_mixing_is_left_to_spelling_variant() -> None:
    assert found("consistency.spelling-variant", "The organization will analyse it.", language="en-GB") == []


# -- terms ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The counter-offensive began.\nThe counteroffensive stalled.", [(2, 5, "counteroffensive", "counter-offensive")]),
        ("Write by e-mail.\nAn email came. Another email.", [(1, 10, "e-mail", "email")]),
        ("BelTA wrote. BelTA said.\nBELTA added.", [(2, 1, "BELTA", "BelTA")]),
        ("The Union State budget. The Union State court.\nThe Union state army.", [(2, 5, "Union state", "Union State")]),
        # inside a longer word or after a hyphen a form is not the form: only the free-standing ones count
        ("Send an e-mail. Mail a pre-email and a xemail.\nThen email.", [(2, 6, "email", "e-mail")]),
        ("An email, an email.\nA non-e-mail and an e-mail.", [(2, 21, "e-mail", "email")]),
    ],
)
def test_listed_groups(text: str, expected: list[tuple[int, int, str, str]]) -> None:
    assert where(found("consistency.listed-variants", text)) == expected


def test_house_groups_use_the_same_format() -> None:
    rule = Rule(
        id="house.terms", kind="consistency", severity=Severity.WARNING, message="'{match}': use '{suggestion}'",
        description="", options={"check": "listed", "either": [["Minsk Tractor Works", "MTZ"]]},
    )
    findings = run_rule(rule, "MTZ grew. The Minsk Tractor Works hired.\nMTZ won.")
    assert where(findings) == [(1, 15, "Minsk Tractor Works", "MTZ")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The counter-terrorism centre.\nCounterterrorism experts.", [(2, 1, "Counterterrorism", "Counter-terrorism")]),
        ("Tax payers were told.\nTaxpayer’s rights; taxpayers agreed.\nMore tax payers.",
         [(1, 1, "Tax payers", "Taxpayers"), (3, 6, "tax payers", "taxpayers")]),
        ("In wartime we met.\nIn war time we met.", [(2, 4, "war time", "wartime")]),
        ("EAEU member states met; member states agreed.\nThe EAEU member-states.", [(2, 10, "member-states", "member states")]),
        ("The BIE voted. The BIE met.\nThe Bie decided.", [(2, 5, "Bie", "BIE")]),
        # A capital sigma lower-cases by its place in a word: every pair of words is looked at then.
        ("In wartime we met ΣΟΦΙΑ.\nIn war time we met.", [(2, 4, "war time", "wartime")]),
    ],
)
def test_term_shapes_and_capitals(text: str, expected: list[tuple[int, int, str, str]]) -> None:
    assert where(found("consistency.term-variants", text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We meet every day. It is an everyday task.",
        "A three-year term. It lasted three years.",
        "The foreign-policy agenda. Our foreign policy.",
        "He is becoming tired. It will be coming soon.",
    ],
)
def test_term_shapes_that_differ_in_meaning_or_grammar_are_quiet(text: str) -> None:
    assert found("consistency.term-variants", text) == []


def test_a_bad_check_name_is_a_rule_error() -> None:
    from pressqa.kinds.consistency import ConsistencyKind

    assert ConsistencyKind.validate({"check": "nope"}) == [("check", "must be one of " + ", ".join(
        ("listed", "names", "names-across-files", "outdated-names", "spelling-variants", "terms")
    ))]
    assert KindContext  # the context type is what kinds receive


# -- quick first looks: they may let a document through, never turn one away that has a finding ---------------

TRICKY_NAMES = (
    "A. Lukashenko met A.A. Vishnevsky and Mr. Putin’s aide in the U.S. on 5 May.\n"
    "Write to info@Belta.by or see www.Belarus.by and #Belarus, @Lukashenko, Su57, G20, 6thParatroop.\n"
    "Luiz Inácio Lula da Silva, Mohammed bin Salman and Abdel Fattah el-Sisi (Minsk), “Kyiv”, Belarus’ and "
    "McDonald's; foo_Bar, Минск, anti-Russian and Minsk-Moscow talks, Ⅻ, Minsk².\n"
)


def test_name_tokens_are_the_tokeniser_s_own_where_a_capital_is() -> None:
    doc = Document.from_text("release.txt", TRICKY_NAMES)
    forms = name_mentions.RegisterForms(context_for().lexicon.register.people)
    partial = {(t.text, t.start, t.end, t.kind) for t in name_mentions.name_tokens(doc, forms)}
    full = {(t.text, t.start, t.end, t.kind) for t in document_tokens(doc)}
    assert partial <= full
    capitalised = {t for t in full if t[0][:1].isupper()} | {t for t in full if t[0] in ("da", "bin")}
    assert capitalised <= partial


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("Tax payers wrote in. The taxpayer answered.", True),
        ("Russia’s tax payers and the taxpayers met.", True),
        ("The counter-terrorism unit and counterterrorism law.", True),
        ("The three-year plan took three years.", False),  # an attributive compound beside its open form: quiet
        ("It took three years; the three-year is over.", True),
        ("It took three years (“three-year” is a noun here).", True),
        ("Russia’s president and the presidents met. A well-known fact.", False),
        ("The President spoke to the press.", False),
    ],
)
def test_the_compound_look_lets_every_two_shape_document_through(text: str, may: bool) -> None:
    assert consistency_module._may_have_compound_variants(Document.from_text("release.txt", text)) is may


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("BelTA reported. According to BELTA, talks went well.", True),
        ("NATO met. The Nato summit ended.", True),
        ("NATO met. NATO left. A senator spoke.", False),
        ("The CIS met. The decision was made.", False),
        ("The F\u0435deral Assembly met.", False),  # a Cyrillic look-alike is no second capital
        ("BelTA\u2019s report. According to Belta, talks went well.", True),
    ],
)
def test_the_capitals_look_lets_every_two_casing_document_through(text: str, may: bool) -> None:
    doc = Document.from_text("release.txt", text)
    forms = name_mentions.RegisterForms(context_for().lexicon.register.people)
    assert consistency_module._may_have_case_variants(doc, name_mentions.name_tokens(doc, forms)) is may


def test_a_lower_case_word_at_the_start_still_opens_a_register_name() -> None:
    text = "da Silva spoke. Luiz Inácio Lula da Silva met Lula da Silva."
    doc = Document.from_text("release.txt", text)
    forms = name_mentions.RegisterForms(context_for().lexicon.register.people)
    assert ("da", 0) in {(t.text, t.start) for t in name_mentions.name_tokens(doc, forms)}


def test_cross_file_uses_handed_over_between_engines_give_the_same_findings() -> None:
    rule = RULES["consistency.name-variants-across-files"]
    texts = [
        ("a.txt", "Visit to Yekaterinburg. Aleksandr Lukashenko spoke."),
        ("b.txt", "News.\nYekaterinburg and Ekaterinburg, then Ekaterinburg again."),
        ("c.txt", "Talks.\n\nThe Ekaterinburg plant. Alexander Lukashenko met them."),
        ("d.txt", "Yekaterinburg."),
    ]
    context = context_for()
    one = Engine([rule], context)
    for path, text in texts:
        one.check_document(Document.from_text(path, text))
    parent = Engine([rule], context)
    for path, text in texts:  # as -j workers and the result cache do: each file's observations handed over
        worker = Engine([rule], context)
        worker.check_document(Document.from_text(path, text))
        parent.merge_states(worker.take_states())
    expected = one.finish()
    assert [(f.path, f.line, f.column, f.message) for f in parent.finish()] == [
        (f.path, f.line, f.column, f.message) for f in expected
    ]
    # b.txt writes the city both ways: its majority form stands for it (two places), which ties the files 2:2 and
    # wins on places, 3:2.
    assert [(f.path, f.line, f.column, f.end_column, f.message) for f in expected] == [
        ("a.txt", 1, 10, 23, "'Yekaterinburg' here; 'Ekaterinburg' in 3 places in 2 files, e.g. b.txt:2"),
        ("c.txt", 3, 25, 34, "'Alexander' here; 'Aleksandr' in 1 place in 1 file, e.g. a.txt:1"),
        ("d.txt", 1, 1, 14, "'Yekaterinburg' here; 'Ekaterinburg' in 3 places in 2 files, e.g. b.txt:2"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Lula da Silva came today; Canada-da and da-Costa, 5da, _da, da² and Lula da\x00Silva.",
        "dab da bin binder Mohammed bin Salman (da) ‘da’ \nda",
        "no such words here",
    ],
)
def test_lower_case_register_words_are_found_as_the_regex_scan_would(text: str) -> None:
    import re

    words = ("bin", "da")
    scan = re.compile(r"(?:bin|da)(?![^\W\d_])[^\s\x00]*")
    expected = [m.span() for m in scan.finditer(text) if not (m.start() and re.match(r"[^\W\d_]", text[m.start() - 1]))]
    assert name_mentions._lower_word_chunks(text, words) == expected


def test_a_hyphenated_compound_whose_letters_are_a_word_lets_the_document_through() -> None:
    doc = Document.from_text("release.txt", "The tax-payer wrote. Every taxpayer did.")
    assert consistency_module._may_have_compound_variants(doc) is True


def test_a_chunk_read_again_keeps_what_its_next_words_make_of_it() -> None:
    # "A." is an initial before a capitalised word and a word before anything else: the tokeniser looks on.
    text = "Plan A. Lukashenko spoke. Plan A. the rest. Plan A.\x00Minsk. U.S. and U.S. Sanctions."
    doc = Document.from_text("release.txt", text)
    forms = name_mentions.RegisterForms(context_for().lexicon.register.people)
    for _ in range(2):  # the second time from the kept chunk shapes
        partial = {(t.text, t.start, t.kind) for t in name_mentions.name_tokens(doc, forms)}
        full = {(t.text, t.start, t.kind) for t in document_tokens(doc)}
        assert partial <= full
        assert {t for t in full if t[0][:1].isupper()} <= partial
    assert ("A.", 5, "initials") in partial and ("A", 31, "word") in partial


@pytest.mark.parametrize(
    "text",
    [
        "Tax payers’ e-mail: snake_case, 1,5 mln\u00a0roubles — “İstanbul” Erdoğan ΣΟΦΙΑ σοφια Ⅻ² 日本語\x00x",
        "",
        "___ \u2028 \ud800 end",
    ],
)
def test_word_runs_are_the_regex_s_with_underscores_as_spaces(text: str) -> None:
    import re

    assert consistency_module._word_runs(text) == re.findall(r"\w+", text.replace("_", " "))
