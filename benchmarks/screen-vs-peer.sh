#!/usr/bin/env bash
# `./molscreen screen` against the RDKit + PyTorch script a chemist would write instead (../shared/peers), as a
# user meets both: wall clock of each whole process (JVM or Python start included), the same MOSES compounds,
# bace1 + tox21 (the peer: its BACE and Tox21 MLPs), top 100; 1,000, 10,000 and 100,000 compounds and the whole
# library (352,299), median of 2 runs each, the two alternating in one run on one machine.
#
# Needs Debian's python3-rdkit, python3-torch, python3-pandas, python3-sklearn and ../shared beside the
# repository. The peer's models are trained once into PEER_MODELS (default /tmp/peer-models, ~5 min on 2 cores).
#
#   bash benchmarks/screen-vs-peer.sh [SIZES...]        # default: 1000 10000 100000 all
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared"
peer_models="${PEER_MODELS:-/tmp/peer-models}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
./molscreen --version >/dev/null   # builds the jar and its class-data archive before anything is timed
if [[ ! -f "$peer_models/tox21_mlp.pt" || ! -f "$peer_models/bace_mlp_cls.pt" ]]; then
  echo "training the peer's models into $peer_models (once)..." >&2
  /usr/bin/python3 "$shared/peers/train_peer_models.py" "$peer_models" >&2
fi
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 100000 all)

# wall clock of one whole process; a run that fails or writes no 100-hit list stops the benchmark
seconds() {
  local start=$EPOCHREALTIME out=${*: -1}
  rm -f "$out"
  "$@" > "$work/run.log" 2>&1 || { echo "failed: $*" >&2; cat "$work/run.log" >&2; exit 1; }
  local end=$EPOCHREALTIME
  [[ $(wc -l < "$out") -eq 101 ]] || { echo "expected 100 hits and a header in $out" >&2; exit 1; }
  echo "$end - $start" | bc
}
median2() { echo "($1 + $2) / 2" | bc -l; }

printf '%-9s %12s %12s %14s %14s %8s\n' compounds "molscreen s" "peer s" "molscreen /s" "peer /s" speedup
for size in "${sizes[@]}"; do
  lib="$work/lib-$size.smi"
  if [[ $size == all ]]; then zcat "$shared/datasets/screening_library_moses.smi.gz" > "$lib"; else
    (zcat "$shared/datasets/screening_library_moses.smi.gz" || true) | head -n "$size" > "$lib"; fi  # zcat ends on SIGPIPE
  n=$(wc -l < "$lib")
  ours=(); theirs=()
  for run in 1 2; do
    ours+=("$(seconds ./molscreen screen "$lib" --model bace1 --model tox21 --rank-by bace1 --top 100 --out "$work/ours.csv")")
    theirs+=("$(seconds /usr/bin/python3 "$shared/peers/screen_e2e.py" --input "$lib" --tox21-model "$peer_models/tox21_mlp.pt" \
      --bace-model "$peer_models/bace_mlp_cls.pt" --top 100 --out "$work/peer.csv")")
  done
  o=$(median2 "${ours[@]}"); t=$(median2 "${theirs[@]}")
  printf '%-9s %12.1f %12.1f %14.0f %14.0f %7.2fx   (runs: %s / %s)\n' "$n" "$o" "$t" "$(echo "$n / $o" | bc -l)" \
    "$(echo "$n / $t" | bc -l)" "$(echo "$t / $o" | bc -l)" "${ours[*]}" "${theirs[*]}"
done
