#!/usr/bin/env bash
# GPU check (issue 14): on a machine with an NVIDIA GPU, builds molscreen's benchmarks once for the CPU and once
# with -Pcuda (ND4J's CUDA 11.6 backend), then scores the four bundled models on the same 50,000 MOSES compounds
# with each: molecules/s on the device (DL4J on CUDA, what ScreeningModel uses when the backend is CUDA) beside
# the CPU's sparse scorer, three rounds each, the last warm. Needs ../shared/datasets beside the repository and
# JDK 17 + Maven; the first CUDA build downloads ~1 GB of natives. Bounded: each scoring run stops after 240 s,
# so the whole check fits in under 10 minutes once the artifacts are local.
#
#   bash scripts/gpu-check.sh            # prints the GPU, then one line per model, round and backend
#
# Note: nd4j-cuda-11.6 carries kernels up to Ampere; on a newer GPU (Hopper) the CUDA driver must JIT them from
# PTX at first use, which shows as a slow first round. A failure to load the backend is printed, not hidden.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v nvidia-smi >/dev/null || { echo "gpu-check: no nvidia-smi: this machine has no NVIDIA driver" >&2; exit 2; }
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
models="$root/screening-engine/src/main/resources/org/molscreen/engine/models"
files=("$models/tox21.zip" "$models/herg.zip" "$models/bace1.zip" "$models/egfr.zip")

echo "== building for the CPU"
mvn -B -q -DskipTests package -pl benchmarks -am
cp benchmarks/target/benchmarks.jar "$work/cpu.jar"
echo "== building with -Pcuda"
mvn -B -q -Pcuda -DskipTests package -pl benchmarks -am
cp benchmarks/target/benchmarks.jar "$work/cuda.jar"
mvn -B -q -DskipTests package -pl benchmarks -am   # leave the CPU build in target/, as a normal build would

for backend in cpu cuda; do
  echo "== scoring, $backend"
  timeout 240 java @jvm.options -Xmx8g -cp "$work/$backend.jar" org.molscreen.benchmarks.ModelScoringCompare "${files[@]}" \
    2>&1 | grep -E "molecules/s|Exception|Error|backend" | sed "s|$models/||; s|^|$backend: |" || echo "$backend: scoring failed or timed out (exit ${PIPESTATUS[0]})"
done
