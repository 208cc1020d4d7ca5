"""The unknown-word report: every word the dictionary, the name lists and the accept list do not know, with counts.

A press office runs it once over its archive (`pressqa check --list-unknown DIR`)
and copies the right words into `accept` in its config, or a house word list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pressqa.document import Document, DocumentError
from pressqa.lexicon import Lexicon
from pressqa.runner import RunOptions, Runner
from pressqa.speller import Speller, unknown_tokens
from pressqa.tokens import WORD, document_tokens


def count_unknown_words(documents: Iterable[Document], lexicon: Lexicon, language: str = "en") -> Counter[str]:
    """How often each unknown word (as written, possessive dropped) occurs in the documents' prose."""
    speller = Speller.for_lexicon(lexicon, language)
    counts: Counter[str] = Counter()
    for doc in documents:
        tokens = (t for t in document_tokens(doc) if t.kind == WORD)
        counts.update(unknown_tokens(speller, tokens))
    return counts


def format_unknown_words(counts: Counter[str]) -> str:
    """One `count<TAB>word` line a word, most frequent first, then alphabetically; ready to paste and prune."""
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0].lower(), item[0]))
    return "".join(f"{count}\t{word}\n" for word, count in rows)


def count_unknown_in_paths(options: RunOptions) -> tuple[Counter[str], list[str]]:
    """Unknown-word counts over the files a `pressqa check` with these options would read, and read errors.

    Each file is judged with the lexicon of its own config (house word lists, accept list, language).
    """
    runner = Runner(options)
    counts: Counter[str] = Counter()
    errors: list[str] = []
    for path, config in runner.files():
        lexicon = runner.rule_set(config).engine.context.lexicon
        try:
            doc = Document.read(path)
        except DocumentError as error:
            errors.append(f"{path}: {error}")
            continue
        counts.update(count_unknown_words([doc], lexicon, config.language))
    return counts, errors
