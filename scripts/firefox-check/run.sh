#!/usr/bin/env bash
# The web page in Firefox (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core, which never
# downloads a browser): starts an in-memory `molscreen serve`, screens the example library through the API,
# then opens the job's page and checks the hit table, the drawings, the histogram and sorting.
# Screenshots go to api/target/screenshots. Used by .ci/run; needs node, npm and firefox-esr.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
port="${MOLSCREEN_FIREFOX_PORT:-18090}"
api="http://127.0.0.1:$port/api/v1"
shots="$repo/api/target/screenshots"
mkdir -p "$shots"
(cd "$here" && npm ci --no-audit --no-fund --silent)
"$repo/molscreen" serve --in-memory --port "$port" --discovery-port 48900 >"$shots/firefox-serve.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for i in $(seq 1 300); do
  curl -sf "$api/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$shots/firefox-serve.log"; exit 1; }
  sleep 1
done
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
curl -sf -F name=examples -F "file=@$repo/examples/library.smi" "$api/libraries" >/dev/null
for _ in $(seq 1 300); do [[ "$(curl -sf "$api/libraries/local.examples" | field state)" == ready ]] && break; sleep 0.2; done
job="$(curl -sf -H 'Content-Type: application/json' -d '{"library":"local.examples","models":["bace1","tox21","herg"],"top":20}' "$api/jobs" | field id)"
for _ in $(seq 1 300); do [[ "$(curl -sf "$api/jobs/$job" | field state)" == done ]] && break; sleep 0.2; done
node "$here/check.mjs" "http://127.0.0.1:$port/#/jobs/$job" "$shots"
echo "firefox-check: OK"
