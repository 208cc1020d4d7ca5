#!/usr/bin/env bash
# LanguageTool for CI and local integration tests.
#
#   .ci/languagetool.sh fetch   Maven Central -> ~/.m2 -> .cache/languagetool/LanguageTool-$LT_VERSION
#   .ci/languagetool.sh start   start the server on a free loopback port (or $LT_PORT), wait for it,
#                               print PRESSQA_LANGUAGETOOL_URL=... and PRESSQA_LANGUAGETOOL_HOME=...
#   .ci/languagetool.sh stop    stop the server started by `start`
#
# Typical use in .ci/run:
#   bash .ci/languagetool.sh fetch
#   eval "$(bash .ci/languagetool.sh start | sed 's/^/export /')"
#   trap 'bash .ci/languagetool.sh stop' EXIT
#
# Only Maven Central is contacted (the standalone zip, ~258 MB, is cached in ~/.m2 and unpacked once
# into the gitignored .cache/languagetool/). PRESSQA_LANGUAGETOOL_HOME lets pressqa's local-server
# mode (and the kill test) start their own server from the same install.
set -euo pipefail

LT_VERSION="${LT_VERSION:-6.8}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache/languagetool"
HOME_DIR="$CACHE/LanguageTool-$LT_VERSION"
PID_FILE="$CACHE/server.pid"
LOG_FILE="$CACHE/server.log"
ARTIFACT="org.languagetool:languagetool-standalone:$LT_VERSION:zip"
M2_REPO="${M2_REPO:-$HOME/.m2/repository}"
ZIP="$M2_REPO/org/languagetool/languagetool-standalone/$LT_VERSION/languagetool-standalone-$LT_VERSION.zip"

log() { printf 'languagetool.sh: %s\n' "$*" >&2; }

fetch() {
    if [[ -f "$HOME_DIR/languagetool-server.jar" ]]; then
        log "LanguageTool $LT_VERSION already unpacked in $HOME_DIR"
        return 0
    fi
    if [[ ! -s "$ZIP" ]]; then
        command -v mvn >/dev/null || { log "mvn not found (apt-get install maven)"; return 1; }
        log "downloading $ARTIFACT from Maven Central (~258 MB, once)"
        mvn -q -B dependency:get -Dartifact="$ARTIFACT" -Dtransitive=false
    fi
    mkdir -p "$CACHE"
    local tmp
    tmp="$(mktemp -d "$CACHE/unpack.XXXXXX")"
    log "unpacking $ZIP"
    if command -v unzip >/dev/null; then
        unzip -q "$ZIP" -d "$tmp"
    else
        python3 -m zipfile -e "$ZIP" "$tmp"
    fi
    [[ -f "$tmp/LanguageTool-$LT_VERSION/languagetool-server.jar" ]] || {
        log "unexpected zip layout: no LanguageTool-$LT_VERSION/languagetool-server.jar"
        rm -rf "$tmp"
        return 1
    }
    rm -rf "$HOME_DIR"
    mv "$tmp/LanguageTool-$LT_VERSION" "$HOME_DIR"
    rm -rf "$tmp"
    log "LanguageTool $LT_VERSION ready in $HOME_DIR"
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

healthy() {
    python3 - "$1" <<'EOF'
import sys, urllib.request
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
try:
    with opener.open(f"http://127.0.0.1:{sys.argv[1]}/v2/healthcheck", timeout=2) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
EOF
}

warm_up() {
    # A fresh server's first check of a language takes 6-20 s; pay it here, not in a test.
    python3 - "$1" <<'EOF'
import sys, urllib.parse, urllib.request
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
for language in ("en-GB", "en-US"):
    data = urllib.parse.urlencode({"language": language, "text": "This is a warm-up sentence."}).encode()
    try:
        opener.open(f"http://127.0.0.1:{sys.argv[1]}/v2/check", data=data, timeout=240).read()
    except Exception as error:
        print(f"languagetool.sh: warm-up for {language} failed: {error}", file=sys.stderr)
EOF
}

start() {
    [[ -f "$HOME_DIR/languagetool-server.jar" ]] || fetch
    command -v java >/dev/null || { log "java not found (LanguageTool needs Java 17+)"; return 1; }
    if [[ -f "$PID_FILE" ]] && kill -0 "$(cut -d' ' -f1 "$PID_FILE")" 2>/dev/null; then
        local old_port
        old_port="$(cut -d' ' -f2 "$PID_FILE")"
        if healthy "$old_port"; then
            echo "PRESSQA_LANGUAGETOOL_URL=http://127.0.0.1:$old_port"
            echo "PRESSQA_LANGUAGETOOL_HOME=$HOME_DIR"
            return 0
        fi
    fi
    local port="${LT_PORT:-$(free_port)}"
    printf 'pipelineCaching=true\nmaxPipelinePoolSize=50\npipelineExpireTimeInSeconds=7200\n' \
        >"$CACHE/server.properties"
    (cd "$HOME_DIR" && exec java -cp languagetool-server.jar \
        org.languagetool.server.HTTPServer --port "$port" --config "$CACHE/server.properties" \
        </dev/null >"$LOG_FILE" 2>&1) &
    local pid=$!
    echo "$pid $port" >"$PID_FILE"
    local waited=0
    until healthy "$port"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            log "server exited; last log lines:"
            tail -n 20 "$LOG_FILE" >&2
            return 1
        fi
        if ((waited >= 120)); then
            log "no answer from port $port within 120 s; last log lines:"
            tail -n 20 "$LOG_FILE" >&2
            stop
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    warm_up "$port"
    log "LanguageTool $LT_VERSION on port $port (pid $pid), answering after ${waited}s, warmed up"
    echo "PRESSQA_LANGUAGETOOL_URL=http://127.0.0.1:$port"
    echo "PRESSQA_LANGUAGETOOL_HOME=$HOME_DIR"
}

stop() {
    [[ -f "$PID_FILE" ]] || return 0
    local pid
    pid="$(cut -d' ' -f1 "$PID_FILE")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
}

case "${1:-}" in
    fetch) fetch ;;
    start) start ;;
    stop) stop ;;
    *)
        echo "usage: $0 fetch|start|stop" >&2
        exit 2
        ;;
esac
