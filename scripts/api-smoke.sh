#!/usr/bin/env bash
# The README's main-job command, checked end to end with curl: start `molscreen serve` in a fresh working
# directory, wait for /health, let a `molscreen worker --join 127.0.0.1:47500` join it, upload a library, screen it (following the progress events), download the
# hits in all three formats, cancel a job, check a few refusals, then stop the server with SIGTERM and
# check that it stopped cleanly. Then once more over HTTPS (`serve --tls-cert --tls-key --tokens`, a self-signed
# certificate made with openssl, curl --cacert): health, a call with and without a token, a small job's hits.
# Used by .ci/run; exits non-zero on the first thing that is wrong.
#   MOLSCREEN_SMOKE_PORT   API port (default 8080, as the README's command)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
port="${MOLSCREEN_SMOKE_PORT:-8080}"
api="http://127.0.0.1:$port/api/v1"
work="$(mktemp -d)"
log="$work/serve.log"
worker_log="$work/worker.log"
pid=""
worker=""

fail() {
  echo "api-smoke: FAILED: $*" >&2
  echo "--- serve output ---" >&2
  cat "$log" >&2 || true
  echo "--- worker output ---" >&2
  cat "$worker_log" >&2 2>/dev/null || true
  [[ -n "$worker" ]] && kill "$worker" 2>/dev/null || true
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  exit 1
}

json() { # json FIELD: one field of the JSON object on stdin (dots for nesting)
  python3 -c 'import json,sys
value = json.load(sys.stdin)
for part in sys.argv[1].split("."):
    value = value[part]
print(value)' "$1"
}

# curl_expect STATUS ARGS...: runs curl, prints the body, fails unless the status is STATUS
curl_expect() {
  local want="$1"; shift
  local out status
  out="$(mktemp)"
  status="$(curl -sS -o "$out" -w '%{http_code}' "$@")" || fail "curl $* did not complete"
  [[ "$status" == "$want" ]] || fail "curl $* answered $status, expected $want: $(cat "$out")"
  cat "$out"
  rm -f "$out"
}

await_state() { # await_state PATH STATE...: polls until the object's state is one of STATES
  local path="$1"; shift
  for _ in $(seq 1 600); do
    local state
    state="$(curl -sS "$api$path" | json state)"
    for want in "$@"; do [[ "$state" == "$want" ]] && { echo "$state"; return 0; }; done
    sleep 0.2
  done
  fail "$path never reached $*"
}

cd "$work"
# The README's first command, run from a fresh directory so its ./data is new
"$repo/molscreen" serve ${MOLSCREEN_SMOKE_PORT:+--port "$MOLSCREEN_SMOKE_PORT"} >"$log" 2>&1 &
pid=$!
for i in $(seq 1 300); do
  curl -sf "$api/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || fail "serve exited before answering /health"
  sleep 1
  [[ "$i" == 300 ]] && fail "serve did not answer /health within 300 s"
done
grep -q "workers join with: molscreen worker --join 127.0.0.1:47500" "$log" || fail "serve did not print the join address"
echo "api-smoke: serve is up ($(curl -sS "$api/health"))"

# a worker joins as the README says; it keeps its share on disk like serve (data/worker-47500)
"$repo/molscreen" worker --join 127.0.0.1:47500 >"$worker_log" 2>&1 &
worker=$!
for i in $(seq 1 120); do
  [[ "$(curl -sS "$api/health" | json nodes)" == 2 ]] && break
  kill -0 "$worker" 2>/dev/null || fail "the worker exited: $(cat "$worker_log")"
  sleep 1
  [[ "$i" == 120 ]] && fail "the worker did not join within 120 s"
done
for _ in $(seq 1 30); do grep -q "joined a cluster" "$worker_log" && break; sleep 1; done
echo "api-smoke: $(grep -m1 "joined a cluster" "$worker_log" || echo "worker running, no join line yet")"

cp "$repo/examples/library.smi" "$work/library.smi"
lib="$(curl_expect 202 -F name=examples -F file=@library.smi "$api/libraries" | json id)"
[[ "$(await_state "/libraries/$lib" ready failed)" == ready ]] || fail "ingest failed: $(curl -sS "$api/libraries/$lib")"
records="$(curl -sS "$api/libraries/$lib" | json records)"
errors="$(curl -sS "$api/libraries/$lib" | json errors)"
[[ "$records" == 30 && "$errors" == 3 ]] || fail "library counts $records/$errors, expected 30/3"
curl -sS "$api/libraries/$lib/errors" | grep -q "bad_unclosed_ring" || fail "the error list lacks a bad record"

request='{"library":"'"$lib"'","models":["bace1","tox21"],"filters":["ro5"],"top":10}'
job="$(curl_expect 202 -H 'Content-Type: application/json' -H 'Idempotency-Key: smoke-1' -d "$request" "$api/jobs" | json id)"
again="$(curl_expect 202 -H 'Content-Type: application/json' -H 'Idempotency-Key: smoke-1' -d "$request" "$api/jobs" | json id)"
[[ "$job" == "$again" ]] || fail "the same Idempotency-Key gave two jobs"
curl -sS -N --max-time 120 "$api/jobs/$job/events" >"$work/events.txt"
grep -q '^event: end' "$work/events.txt" || fail "the event stream did not end with an end event"
[[ "$(curl -sS "$api/jobs/$job" | json state)" == done ]] || fail "job not done: $(curl -sS "$api/jobs/$job")"
curl_expect 200 "$api/jobs/$job/hits?format=csv" >"$work/hits.csv"
[[ "$(head -1 "$work/hits.csv" | cut -d, -f1-4)" == "rank,id,smiles,score" ]] || fail "CSV header: $(head -1 "$work/hits.csv")"
[[ "$(wc -l <"$work/hits.csv")" -eq 11 ]] || fail "expected 10 hits in the CSV"
curl_expect 200 "$api/jobs/$job/hits?format=sdf" | grep -c '^\$\$\$\$' | grep -qx 10 || fail "expected 10 SDF records"
[[ "$(curl_expect 200 "$api/jobs/$job/hits?limit=3&offset=3" | json total)" == 10 ]] || fail "JSON page total"

# the same hits as the command line for the same inputs
"$repo/molscreen" screen library.smi --model bace1 --model tox21 --filter ro5 --top 10 --out cli.csv 2>/dev/null
cmp -s cli.csv hits.csv || fail "API hits differ from 'molscreen screen'"

# cancel: a bigger library, cancelled right after submission
for c in $(seq 1 200); do grep -v '^#' library.smi | grep -v ' bad_' | sed "s/ \(.*\)/ \1-$c/"; done >big.smi
big="$(curl_expect 202 -F name=big -F file=@big.smi "$api/libraries" | json id)"
await_state "/libraries/$big" ready >/dev/null
# every compound kept and four models' full applicability domain computed for each: seconds of work to cancel
job2="$(curl_expect 202 -H 'Content-Type: application/json' -d '{"library":"'"$big"'","models":["bace1","tox21","herg","egfr"],"top":10000}' "$api/jobs" | json id)"
curl_expect 200 -X DELETE "$api/jobs/$job2" | grep -q '"state":"cancelled"' || fail "cancel did not answer cancelled"
curl_expect 409 "$api/jobs/$job2/hits" >/dev/null

# refusals are JSON with the right status
curl_expect 400 -H 'Content-Type: application/json' -d '{"library":' "$api/jobs" | grep -q '"error":"invalid_request"' || fail "malformed JSON"
curl_expect 400 -H 'Content-Type: application/json' -d '{"library":"'"$lib"'","models":["nope"]}' "$api/jobs" | grep -q "unknown model" || fail "unknown model"
curl_expect 404 "$api/libraries/nobody.nothing" | grep -q '"error":"not_found"' || fail "unknown library"
curl_expect 400 "$api/jobs?limit=0" >/dev/null
curl_expect 200 "$api/metrics" | grep -q '^molscreen_jobs{state="done"}' || fail "metrics lack jobs by state"
curl_expect 200 "$api/openapi.json" | json openapi | grep -q '^3\.1' || fail "no OpenAPI document"

[[ "$(curl -sS "$api/health" | json nodes)" == 2 ]] || fail "the worker left the cluster during the run"
kill -TERM "$worker"
wait "$worker" || true
worker=""
kill -TERM "$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -0 "$pid" 2>/dev/null && fail "serve did not stop within 60 s of SIGTERM"
wait "$pid" && status=0 || status=$?
[[ "$status" == 0 || "$status" == 143 ]] || fail "serve exited with $status"
pid=""
echo "api-smoke: OK over HTTP (serve + a worker; upload, ingest, job, events, hits: CSV byte-identical to the CLI, SDF, JSON page; cancel, refusals, metrics, clean stop)"

# --- once more over HTTPS, with tokens ----------------------------------------------------------------------
# A self-signed certificate for the loopback address curl names; curl trusts exactly it (--cacert), so a
# certificate that did not match, or a server that answered in plain HTTP, fails here.
command -v openssl >/dev/null || fail "openssl is needed for the HTTPS run"
mkdir "$work/https"
cd "$work/https"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout api.key -out api.crt 2>/dev/null \
  || fail "openssl could not make a self-signed certificate"
token="$("$repo/molscreen" tokens add --file tokens --user smoke --role admin 2>/dev/null)"
api="https://127.0.0.1:$port/api/v1"
log="$work/https/serve.log"
# in memory: the first run's data directory belongs to the first serve, and nothing here needs to outlive it
"$repo/molscreen" serve --in-memory --tls-cert api.crt --tls-key api.key --tokens tokens \
  ${MOLSCREEN_SMOKE_PORT:+--port "$MOLSCREEN_SMOKE_PORT"} >"$log" 2>&1 &
pid=$!
for i in $(seq 1 300); do
  curl -sf --cacert api.crt "$api/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || fail "serve with --tls-cert exited before answering /health"
  sleep 1
  [[ "$i" == 300 ]] && fail "serve with --tls-cert did not answer /health over HTTPS within 300 s"
done
grep -q "https://127.0.0.1:$port/api/v1" "$log" || fail "serve did not print its https:// address"
curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/health" && fail "the HTTPS port answered plain HTTP"
curl -s -o /dev/null "$api/health" && fail "curl trusted the self-signed certificate without --cacert"
auth=(--cacert api.crt -H "Authorization: Bearer $token")
curl_expect 401 --cacert api.crt "$api/me" | grep -q '"error":"unauthorized"' || fail "/me without a token over HTTPS"
curl_expect 200 "${auth[@]}" "$api/me" | grep -q '"smoke"' || fail "/me with the token does not name the user"
cp "$repo/examples/library.smi" library.smi
lib="$(curl_expect 202 "${auth[@]}" -F name=examples -F file=@library.smi "$api/libraries" | json id)"
for i in $(seq 1 300); do
  state="$(curl -sS "${auth[@]}" "$api/libraries/$lib" | json state)"
  [[ "$state" == ready ]] && break
  [[ "$state" == failed || "$i" == 300 ]] && fail "ingest over HTTPS: $state"
  sleep 0.2
done
request='{"library":"'"$lib"'","models":["bace1","tox21"],"filters":["ro5"],"top":10}'   # the CLI's cli.csv above
job="$(curl_expect 202 "${auth[@]}" -H 'Content-Type: application/json' -d "$request" "$api/jobs" | json id)"
for i in $(seq 1 300); do
  state="$(curl -sS "${auth[@]}" "$api/jobs/$job" | json state)"
  [[ "$state" == done ]] && break
  [[ "$state" == failed || "$state" == cancelled || "$i" == 300 ]] && fail "job over HTTPS: $state"
  sleep 0.2
done
curl_expect 200 "${auth[@]}" "$api/jobs/$job/hits?format=csv" >hits.csv
cmp -s "$work/cli.csv" hits.csv || fail "the hits over HTTPS differ from 'molscreen screen'"
kill -TERM "$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -0 "$pid" 2>/dev/null && fail "serve with --tls-cert did not stop within 60 s of SIGTERM"
pid=""
echo "api-smoke: OK over HTTPS (self-signed certificate via --cacert; health, 401 without a token, /me with it, upload, job, hits equal to the CLI's)"
rm -rf "$work"
