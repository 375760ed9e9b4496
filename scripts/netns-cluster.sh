#!/usr/bin/env bash
# A molscreen cluster across three hosts on one machine, made of Linux network namespaces: `serve` on one
# address, a worker with mutual TLS on another, an intruder on a third. Checks, in this order:
#   - the TLS worker joins across the bridge, and serve logs the join in one line;
#   - an intruder with another CA's credentials exits non-zero, a worker on a real address without
#     --cluster-tls is refused at start (exit 2, naming --host), a plaintext connection to the discovery port
#     is refused; the membership stays two nodes and serve logs the refused attempts from the intruder's address;
#   - a library (the first 20,000 MOSES compounds) is uploaded, a job submitted, the worker killed with
#     `kill -9` while the job runs, and the job's CSV hit list equals `molscreen screen` of the same file byte
#     for byte.
# Used by .ci/run. Needs root (ip netns add); skips with a message where that is not permitted, except on CI
# (CI=true), where it fails. Everything it creates (namespaces, the bridge, veth pairs, processes, files) is
# removed on exit, whatever happens.
#   MOLSCREEN_NETNS_LIBRARY  a different library file (default: ../shared/datasets/screening_library_moses.smi.gz,
#                            first 20,000 lines)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
start=$SECONDS

# A private subnet nothing else on this machine routes to: the namespaces are isolated from the host and from
# each other except through the bridge, so only addresses the script creates are ever reached.
subnet=10.231.0
serve_ip=$subnet.1
worker_ip=$subnet.2
intruder_ip=$subnet.3
# unique per run, so two runs on one machine (or a leftover of a killed run) do not collide
tag="ms$$"
ns_hub="$tag-hub"
ns_serve="$tag-serve"
ns_worker="$tag-worker"
ns_intruder="$tag-intruder"
namespaces=()
pids=()
work=""

log() { echo "netns-cluster: [$((SECONDS - start)) s] $*"; }

cleanup() {
  local status=$?
  set +e
  # the processes this script started, by id; then anything left inside its own namespaces (which only this
  # script's processes can have entered)
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
  for ns in "${namespaces[@]}"; do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null; done
  done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  # deleting a namespace deletes the veth ends and the bridge inside it
  for ns in "${namespaces[@]}"; do ip netns del "$ns" 2>/dev/null; done
  [[ -n "$work" ]] && rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "netns-cluster: FAILED: $*" >&2
  for f in serve.log worker.log intruder-ca.log intruder-plain.log; do
    [[ -f "$work/$f" ]] && { echo "--- $f ---" >&2; grep -v "^\[" "$work/$f" | tail -n 40 >&2; }
  done
  exit 1
}

skip() {
  if [[ "${CI:-}" == true ]]; then
    fail "$* (required on CI)"
  fi
  log "SKIPPED: $*"
  exit 0
}

in_ns() { local ns="$1"; shift; ip netns exec "$ns" "$@"; }

json() { # json FIELD: one field of the JSON object on stdin (dots for nesting)
  python3 -c 'import json,sys
value = json.load(sys.stdin)
for part in sys.argv[1].split("."):
    value = value[part]
print(value)' "$1"
}

# --- the hosts -----------------------------------------------------------------------------------------------
command -v ip >/dev/null || skip "no 'ip' command (iproute2)"
[[ "$(id -u)" -eq 0 ]] || skip "not root: 'ip netns add' needs CAP_SYS_ADMIN"
ip netns add "$ns_hub" 2>/dev/null || skip "'ip netns add' is not permitted here"
namespaces+=("$ns_hub")
library_src="${MOLSCREEN_NETNS_LIBRARY:-$repo/../shared/datasets/screening_library_moses.smi.gz}"
[[ -f "$library_src" ]] || fail "no library at $library_src (../shared beside the clone)"
for cmd in curl python3; do command -v "$cmd" >/dev/null || fail "$cmd is needed"; done

work="$(mktemp -d)"
# The bridge lives in a namespace of its own, not on the host: the host's firewall (e.g. br_netfilter with a
# DROP forward policy) never sees the traffic, and the host's interfaces are not touched at all.
ip -n "$ns_hub" link add br0 type bridge
ip -n "$ns_hub" link set br0 up
ip -n "$ns_hub" link set lo up
n=0
for pair in "$ns_serve:$serve_ip" "$ns_worker:$worker_ip" "$ns_intruder:$intruder_ip"; do
  ns="${pair%%:*}" addr="${pair#*:}"
  n=$((n + 1))
  ip netns add "$ns"
  namespaces+=("$ns")
  # both ends made inside the hub, one moved into the host namespace: nothing appears on the real host
  ip -n "$ns_hub" link add "p$n" type veth peer name eth0
  ip -n "$ns_hub" link set eth0 netns "$ns"
  ip -n "$ns_hub" link set "p$n" master br0 up
  ip -n "$ns" addr add "$addr/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up   # serve's API stays on its host's loopback
done
log "hosts: serve $serve_ip ($ns_serve), worker $worker_ip ($ns_worker), intruder $intruder_ip ($ns_intruder) on a bridge in $ns_hub"

# --- credentials ---------------------------------------------------------------------------------------------
cd "$work"
"$repo/molscreen" --version >/dev/null   # builds the jar when the sources changed, before anything is timed
"$repo/molscreen" cluster-tls init --ca ca >/dev/null
"$repo/molscreen" cluster-tls issue --ca ca --name serve --out creds/serve >/dev/null
"$repo/molscreen" cluster-tls issue --ca ca --name worker-2 --out creds/worker-2 >/dev/null
"$repo/molscreen" cluster-tls init --ca other-ca >/dev/null
"$repo/molscreen" cluster-tls issue --ca other-ca --name intruder --out creds/intruder >/dev/null
log "a cluster CA with credentials for serve and worker-2, and another CA's for the intruder"

# --- serve and the TLS worker --------------------------------------------------------------------------------
api="http://127.0.0.1:8080/api/v1"
acurl() { in_ns "$ns_serve" curl -sS --max-time 30 "$@"; }
in_ns "$ns_serve" "$repo/molscreen" serve --cluster-host "$serve_ip" --cluster-tls creds/serve \
  --data-dir serve-data >serve.log 2>&1 &
serve=$!
pids+=("$serve")
for i in $(seq 1 180); do
  acurl -f "$api/health" >/dev/null 2>&1 && break
  kill -0 "$serve" 2>/dev/null || fail "serve exited before answering /health"
  sleep 1
  [[ "$i" == 180 ]] && fail "serve did not answer /health within 180 s"
done
grep -q "molscreen worker --join $serve_ip:47500" serve.log || fail "serve did not print its join address $serve_ip:47500"
log "serve is up on $serve_ip:47500 (API on its loopback)"

in_ns "$ns_worker" "$repo/molscreen" worker --name worker-2 --join "$serve_ip:47500" --host "$worker_ip" \
  --cluster-tls creds/worker-2 --data-dir worker-data >worker.log 2>&1 &
worker=$!
pids+=("$worker")
nodes() { acurl "$api/health" | json nodes; }
for i in $(seq 1 120); do
  [[ "$(nodes)" == 2 ]] && break
  kill -0 "$worker" 2>/dev/null || fail "the TLS worker exited"
  sleep 1
  [[ "$i" == 120 ]] && fail "the TLS worker did not join within 120 s"
done
for _ in $(seq 1 20); do grep -q "node 'worker-2' joined ($worker_ip" serve.log && break; sleep 0.5; done
grep -q "node 'worker-2' joined ($worker_ip" serve.log || fail "serve did not log the worker's join"
log "worker-2 joined over TLS: $(grep -m1 "node 'worker-2' joined" serve.log)"

# --- the intruders -------------------------------------------------------------------------------------------
# Each refused node waits out a handshake timeout, so they knock in the background while the library ingests.
in_ns "$ns_intruder" "$repo/molscreen" worker --name intruder --join "$serve_ip:47500" --host "$intruder_ip" \
  --cluster-tls creds/intruder --in-memory --memory 256 >intruder-ca.log 2>&1 &
intruder=$!
pids+=("$intruder")
# a worker on a real address without TLS is refused before it sends anything (exit 2, naming the flag) ...
status=0
in_ns "$ns_intruder" timeout 120 "$repo/molscreen" worker --name plain --join "$serve_ip:47500" --host "$intruder_ip" \
  --in-memory >intruder-plain.log 2>&1 || status=$?
[[ "$status" == 2 ]] || fail "a worker on $intruder_ip without --cluster-tls exited with $status, expected 2"
grep -q -- "--host $intruder_ip is not loopback: a node there needs --cluster-tls" intruder-plain.log \
  || fail "the plain worker's refusal does not name --host and --cluster-tls: $(cat intruder-plain.log)"
# ... so a plaintext peer is played by hand: a connection to the discovery port that speaks no TLS
in_ns "$ns_intruder" python3 - "$serve_ip" <<'EOF' || fail "the plaintext probe could not connect to the discovery port"
import socket, sys
with socket.create_connection((sys.argv[1], 47500), timeout=10) as s:
    s.sendall(b"\x00\x00\x00\x00" + b"plaintext discovery request, no TLS\n" * 8)
    s.settimeout(10)
    try:
        s.recv(256)  # serve closes the connection (or sends a TLS alert)
    except OSError:
        pass
EOF
log "a plain worker on $intruder_ip is refused at start; a plaintext connection was sent to the discovery port"

# --- a library, a job, the worker killed mid-job -------------------------------------------------------------
case "$library_src" in
  *.gz) zcat "$library_src" | head -n 20000 >library.smi || true ;;  # head closes the pipe early: not an error
  *) head -n 20000 "$library_src" >library.smi ;;
esac
[[ "$(wc -l <library.smi)" -eq 20000 ]] || fail "library.smi does not have 20,000 lines"
lib="$(acurl -f -F name=moses20k -F file=@library.smi "$api/libraries" | json id)"
# the CLI's reference hit list, computed while the cluster ingests (same file, same settings as the job below)
models=(bace1 tox21 herg egfr)
top=2000
in_ns "$ns_serve" "$repo/molscreen" screen library.smi "${models[@]/#/--model=}" --top "$top" --out cli.csv \
  >cli.log 2>&1 &
cli=$!
pids+=("$cli")
for i in $(seq 1 600); do
  state="$(acurl "$api/libraries/$lib" | json state)"
  [[ "$state" == ready ]] && break
  [[ "$state" == failed ]] && fail "ingest failed: $(acurl "$api/libraries/$lib")"
  sleep 0.5
  [[ "$i" == 600 ]] && fail "the library was not ingested within 300 s"
done
log "library $lib ingested: $(acurl "$api/libraries/$lib" | json records) records on 2 nodes"

# the intruder with another CA's credentials must be gone by now, refused
for i in $(seq 1 120); do
  kill -0 "$intruder" 2>/dev/null || break
  sleep 1
  [[ "$i" == 120 ]] && fail "the intruder with another CA's credentials was still running after 120 s"
done
status=0
wait "$intruder" || status=$?
[[ "$status" != 0 ]] || fail "the intruder with another CA's credentials exited 0"
grep -q "are not from the cluster's CA" intruder-ca.log || fail "the intruder's message does not say its credentials are not the cluster's CA's"
[[ "$(nodes)" == 2 ]] || fail "membership changed: $(nodes) nodes, expected serve and worker-2"
grep -q "joined ($intruder_ip" serve.log && fail "serve logged a join from the intruder's address"
for _ in $(seq 1 20); do grep -q "refused a connection from /$intruder_ip" serve.log && break; sleep 0.5; done
grep -q "refused a connection from /$intruder_ip" serve.log || fail "serve did not log a refused connection from $intruder_ip"
log "intruder refused (exit $status): $(grep -m1 "refused a connection from /$intruder_ip" serve.log)"
log "membership unchanged: 2 nodes"

models_json="$(printf '"%s",' "${models[@]}")"
job="$(acurl -f -H 'Content-Type: application/json' \
  -d '{"library":"'"$lib"'","models":['"${models_json%,}"'],"top":'"$top"'}' "$api/jobs" | json id)"
# kill the worker once the job is running and has scored something, but not everything
killed=""
for _ in $(seq 1 600); do
  read -r state processed total < <(acurl "$api/jobs/$job" | python3 -c 'import json,sys
j = json.load(sys.stdin); p = j.get("progress") or {}
print(j["state"], p.get("processed", 0), p.get("total", 0))')
  if [[ "$state" == running && "$processed" -gt 0 ]]; then
    # the JVM itself: "$worker" is the subshell that ran 'ip netns exec', and killing it alone would leave the
    # worker running as an orphan; every process in the worker's namespace is the worker
    kill -9 $(ip netns pids "$ns_worker") "$worker" 2>/dev/null || true
    killed="$processed/$total"
    break
  fi
  [[ "$state" == done || "$state" == failed || "$state" == cancelled ]] && break
  sleep 0.1
done
[[ -n "$killed" ]] || fail "the job was $state before the worker could be killed mid-job"
wait "$worker" 2>/dev/null || true
log "worker-2 killed with SIGKILL mid-job (job $job at $killed)"
for i in $(seq 1 600); do
  state="$(acurl "$api/jobs/$job" | json state)"
  [[ "$state" == done ]] && break
  [[ "$state" == failed || "$state" == cancelled ]] && fail "the job ended $state: $(acurl "$api/jobs/$job")"
  sleep 0.5
  [[ "$i" == 600 ]] && fail "the job was not done within 300 s of the worker's death"
done
acurl -f "$api/jobs/$job/hits?format=csv" >hits.csv
for i in $(seq 1 300); do
  kill -0 "$cli" 2>/dev/null || break
  sleep 1
  [[ "$i" == 300 ]] && fail "'molscreen screen' did not finish within 300 s"
done
wait "$cli" || fail "'molscreen screen' failed: $(cat cli.log)"
cmp -s cli.csv hits.csv || fail "the API's hit list differs from 'molscreen screen' ($(cmp cli.csv hits.csv 2>&1 | head -1))"
log "hit list after the worker's death ($(($(wc -l <hits.csv) - 1)) hits) equals 'molscreen screen' byte for byte"
# serve logs the member's failure in one line once discovery gives up on it (about 10 s after the kill; the job
# may end sooner, its partition jobs having failed over already)
for i in $(seq 1 60); do
  grep -q "node 'worker-2' failed" serve.log && break
  sleep 0.5
  [[ "$i" == 60 ]] && fail "serve did not log worker-2's failure within 30 s of the kill"
done
log "$(grep -m1 "node 'worker-2' failed" serve.log)"

# SIGTERM to serve's JVM (every process in its namespace; "$serve" is only the subshell that started it)
kill -TERM $(ip netns pids "$ns_serve") 2>/dev/null || true
for _ in $(seq 1 60); do [[ -z "$(ip netns pids "$ns_serve")" ]] && break; sleep 1; done
[[ -n "$(ip netns pids "$ns_serve")" ]] && fail "serve did not stop within 60 s of SIGTERM"
log "OK in $((SECONDS - start)) s (TLS cluster across namespaces, intruders refused and logged, worker killed mid-job, hits equal the CLI's)"
