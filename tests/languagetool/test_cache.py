"""The per-paragraph result cache."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from lthelpers import subprocess_env
from pressqa.languagetool.cache import ResultCache, cache_key
from pressqa.languagetool.client import CheckOptions, Match

MATCH = Match(
    offset=3,
    length=4,
    rule_id="HE_VERB_AGR",
    message="The pronoun ‘He’ is usually used with a third-person verb.",
    category_id="GRAMMAR",
    issue_type="grammar",
    replacements=("has", "had"),
    url="https://example.org/x",
)


def test_key_changes_with_every_input() -> None:
    base = ("He have 😀.", "en-GB", CheckOptions().cache_key(), "LanguageTool 6.8 b c")
    keys = {
        cache_key(*base),
        cache_key("He have 😀!", *base[1:]),
        cache_key(base[0], "en-US", *base[2:]),
        cache_key(base[0], base[1], CheckOptions(disabled_rules=("X",)).cache_key(), base[3]),
        cache_key(base[0], base[1], CheckOptions(enabled_rules=("X",)).cache_key(), base[3]),
        cache_key(base[0], base[1], CheckOptions(disabled_categories=("X",)).cache_key(), base[3]),
        cache_key(base[0], base[1], CheckOptions(enabled_categories=("X",)).cache_key(), base[3]),
        cache_key(base[0], base[1], CheckOptions(level="picky").cache_key(), base[3]),
        cache_key(*base[:3], "LanguageTool 6.9 b c"),
    }
    assert len(keys) == 9
    assert cache_key(*base) == cache_key(*base)


def test_option_order_does_not_matter() -> None:
    one = CheckOptions(disabled_rules=("A", "B")).cache_key()
    two = CheckOptions(disabled_rules=("B", "A", "A")).cache_key()
    assert one == two


def test_roundtrip_and_miss(tmp_path: Path) -> None:
    with ResultCache(tmp_path / "c.sqlite3") as cache:
        assert cache.get_many(["k1", "k2"]) == {}
        cache.put_many({"k1": [MATCH], "k2": []})
    with ResultCache(tmp_path / "c.sqlite3") as cache:
        assert cache.get_many(["k1", "k2", "k3"]) == {"k1": [MATCH], "k2": []}


def test_clear(tmp_path: Path) -> None:
    with ResultCache(tmp_path / "c.sqlite3") as cache:
        cache.put_many({"k": [MATCH]})
        cache.clear()
        assert cache.get_many(["k"]) == {}


def test_unusable_location_disables_the_cache_without_failing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = ResultCache(blocker / "c.sqlite3")
    cache.put_many({"k": [MATCH]})
    assert cache.get_many(["k"]) == {}
    assert cache.last_error and "disabled" in cache.last_error


def test_corrupt_database_disables_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    cache = ResultCache(path)
    assert cache.get_many(["k"]) == {}
    cache.put_many({"k": [MATCH]})
    assert cache.last_error is not None


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pressqa.languagetool.cache import ResultCache
    from pressqa.languagetool.client import Match
    path, worker = Path(sys.argv[1]), int(sys.argv[2])
    cache = ResultCache(path)
    for round_ in range(40):
        batch = {f"w{worker}-{round_}-{i}": [Match(i, 1, f"R{worker}", "m")] for i in range(5)}
        cache.put_many(batch)
        got = cache.get_many(batch)
        assert len(got) == len(batch), (worker, round_, len(got))
        shared = cache.get_many([f"w{other}-0-0" for other in range(4)])
    assert cache.last_error is None, cache.last_error
    print("ok")
    """
)


def test_concurrent_processes_share_one_file(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(worker)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
        )
        for worker in range(4)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip() == "ok"
    with ResultCache(path) as cache:
        keys = [f"w{w}-{r}-{i}" for w in range(4) for r in range(40) for i in range(5)]
        assert len(cache.get_many(keys)) == len(keys)
