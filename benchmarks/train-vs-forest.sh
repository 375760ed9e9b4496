#!/usr/bin/env bash
# `molscreen train` with its defaults against the random-forest baselines on the same scaffold split, on data a
# chemist could bring (issue 15): three public sets of ../shared/datasets that no bundled model is trained on or
# only partly (hERG pIC50, JAK2 pIC50) and BACE's activity class. For each: train with the defaults (--split
# scaffold, everything else default), write the split (--split-out), train scripts/baselines/rf_baseline.py's two
# forests (Morgan bits; log counts + RDKit's 208 descriptors, 500 trees) on its train part, print both test
# figures. Needs Debian's python3-rdkit, python3-sklearn, python3-pandas; ~15 min on 2 cores.
#
# Four more sets of the kind a chemist brings (property and permeability, a few hundred to a few thousand
# structures) run when MOLSCREEN_EXTRA_DATA names a folder holding MoleculeNet's public files, which are not in
# ../shared: esol (delaney-processed.csv, log solubility), freesolv (SAMPL.csv, hydration free energy), lipo
# (Lipophilicity.csv, logD 7.4) and bbbp (BBBP.csv, blood-brain barrier penetration).
#
# One scaffold split of a few hundred test compounds is a noisy judge (the standard error of a ROC-AUC on 150
# compounds is about 0.02), so SEEDS="42 1 2" runs each set on several scaffold splits (train's --seed draws the
# split and the networks' seeds; the forest is trained on each split's train part) and prints the mean of each.
#
#   bash benchmarks/train-vs-forest.sh [OUT_DIR [SET...]]     # SET: herg-pic50, jak2, bace-class, bace-pic50 (default: all four)
#   MOLSCREEN_EXTRA_DATA=DIR bash benchmarks/train-vs-forest.sh OUT esol freesolv lipo bbbp
#   SEEDS="42 1 2" bash benchmarks/train-vs-forest.sh OUT bace-class
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/../shared/datasets"
out="${1:-$(mktemp -d)}"
shift $(( $# > 0 ? 1 : 0 ))
sets=("$@")
[[ ${#sets[@]} -gt 0 ]] || sets=(herg-pic50 jak2 bace-class bace-pic50)
mkdir -p "$out"
cd "$root"
./molscreen --version >/dev/null
extra="${MOLSCREEN_EXTRA_DATA:-}"
read -r -a seeds <<< "${SEEDS:-42}"
run() { # name file kind label [extra train options...]
  local name=$1 file=$2 kind=$3 label=$4; shift 4
  [[ " ${sets[*]} " == *" $name "* ]] || return 0
  [[ -f "$data/$file" ]] || { echo "== $name: $data/$file not found, skipped"; return 0; }
  local seed tag started
  for seed in "${seeds[@]}"; do
    tag=$name
    [[ ${#seeds[@]} -eq 1 && $seed == 42 ]] || tag=$name-seed$seed
    started=$SECONDS
    OMP_NUM_THREADS=1 ./molscreen train "$data/$file" --name "$name" --kind "$kind" --label "$label" --split scaffold \
      --seed "$seed" --split-out "$out/$tag-split.csv" --out "$out/$tag.zip" "$@" > "$out/$tag-train.log" 2>&1
    echo "== $tag ($kind, $label): molscreen train, defaults, $((SECONDS - started)) s"
    grep -E "train: (validation|test):" "$out/$tag-train.log" | sed 's/^train: /  /'
    /usr/bin/python3 scripts/baselines/rf_baseline.py "$out/$tag-split.csv" --kind "$kind" --label "$label" \
      --json "$out/$tag-rf.json" > "$out/$tag-rf.log" 2>&1
    sed -n '/^endpoint/,/^MEAN/p' "$out/$tag-rf.log" | sed 's/^/  forest: /'
  done
  if [[ ${#seeds[@]} -gt 1 ]]; then
    # train's test line leads with ROC-AUC or RMSE; each forest's figure is read from its table's header
    /usr/bin/python3 - "$out" "$name" "${seeds[@]}" <<'PY'
import sys
out, name, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
ours, bits, rich, metric = [], [], [], None
for seed in seeds:
    base = f"{out}/{name}-seed{seed}"
    test = next(l for l in open(f"{base}-train.log") if l.startswith("train: test:")).split()
    metric = test[2]
    ours.append(float(test[3]))
    lines = open(f"{base}-rf.log").read().splitlines()
    head = next(l for l in lines if l.startswith("endpoint")).split()
    mean = next(l for l in lines if l.startswith("MEAN")).split()
    bits.append(float(mean[head.index(f"bits:{metric}")]))
    rich.append(float(mean[head.index(f"counts+desc:{metric}")]))
m = lambda v: sum(v) / len(v)
print(f"== {name}, {metric}, mean of {len(seeds)} scaffold splits (seeds {' '.join(seeds)}): molscreen {m(ours):.4f}, "
      f"forest on bits {m(bits):.4f}, forest on counts + descriptors {m(rich):.4f}")
PY
  fi
}
run herg-pic50 herg_pic50.csv.gz regression pIC50
run jak2 jak2_chembl.csv.gz regression pIC50
run bace-class bace.csv classification Class
run bace-pic50 bace.csv regression pIC50
if [[ -n "$extra" ]]; then
  data="$extra"
  run esol delaney-processed.csv regression "measured log solubility in mols per litre" --id-col "Compound ID"
  run freesolv SAMPL.csv regression expt --id-col iupac
  run lipo Lipophilicity.csv regression exp --id-col CMPD_CHEMBLID
  run bbbp BBBP.csv classification p_np --id-col name
fi
echo "files in $out"
