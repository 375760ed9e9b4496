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
#   bash benchmarks/train-vs-forest.sh [OUT_DIR [SET...]]     # SET: herg-pic50, jak2, bace-class, bace-pic50 (default: all four)
#   MOLSCREEN_EXTRA_DATA=DIR bash benchmarks/train-vs-forest.sh OUT esol freesolv lipo bbbp
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
run() { # name file kind label [extra train options...]
  local name=$1 file=$2 kind=$3 label=$4; shift 4
  [[ " ${sets[*]} " == *" $name "* ]] || return 0
  [[ -f "$data/$file" ]] || { echo "== $name: $data/$file not found, skipped"; return 0; }
  local started=$SECONDS
  OMP_NUM_THREADS=1 ./molscreen train "$data/$file" --name "$name" --kind "$kind" --label "$label" --split scaffold \
    --split-out "$out/$name-split.csv" --out "$out/$name.zip" "$@" > "$out/$name-train.log" 2>&1
  echo "== $name ($kind, $label): molscreen train, defaults, $((SECONDS - started)) s"
  grep -E "train: (validation|test):" "$out/$name-train.log" | sed 's/^train: /  /'
  /usr/bin/python3 scripts/baselines/rf_baseline.py "$out/$name-split.csv" --kind "$kind" --label "$label" \
    --json "$out/$name-rf.json" > "$out/$name-rf.log" 2>&1
  sed -n '/^endpoint/,/^MEAN/p' "$out/$name-rf.log" | sed 's/^/  forest: /'
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
