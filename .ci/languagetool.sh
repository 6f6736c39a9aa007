#!/usr/bin/env bash
# Provision LanguageTool for notecheck's grammar checks and prove it runs.
#
#   bash .ci/languagetool.sh PYTHON
#
# PYTHON is the interpreter of a venv where notecheck is installed. LanguageTool
# (server + English) is assembled from Maven Central into notecheck's cache
# directory ($NOTECHECK_LT_HOME, else $NOTECHECK_CACHE_DIR/languagetool, else
# ~/.cache/notecheck/languagetool), reusing ~/.m2. Idempotent: a second run only
# re-checks. Any failure exits non-zero: in CI a missing LanguageTool is a
# failure, never a skip.
set -euo pipefail

py="${1:?usage: $0 PYTHON}"
export NOTECHECK_LT_SOURCE="${NOTECHECK_LT_SOURCE:-maven}"

need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
if ((${#need_apt[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "languagetool: installing ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "languagetool: missing ${need_apt[*]} and cannot install them" >&2
    exit 1
  fi
fi

echo "languagetool: $(java -version 2>&1 | head -n1)"
"$py" -m notecheck.grammar.provision

# Smoke test: a private server must start, find a known error and stop again.
"$py" - <<'PY'
import time

from notecheck.grammar import GrammarSettings, open_backend

started = time.monotonic()
with open_backend(GrammarSettings(daemon=False)) as backend:
    text = "Thank you for the the interview."
    rules = {m.rule_id for m in backend.check(text, language="en-US")}
    assert "ENGLISH_WORD_REPEAT_RULE" in rules, rules
    print(f"languagetool: {backend.name} answered; start + check {time.monotonic() - started:.1f}s")
PY
