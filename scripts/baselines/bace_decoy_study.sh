#!/usr/bin/env bash
# BACE-1 presumed inactives, one scaffold split (seed S), three recipes judged on the split's held-out actives (pIC50
# >= 7) hidden among 150 property-matched decoys each (MW, cLogP, HBD, HBA, rotatable bonds, charge; Tanimoto < 0.35
# to every BACE active) from compounds of other targets in ../shared that no recipe trains on:
#   a: 5,000 MOSES compounds (as bundled bace1);  b: 5,000 compounds of the hERG sets matched to the training part's
#   properties;  c: 2,500 of each.  Prints EF1% and ROC-AUC on that set, then each model's own test figures.
#   BY_SOURCE=1 python3 scripts/baselines/bace_decoy_study.py pools   # once: A = hERG sets, B = EGFR, JAK2, Tox21
#   BY_SOURCE=1 bash scripts/baselines/bace_decoy_study.sh 42         # then seeds 1, 2 (about 5 min each, 2 cores)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
S=$1; W=${STUDY_DIR:-/tmp/bace-decoy-study}/split$S; data="$root/../shared/datasets"; mkdir -p $W/a $W/b
study="$root/scripts/baselines/bace_decoy_study.py"
cd "$root"
common=(--kind regression --label pIC50 --unit pIC50 --target BACE-1 --split scaffold --class-col Class
  --decoy-count 5000 --decoy-label 4.0 --enrichment-decoys $data/screening_library_moses.smi.gz --enrichment-count 20000
  --hidden 128 --dropout 0.3 --search 1 --ensemble 5 --seed $S)
[ -f $W/a/bacea.zip ] || ./molscreen train $data/bace.csv --name bacea "${common[@]}" --decoys $data/screening_library_moses.smi.gz \
  --split-out $W/split.csv --out $W/a/bacea.zip > $W/a/train.log 2>&1
[ -f $W/eval.smi ] || /usr/bin/python3 "$study" prepare $W/split.csv $W
[ -f $W/b/baceb.zip ] || ./molscreen train $data/bace.csv --name baceb "${common[@]}" --decoys $W/inactives.smi \
  --out $W/b/baceb.zip > $W/b/train.log 2>&1
if [ ! -f $W/c/bacec.zip ]; then  # half and half: 2,500 MOSES (even records, as training samples them) + 2,500 matched
  mkdir -p $W/c
  { zcat $data/screening_library_moses.smi.gz | awk 'NR % 2 == 0' | shuf -n 2500 --random-source=<(yes $S) | awk '{print; print}'
    awk 'NR % 2 == 1' $W/inactives.smi | shuf -n 2500 --random-source=<(yes $S) | awk '{print; print}'; } > $W/c/inactives.smi
  ./molscreen train $data/bace.csv --name bacec "${common[@]}" --decoys $W/c/inactives.smi --out $W/c/bacec.zip > $W/c/train.log 2>&1
fi
for r in a b c; do
  ./molscreen predict $W/eval.smi --model bace$r --models-dir $W/$r --out $W/$r/pred.csv 2>/dev/null
  /usr/bin/python3 "$study" score $W/$r/pred.csv
  grep -iE "test|enrich" $W/$r/train.log | tail -3
done
