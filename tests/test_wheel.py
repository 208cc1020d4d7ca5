"""The built wheel carries every built-in rule: rules/ at the repository root ships as pressqa.rules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _repo_rule_ids() -> set[str]:
    """Rule ids from the checkout's rules/ tree: `<group>.<name>` for each rules/<group>/<name>.yaml."""
    rules = REPO / "rules"
    return {
        f"{path.parent.name}.{path.stem}"
        for pattern in ("*/*.yaml", "*/*.yml")
        for path in rules.glob(pattern)
        if path.parent.name != "data" and not path.parent.name.startswith((".", "_"))
    }


@pytest.mark.slow
def test_installed_wheel_lists_every_builtin_rule_and_ships_word_data(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(REPO), "-w", str(wheels)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    (wheel,) = wheels.glob("pressqa-*.whl")
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
        text=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Only the target on the path (dependencies come from this interpreter's site-packages), and
    # started from a folder with no rules/ beside it, so the checkout cannot stand in for the wheel.
    env = {**os.environ, "PYTHONPATH": str(site)}
    listing = subprocess.run(
        [sys.executable, "-m", "pressqa", "rules"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert listing.returncode == 0, listing.stderr
    listed = {line.split()[0] for line in listing.stdout.splitlines() if line.strip()}
    expected = _repo_rule_ids()
    assert expected, "no rule files found under rules/"
    assert expected <= listed, f"missing from the wheel: {sorted(expected - listed)}"

    where = subprocess.run(
        [sys.executable, "-c", "import pressqa, pressqa.loader as l; print(pressqa.__file__); print(l.builtin_rules_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    package_file, rules_dir = where.stdout.splitlines()
    assert Path(package_file).is_relative_to(site)
    assert Path(rules_dir).is_relative_to(site)
    repo_data = {p.relative_to(REPO / "rules").as_posix() for p in (REPO / "rules" / "data").rglob("*") if p.is_file()}
    shipped = {p.relative_to(Path(rules_dir)).as_posix() for p in (Path(rules_dir) / "data").rglob("*") if p.is_file()}
    assert repo_data <= shipped, f"word data missing from the wheel: {sorted(repo_data - shipped)}"
