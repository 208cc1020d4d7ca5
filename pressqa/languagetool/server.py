"""The warm local LanguageTool server: find an install, start it once, reuse it.

The first pressqa run that needs grammar starts ``java -cp
languagetool-server.jar org.languagetool.server.HTTPServer`` detached, on a
free loopback port, and records it in a state file in the cache dir. Later
runs find it there (pid alive and healthcheck answering) and touch the state
file; a detached watchdog stops the server after the idle timeout.
``ServerManager.stop()`` stops it at once. A lock file makes concurrent runs
start one server only.

Where LanguageTool lives, in this order: ``PRESSQA_LANGUAGETOOL_HOME`` (a
``LanguageTool-X.Y`` folder, or a folder holding one); language-tool-python's
download dir (``LTP_PATH``, default ``~/.cache/language_tool_python``), whose
``LanguageTool-X.Y/`` layout the Maven Central ``languagetool-standalone`` zip
also has; last, language-tool-python's own download, where it can reach it.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from .client import LanguageToolClient, LanguageToolError
from .watchdog import file_lock, is_languagetool, is_watchdog, pid_alive, read_state, stop_pid

__all__ = [
    "DEFAULT_IDLE_TIMEOUT",
    "DEFAULT_READY_TIMEOUT",
    "Install",
    "ServerManager",
    "ServerState",
    "find_install",
    "java_major_version",
]

DEFAULT_IDLE_TIMEOUT = 30 * 60.0
DEFAULT_READY_TIMEOUT = 60.0
MIN_JAVA = 17
HOME_ENV = "PRESSQA_LANGUAGETOOL_HOME"
JAVA_OPTS_ENV = "PRESSQA_LANGUAGETOOL_JAVA_OPTS"
_JARS = ("languagetool-server.jar", "languagetool.jar")
_VERSION_DIR = re.compile(r"^LanguageTool-(\d+(?:\.\d+)*)(?:-SNAPSHOT)?$", re.IGNORECASE)
_SERVER_CLASS = "org.languagetool.server.HTTPServer"
# Started through a short-lived launcher so the server is not our child:
# nothing to reap, no "still running" warning when pressqa exits.
_LAUNCHER = (
    "import subprocess,sys\n"
    "log=open(sys.argv[1],'ab')\n"
    "p=subprocess.Popen(sys.argv[3:],stdin=subprocess.DEVNULL,stdout=log,stderr=log,"
    "cwd=sys.argv[2],start_new_session=True)\n"
    "print(p.pid)\n"
)


@dataclass(frozen=True)
class Install:
    """A LanguageTool install: its folder, server jar and version."""

    home: Path
    jar: Path
    version: str


@dataclass(frozen=True)
class ServerState:
    """What the state file records about the running server."""

    pid: int
    port: int
    url: str
    version: str
    home: str
    started: float
    last_used: float
    watchdog_pid: int = 0


def _install_at(folder: Path) -> Install | None:
    for name in _JARS:
        jar = folder / name
        if jar.is_file():
            match = _VERSION_DIR.match(folder.name)
            return Install(folder, jar, match.group(1) if match else "unknown")
    return None


def _latest_in(parent: Path) -> Install | None:
    candidates: list[tuple[tuple[int, ...], Install]] = []
    try:
        folders = [p for p in parent.glob("LanguageTool-*") if p.is_dir()]
    except OSError:
        return None
    for folder in folders:
        match = _VERSION_DIR.match(folder.name)
        install = _install_at(folder)
        if match and install:
            candidates.append((tuple(int(x) for x in match.group(1).split(".")), install))
    return max(candidates, key=lambda item: item[0])[1] if candidates else None


def ltp_download_dir(env: Mapping[str, str]) -> Path:
    """language-tool-python's download folder (its ``LTP_PATH`` rule)."""
    configured = env.get("LTP_PATH")
    return Path(configured) if configured else Path.home() / ".cache" / "language_tool_python"


def find_install(env: Mapping[str, str], *, allow_download: bool = False) -> Install:
    """Locate (or, where reachable, download) LanguageTool; LanguageToolError if none."""
    home = env.get(HOME_ENV)
    if home:
        folder = Path(home).expanduser()
        found = _install_at(folder) or _latest_in(folder)
        if found is None:
            raise LanguageToolError(
                f"{HOME_ENV}={home} holds no languagetool-server.jar", "setup"
            )
        return found
    found = _latest_in(ltp_download_dir(env))
    if found is not None:
        return found
    if not allow_download:
        raise LanguageToolError(
            f"no LanguageTool install found ({HOME_ENV} unset, nothing in {ltp_download_dir(env)})", "setup"
        )
    return _download(env)


def _download(env: Mapping[str, str]) -> Install:
    """Download through language-tool-python (needs its download host)."""
    try:
        from language_tool_python import download_lt
    except ImportError:
        raise LanguageToolError(
            "no LanguageTool install found and language-tool-python is not installed", "setup"
        ) from None
    saved = os.environ.get("LTP_PATH")
    try:
        if env.get("LTP_PATH"):
            os.environ["LTP_PATH"] = env["LTP_PATH"]
        download_lt.download_lt()
    except Exception as error:  # it raises requests', zipfile's and its own errors
        first = (str(error) or type(error).__name__).splitlines()[0][:160]
        raise LanguageToolError(
            f"LanguageTool is not installed and downloading it failed ({first})", "setup"
        ) from None
    finally:
        if saved is None:
            os.environ.pop("LTP_PATH", None)
        else:
            os.environ["LTP_PATH"] = saved
    found = _latest_in(ltp_download_dir(env))
    if found is None:
        raise LanguageToolError("LanguageTool download left no server jar", "setup")
    return found


def java_major_version(java: str) -> int | None:
    """The major version of ``java`` (8 for 1.8), or None if it does not run."""
    try:
        result = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def find_java(env: Mapping[str, str]) -> str:
    """Path of a Java 17+ runtime (``JAVA_HOME`` first); LanguageToolError if none."""
    candidates = []
    if env.get("JAVA_HOME"):
        candidates.append(str(Path(env["JAVA_HOME"]) / "bin" / "java"))
    on_path = shutil.which("java", path=env.get("PATH"))
    if on_path:
        candidates.append(on_path)
    if not candidates:
        raise LanguageToolError("no Java found (LanguageTool needs Java 17+)", "setup")
    for java in candidates:
        version = java_major_version(java)
        if version is not None and version >= MIN_JAVA:
            return java
    raise LanguageToolError(f"Java {MIN_JAVA}+ is needed, {candidates[0]} is older", "setup")


def free_port() -> int:
    """A currently free TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def spawn_detached(cmd: list[str], log_path: Path, cwd: Path, env: Mapping[str, str]) -> int:
    """Start ``cmd`` in its own session, not as our child; return its pid."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, str(log_path), str(cwd), *cmd],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(env),
        check=False,
    )
    try:
        return int(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        detail = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise LanguageToolError(f"could not start {cmd[0]}: {detail}", "setup") from None


class ServerManager:
    """Starts, finds and stops the warm local LanguageTool server."""

    def __init__(
        self,
        cache_dir: Path,
        *,
        env: Mapping[str, str] | None = None,
        idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
        ready_timeout: float = DEFAULT_READY_TIMEOUT,
        allow_download: bool = False,
        warm_languages: tuple[str, ...] = ("en-GB",),
    ) -> None:
        self.cache_dir = cache_dir
        self.warm_languages = warm_languages
        self.env: Mapping[str, str] = dict(os.environ if env is None else env)
        self.idle_timeout = idle_timeout
        self.ready_timeout = ready_timeout
        self.allow_download = allow_download
        self.state_path = cache_dir / "languagetool-server.json"
        self.lock_path = cache_dir / "languagetool-server.lock"
        self.log_path = cache_dir / "languagetool-server.log"
        self.config_path = cache_dir / "languagetool-server.properties"

    def ensure(self) -> ServerState:
        """A running server: the recorded one if healthy, else a new one."""
        with file_lock(self.lock_path, self.ready_timeout + 30):
            state = self._live_state()
            if state is not None:
                self._touch(state)
                return state
            install = find_install(self.env, allow_download=self.allow_download)
            java = find_java(self.env)
            return self._start(install, java)

    def status(self) -> ServerState | None:
        """The recorded server if it is alive and answers, else None."""
        return self._live_state()

    def stop(self) -> ServerState | None:
        """Stop the recorded server (and its watchdog); return what was stopped."""
        with file_lock(self.lock_path, 30):
            state = self._read()
            if state is None:
                return None
            if pid_alive(state.pid) and is_languagetool(state.pid):
                stop_pid(state.pid)
            self._stop_watchdog(state)
            self.state_path.unlink(missing_ok=True)
            return state

    # -- internals -----------------------------------------------------------

    def _read(self) -> ServerState | None:
        data = read_state(self.state_path)
        if data is None:
            return None
        try:
            return ServerState(**data)  # type: ignore[arg-type]
        except TypeError:
            return None

    def _live_state(self) -> ServerState | None:
        state = self._read()
        if state is None or not pid_alive(state.pid) or not is_languagetool(state.pid):
            return None
        try:
            LanguageToolClient(state.url, timeout=5).healthcheck()
        except LanguageToolError:
            return None
        return state

    def _touch(self, state: ServerState) -> None:
        if not (state.watchdog_pid and pid_alive(state.watchdog_pid)):
            watchdog = self._spawn_watchdog(state.pid)
            state = ServerState(**{**asdict(state), "watchdog_pid": watchdog})
        self._write(ServerState(**{**asdict(state), "last_used": time.time()}))

    def _write(self, state: ServerState) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = self.state_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(state), indent=1), encoding="utf-8")
        os.replace(temporary, self.state_path)

    def _start(self, install: Install, java: str) -> ServerState:
        stale = self._read()
        if stale is not None:
            if pid_alive(stale.pid) and is_languagetool(stale.pid):
                stop_pid(stale.pid)  # alive but not answering: replace it
            self._stop_watchdog(stale)
        last_error = "no attempt"
        for _attempt in range(3):
            port = free_port()
            cmd = [java, *shlex.split(self.env.get(JAVA_OPTS_ENV, ""))]
            cmd += ["-cp", str(install.jar), _SERVER_CLASS, "--port", str(port)]
            cmd += ["--config", str(self._write_config())]
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            self.log_path.write_bytes(b"")  # one log per start, not an ever-growing file
            pid = spawn_detached(cmd, self.log_path, install.home, self.env)
            url = f"http://127.0.0.1:{port}"
            error = self._wait_ready(pid, url)
            if error is None:
                self._warm_up(url)
                now = time.time()
                state = ServerState(
                    pid=pid,
                    port=port,
                    url=url,
                    version=install.version,
                    home=str(install.home),
                    started=now,
                    last_used=now,
                    watchdog_pid=self._spawn_watchdog(pid),
                )
                self._write(state)
                return state
            last_error = error
            if pid_alive(pid):
                stop_pid(pid)
                break  # it ran but never answered: a new port will not help
        raise LanguageToolError(f"local LanguageTool server did not start: {last_error}", "setup")

    def _write_config(self) -> Path:
        # Pipeline caching reuses LanguageTool's rule pipelines between requests
        # (a check drops from ~0.5 s to ~0.05 s on a 2-core machine).
        self.config_path.write_text(
            "pipelineCaching=true\nmaxPipelinePoolSize=50\npipelineExpireTimeInSeconds=7200\n",
            encoding="utf-8",
        )
        return self.config_path

    def _warm_up(self, url: str) -> None:
        """Load each language's rules now, while concurrent runs wait on the lock.

        A fresh server's first check of a language takes 6-20 s (rule loading,
        JIT); paid here, it cannot make a later request time out.
        """
        client = LanguageToolClient(url, timeout=max(self.ready_timeout, 60.0) * 2)
        for language in self.warm_languages:
            try:
                client.check("This is a warm-up sentence for the server.", language)
            except LanguageToolError:
                return

    def _stop_watchdog(self, state: ServerState) -> None:
        if state.watchdog_pid and pid_alive(state.watchdog_pid) and is_watchdog(state.watchdog_pid):
            stop_pid(state.watchdog_pid, grace=1.0)

    def _wait_ready(self, pid: int, url: str) -> str | None:
        client = LanguageToolClient(url, timeout=2)
        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline:
            if not pid_alive(pid):
                return f"java exited ({self._log_tail()}); log: {self.log_path}"
            try:
                client.healthcheck()
                return None
            except LanguageToolError:
                time.sleep(0.25)
        return f"no answer within {self.ready_timeout:g} s; log: {self.log_path}"

    def _log_tail(self) -> str:
        try:
            lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return "no log"
        useful = [line.strip() for line in lines if line.strip()]
        return useful[-1][:160] if useful else "empty log"

    def _spawn_watchdog(self, server_pid: int) -> int:
        script = Path(__file__).with_name("watchdog.py")
        cmd = [
            sys.executable,
            str(script),
            "--state",
            str(self.state_path),
            "--lock",
            str(self.lock_path),
            "--pid",
            str(server_pid),
            "--idle",
            str(self.idle_timeout),
        ]
        try:
            log = self.cache_dir / "languagetool-watchdog.log"
            return spawn_detached(cmd, log, self.cache_dir, self.env)
        except (LanguageToolError, OSError, subprocess.SubprocessError):
            return 0  # the server still works; it just will not stop by itself
