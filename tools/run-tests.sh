#!/usr/bin/env bash
# The one command that runs pressqa's whole test suite (README.md names it; .ci/run calls it).
#
# It installs pressqa with its test dependencies, fetches LanguageTool from Maven Central
# (cached in ~/.m2 and .cache/languagetool/), starts it on a loopback port for the
# integration tests, runs pytest, and stops the server again.
# PRESSQA_NO_LANGUAGETOOL=1 skips the server (the grammar tests then skip, except under CI=true).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

python3 -m pip install --quiet --disable-pip-version-check -e ".[test,bench]"

if [[ "${PRESSQA_NO_LANGUAGETOOL:-}" != "1" ]]; then
    bash .ci/languagetool.sh fetch
    eval "$(bash .ci/languagetool.sh start | sed 's/^/export /')"
    trap 'bash .ci/languagetool.sh stop' EXIT
fi

# pytest exits 5 when it collects no test; that is a failure here, as it should be.
python3 -m pytest -q -p no:cacheprovider "$@"
