"""The warm local server manager: install lookup, Java check, start/reuse/stop, idle stop.

A fake ``java`` (fake_lt_server.py) stands in for the JVM here so the process
handling is tested in milliseconds; test_integration.py starts the real one.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lthelpers import subprocess_env
from pressqa.languagetool.client import LanguageToolError
from pressqa.languagetool.server import (
    ServerManager,
    find_install,
    find_java,
    java_major_version,
)
from pressqa.languagetool.watchdog import pid_alive

HERE = Path(__file__).resolve().parent


def make_install(parent: Path, version: str = "6.8") -> Path:
    home = parent / f"LanguageTool-{version}"
    home.mkdir(parents=True)
    (home / "languagetool-server.jar").write_bytes(b"")
    return home


def make_java(folder: Path, version: str = "17.0.15", body: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    java = folder / "java"
    run = body or f'exec "{sys.executable}" "{HERE / "fake_lt_server.py"}" "$@"'
    java.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = "-version" ]; then echo \'openjdk version "{version}" 2025-04-15\' >&2; exit 0; fi\n'
        f"{run}\n"
    )
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    return java


@pytest.fixture
def fake_env(tmp_path: Path) -> dict[str, str]:
    home = make_install(tmp_path / "lt")
    java = make_java(tmp_path / "bin")
    return {
        "PRESSQA_LANGUAGETOOL_HOME": str(home),
        "PATH": f"{java.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "FAKE_LT_MODE": "ok",
    }


@pytest.fixture
def managers() -> Iterator[list[ServerManager]]:
    made: list[ServerManager] = []
    yield made
    for manager in made:
        manager.stop()


def manager_for(
    managers: list[ServerManager], cache: Path, env: dict[str, str], **kwargs: float
) -> ServerManager:
    manager = ServerManager(cache, env=env, allow_download=False, **kwargs)  # type: ignore[arg-type]
    managers.append(manager)
    return manager


# -- finding LanguageTool and Java -------------------------------------------------


def test_home_pointing_at_the_version_folder(tmp_path: Path) -> None:
    home = make_install(tmp_path)
    install = find_install({"PRESSQA_LANGUAGETOOL_HOME": str(home)}, allow_download=False)
    assert (install.home, install.version) == (home, "6.8")
    assert install.jar == home / "languagetool-server.jar"


def test_home_pointing_at_a_parent_takes_the_newest(tmp_path: Path) -> None:
    for version in ("6.6", "6.10", "6.8"):
        make_install(tmp_path, version)
    install = find_install({"PRESSQA_LANGUAGETOOL_HOME": str(tmp_path)}, allow_download=False)
    assert install.version == "6.10"


def test_home_without_jar_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LanguageToolError, match="holds no languagetool-server.jar"):
        find_install({"PRESSQA_LANGUAGETOOL_HOME": str(tmp_path)}, allow_download=False)


def test_language_tool_python_download_dir(tmp_path: Path) -> None:
    make_install(tmp_path / "ltp", "6.8")
    (tmp_path / "ltp" / "LanguageTool-6.9").mkdir()  # no jar: an aborted download
    install = find_install({"LTP_PATH": str(tmp_path / "ltp")}, allow_download=False)
    assert install.version == "6.8"


def test_nothing_installed(tmp_path: Path) -> None:
    with pytest.raises(LanguageToolError, match="no LanguageTool install found"):
        find_install({"LTP_PATH": str(tmp_path)}, allow_download=False)


@pytest.mark.parametrize("printed, major", [("17.0.15", 17), ("21", 21), ("1.8.0_292", 8)])
def test_java_version(tmp_path: Path, printed: str, major: int) -> None:
    assert java_major_version(str(make_java(tmp_path, printed))) == major


def test_java_that_does_not_run(tmp_path: Path) -> None:
    assert java_major_version(str(tmp_path / "missing-java")) is None


def test_old_java_is_refused(tmp_path: Path) -> None:
    java = make_java(tmp_path / "bin", "11.0.2")
    with pytest.raises(LanguageToolError, match=r"Java 17\+ is needed"):
        find_java({"PATH": str(java.parent)})


# -- start, reuse, stop --------------------------------------------------------


def test_start_reuse_status_stop(
    tmp_path: Path, fake_env: dict[str, str], managers: list[ServerManager]
) -> None:
    manager = manager_for(managers, tmp_path / "cache", fake_env)
    first = manager.ensure()
    assert pid_alive(first.pid) and first.url == f"http://127.0.0.1:{first.port}"
    state = json.loads(manager.state_path.read_text())
    assert state["pid"] == first.pid and state["version"] == "6.8"
    assert pid_alive(first.watchdog_pid)

    started = time.monotonic()
    again = manager_for(managers, tmp_path / "cache", fake_env).ensure()
    assert again.pid == first.pid
    assert time.monotonic() - started < 1.0
    status = manager.status()
    assert status is not None and status.pid == first.pid

    stopped = manager.stop()
    assert stopped is not None and stopped.pid == first.pid
    deadline = time.monotonic() + 5
    while pid_alive(first.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not pid_alive(first.pid)
    assert not manager.state_path.exists()
    assert manager.status() is None
    assert manager.stop() is None


def test_dead_server_in_state_is_replaced(
    tmp_path: Path, fake_env: dict[str, str], managers: list[ServerManager]
) -> None:
    manager = manager_for(managers, tmp_path / "cache", fake_env)
    first = manager.ensure()
    os.kill(first.pid, 9)
    deadline = time.monotonic() + 5
    while pid_alive(first.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    second = manager.ensure()
    assert second.pid != first.pid and pid_alive(second.pid)


def test_garbage_state_file_is_ignored(
    tmp_path: Path, fake_env: dict[str, str], managers: list[ServerManager]
) -> None:
    manager = manager_for(managers, tmp_path / "cache", fake_env)
    manager.state_path.parent.mkdir(parents=True)
    manager.state_path.write_text("{not json")
    assert pid_alive(manager.ensure().pid)


def test_server_that_exits_reports_its_log(
    tmp_path: Path, fake_env: dict[str, str], managers: list[ServerManager]
) -> None:
    manager = manager_for(managers, tmp_path / "cache", {**fake_env, "FAKE_LT_MODE": "exit"})
    with pytest.raises(LanguageToolError, match="fake failure") as caught:
        manager.ensure()
    assert "\n" not in str(caught.value)
    assert not manager.state_path.exists()


def test_server_that_never_answers_is_stopped(
    tmp_path: Path, fake_env: dict[str, str], managers: list[ServerManager]
) -> None:
    env = {**fake_env, "FAKE_LT_MODE": "mute"}
    manager = manager_for(managers, tmp_path / "cache", env, ready_timeout=1.0)
    started = time.monotonic()
    with pytest.raises(LanguageToolError, match="no answer within 1 s"):
        manager.ensure()
    assert time.monotonic() - started < 15


ENSURE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from pressqa.languagetool.server import ServerManager
    manager = ServerManager(Path(sys.argv[1]), allow_download=False)
    print(manager.ensure().pid)
    """
)


def test_concurrent_runs_start_one_server(
    tmp_path: Path, fake_env: dict[str, str], managers: list[ServerManager]
) -> None:
    cache = tmp_path / "cache"
    manager_for(managers, cache, fake_env)  # stops whatever the children started
    env = subprocess_env(**fake_env)
    procs = [
        subprocess.Popen([sys.executable, "-c", ENSURE, str(cache)], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    pids = set()
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        pids.add(int(out.strip()))
    assert len(pids) == 1


def test_idle_server_stops_by_itself(
    tmp_path: Path, fake_env: dict[str, str], managers: list[ServerManager]
) -> None:
    manager = manager_for(managers, tmp_path / "cache", fake_env, idle_timeout=1.0)
    state = manager.ensure()
    deadline = time.monotonic() + 15

    def running() -> bool:
        return pid_alive(state.pid) or pid_alive(state.watchdog_pid) or manager.state_path.exists()

    while running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not pid_alive(state.pid)
    assert not manager.state_path.exists()
    assert not pid_alive(state.watchdog_pid)


def test_use_keeps_the_server_warm(
    tmp_path: Path, fake_env: dict[str, str], managers: list[ServerManager]
) -> None:
    manager = manager_for(managers, tmp_path / "cache", fake_env, idle_timeout=2.0)
    state = manager.ensure()
    for _ in range(8):  # 3.2 s of use, longer than the idle timeout
        time.sleep(0.4)
        assert manager.ensure().pid == state.pid
    assert pid_alive(state.pid)
