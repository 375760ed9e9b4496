#!/usr/bin/env bash
# A new library through the API, as a chemist meets it: a cold `./molscreen serve` (persistent, defaults, its own
# data directory), `curl -F` upload of the first N MOSES compounds, ingest to `ready`, a job (bace1 + tox21, top
# 100) to `done`, the hit list downloaded. Then the same again with a second library on the now warm server.
# Prints the seconds of each step; compare the first row's total with the peer script on the same compounds
# (benchmarks/screen-vs-peer.sh). --workers K first joins K `./molscreen worker` processes to the server (same
# machine, loopback, each with its own data directory or in memory like the server) and waits for them, so the
# ingest's featurisation and the job are spread over K + 1 nodes. --filters F,G adds hit filters (ro5, veber,
# pains) to the jobs, and a last row times the same job again on the first library: a SMILES library is stored
# with fingerprints only, so the first filtered job featurises its compounds whole (and stores them so), the next
# reads them.
#
#   bash benchmarks/api-first-hits.sh [N] [--in-memory] [--workers K] [--filters F,G]   # default 100000, persistent
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared"
size="${1:-100000}"
shift $(( $# > 0 ? 1 : 0 ))
mode=(--data-dir)
workers=0
filters=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --in-memory) mode=(--in-memory) ;;
    --workers) workers="$2"; shift ;;
    --filters) filters=$(echo "$2" | sed 's/[^,][^,]*/"&"/g'); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
cd "$root"
launcher="${MOLSCREEN_LAUNCHER:-./molscreen}"   # another build's launcher, to compare two builds
"$launcher" --version >/dev/null   # builds the jar and its class-data archive before anything is timed
(zcat "$shared/datasets/screening_library_moses.smi.gz" || true) | head -n "$size" > "$work/lib.smi"  # zcat ends on SIGPIPE
[[ ${mode[0]} == --data-dir ]] && mode+=("$work/data")
serve_start=$EPOCHREALTIME
"$launcher" serve "${mode[@]}" --port "$port" --discovery-port $((port + 1)) > "$work/serve.log" 2>&1 &
pids=($!)
# workers are killed outright: a worker stopped with SIGTERM waits (up to 30 min) for copies of its partitions
# elsewhere, and nothing here is worth keeping
# called as `stop_all || true`, where set -e does not apply: with no workers `kill -9` alone fails, and under set -e
# that once ended the trap before the server was stopped, leaving a server (1.5 GB) behind every run
stop_all() {
  kill -9 "${pids[@]:1}" 2>/dev/null
  kill "${pids[0]}" 2>/dev/null
  wait "${pids[@]}" 2>/dev/null
  rm -rf "$work"
}
trap 'stop_all || true' EXIT
api="http://127.0.0.1:$port/api/v1"
for _ in $(seq 1 240); do curl -sf "$api/health" >/dev/null 2>&1 && break; sleep 0.25; done
curl -sf "$api/health" >/dev/null || { cat "$work/serve.log" >&2; exit 1; }
echo "serve answered /health after $(echo "$EPOCHREALTIME - $serve_start" | bc) s" >&2
for w in $(seq 1 "$workers"); do
  worker_mode=(--in-memory)
  [[ ${mode[0]} == --data-dir ]] && worker_mode=(--data-dir "$work/data-w$w")
  "$launcher" worker "${worker_mode[@]}" --name "bench-w$w" --join "127.0.0.1:$((port + 1))" --port $((port + 1 + w * 10)) \
    > "$work/worker-$w.log" 2>&1 &
  pids+=($!)
done
if [[ $workers -gt 0 ]]; then
  # serve prints one line per join: "... joined (...); N servers now"
  for _ in $(seq 1 480); do grep -q "$((workers + 1)) servers now" "$work/serve.log" && break; sleep 0.25; done
  grep -q "$((workers + 1)) servers now" "$work/serve.log" || { cat "$work"/worker-*.log >&2; echo "workers did not join" >&2; exit 1; }
  sleep 6   # baseline auto-adjustment follows a join after 5 s; a cache started during it waits (CacheStarts)
  echo "$workers worker(s) joined after $(echo "$EPOCHREALTIME - $serve_start" | bc) s" >&2
fi
# a JSON string field with grep, not a Python start per poll: that alone took a quarter of a core from the server
field() { grep -o "\"$1\" *: *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }

run_job() {
  job=$(curl -sf -H 'Content-Type: application/json' \
    -d "{\"library\":\"local.$1\",\"models\":[\"bace1\",\"tox21\"],\"rank_by\":\"bace1\",\"top\":100,\"filters\":[$filters]}" \
    "$api/jobs" | field id)
  for _ in $(seq 1 2400); do
    state=$(curl -sf "$api/jobs/$job" | field state)
    [[ $state == done || $state == failed || $state == cancelled ]] && break
    sleep 0.25
  done
  [[ $state == done ]] || { echo "job on $1: $state" >&2; exit 1; }
}

echo "nodes: $((workers + 1)) (${mode[0]}), $size compounds${filters:+, filters $filters}" >&2
printf '%-8s %9s %9s %9s %9s %9s %12s\n' library upload ingest job hits total "ingest /s"
for name in first second; do
  t0=$EPOCHREALTIME
  curl -sf -F "name=$name" -F "file=@$work/lib.smi" "$api/libraries" > /dev/null
  t1=$EPOCHREALTIME
  for _ in $(seq 1 2400); do
    state=$(curl -sf "$api/libraries/local.$name" | field state)
    [[ $state != ingesting ]] && break
    sleep 0.25
  done
  [[ $state == ready ]] || { echo "library $name: $state" >&2; exit 1; }
  t2=$EPOCHREALTIME
  run_job "$name"
  t3=$EPOCHREALTIME
  lines=$(curl -sf "$api/jobs/$job/hits?format=csv" | wc -l)
  [[ $lines -eq 101 ]] || { echo "expected 100 hits, got $((lines - 1))" >&2; exit 1; }
  t4=$EPOCHREALTIME
  printf '%-8s %9.1f %9.1f %9.1f %9.2f %9.1f %12.0f\n' "$name" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" \
    "$(echo "$t3 - $t2" | bc)" "$(echo "$t4 - $t3" | bc)" "$(echo "$t4 - $t0" | bc)" "$(echo "$size / ($t2 - $t1)" | bc -l)"
done
if [[ -n $filters ]]; then
  t0=$EPOCHREALTIME
  run_job first
  printf '%-8s %9s %9s %9.1f\n' "again" - - "$(echo "$EPOCHREALTIME - $t0" | bc)"
fi
