#!/usr/bin/env bash
# Rebuilds the four bundled default models from the public data in ../shared/datasets (see its
# SOURCES.md), or only those named: `bash screening-engine/train-default-models.sh tox21 herg`. Run from anywhere;
# the models land in
# screening-engine/src/main/resources/org/molscreen/engine/models/. Training is seeded and runs ND4J on one
# OpenMP thread, so the same inputs give the same networks on the same platform.
#
# Every command uses train's defaults for what the cards call the recipe: duplicates merged before the split,
# a search over 8 candidate settings on the validation part (the --hidden/--dropout given here are candidate 1,
# kept unless another beats it by a standard error; else the ensemble takes the candidates within 0.005 ROC-AUC of
# the best, then seeds of the best), log(1 + count) of
# each fingerprint bit and the 13 standardised descriptors plus CDK's 180 topological descriptors after the
# fingerprint (neither with presumed inactives), and Platt calibration of classification models. All four were
# rebuilt with it (card format 3); tox21 and herg again when the topological descriptors came in.
# Each model's split can be written with --split-out to measure scripts/baselines/rf_baseline.py on it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/../shared/datasets"
models="$root/screening-engine/src/main/resources/org/molscreen/engine/models"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1
cd "$root"
./molscreen --version >/dev/null   # builds the jar once, before any model lands in the sources
wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(tox21 bace1 herg egfr)
want() { [[ " ${wanted[*]} " == *" $1 "* ]]; }

# Tox21: the 12 assays of the Tox21 Data Challenge 2014, trained on its training set, early-stopped on a
# random 10% of it, tested on the challenge's own leaderboard set. With the topological descriptors the search of
# 8 picked 256 wide on bits + descriptors (validation 0.864); these settings (0.859), 128 and 512 wide came within
# 0.005 and join the ensemble with one more seed of the best (leaderboard 0.770; 0.747 with the 13 alone).
# --search-margin 0: the shipped model was chosen before train kept the settings given unless a candidate beat
# them by a standard error (here 0.864 against 0.859, within tox21's 0.011), so this reproduces it.
want tox21 && ./molscreen train "$data/tox21_challenge_train.csv.gz" --name tox21 --kind multitask_classification \
  --label NR-AR --label NR-AR-LBD --label NR-AhR --label NR-Aromatase --label NR-ER --label NR-ER-LBD \
  --label NR-PPAR-gamma --label SR-ARE --label SR-ATAD5 --label SR-HSE --label SR-MMP --label SR-p53 \
  --target "Tox21 (12 assays)" --split random --fractions 0.9,0.1,0 \
  --test-file "$data/tox21_challenge_test.csv.gz" --id-col sample_id \
  --hidden 256,64 --dropout 0.25 --lr 0.002 --ensemble 5 --seed 42 --search-margin 0 --out "$work/tox21.zip"

# BACE-1 pIC50, scaffold split; 5,000 library compounds as presumed inactives (pIC50 4); enrichment of the
# held-out actives (pIC50 >= 7) among 20,000 other library compounds. Pinned (--search 1): the search of 8 chose
# one layer of 512 for all five networks (scaffold test RMSE 0.932, EF1% 94.7), which would halve bace1's scoring
# speed; these settings give RMSE 0.961, EF1% 92.2 (before duplicates were merged: 0.997, 90.0). 10,000 presumed
# inactives instead of 5,000 were worse on RMSE (1.000) and EF1% (89.7).
want bace1 && ./molscreen train "$data/bace.csv" --name bace1 --kind regression --label pIC50 --unit pIC50 --target BACE-1 \
  --split scaffold --class-col Class \
  --decoys "$data/screening_library_moses.smi.gz" --decoy-count 5000 --decoy-label 4.0 \
  --enrichment-decoys "$data/screening_library_moses.smi.gz" --enrichment-count 20000 \
  --hidden 128 --dropout 0.3 --search 1 --ensemble 5 --seed 42 --out "$work/bace1.zip"

# hERG blockade at 10 uM: Cai et al. 2019 (7,858 compounds) joined by Sato et al. 2021's pIC50 set
# (herg_pic50.csv.gz, 6,394), labelled a blocker when pIC50 > 5 (IC50 below 10 uM, Cai's cut). 3,308 structures are
# in both and agree on 94% (train merges them and drops the 142 disagreeing labels): about 3,000 more structures
# from another source. Measured on one scaffold split of the joined data (test 1,052 labelled), these settings
# trained on Cai's part alone / on both: 0.864 / 0.878 overall, 0.888 / 0.887 on Cai's compounds and 0.794 /
# 0.846 on the 306 compounds only Sato has, i.e. the joined model generalises to another source's chemistry
# without losing Cai's (random forest on the joined split: bits 0.854, counts + descriptors 0.850).
# Scaffold split, pinned (--search 1): the search of 8 prefers one layer of 512, which scores 56% slower and makes
# a 9.8 MB file.
if want herg; then
  { echo "id,smiles,active_g10"
    zcat "$data/herg.csv.gz" | tail -n +2 | cut -d, -f1-3
    zcat "$data/herg_pic50.csv.gz" | tail -n +2 | awk -F, '{ print $1 "," $2 "," ($3 > 5 ? 1 : 0) }'
  } > "$work/herg-cai2019-sato2021.csv"
  ./molscreen train "$work/herg-cai2019-sato2021.csv" --name herg --kind classification --label active_g10 --unit probability \
    --target "hERG (KCNH2)" --split scaffold --hidden 128 --dropout 0.3 --search 1 --ensemble 5 --seed 42 --out "$work/herg.zip"
fi

# EGFR pIC50 (ChEMBL 27 via TeachOpenCADD), scaffold split, with presumed inactives as for BACE-1, pinned as bace1.
want egfr && ./molscreen train "$data/egfr_chembl.csv.gz" --name egfr --kind regression --label pIC50 --unit pIC50 --target EGFR \
  --split scaffold \
  --decoys "$data/screening_library_moses.smi.gz" --decoy-count 5000 --decoy-label 4.0 \
  --enrichment-decoys "$data/screening_library_moses.smi.gz" --enrichment-count 20000 \
  --hidden 128 --dropout 0.3 --search 1 --ensemble 5 --seed 42 --out "$work/egfr.zip"

for name in "${wanted[@]}"; do cp "$work/$name.zip" "$models/"; done
printf '# bundled models, rebuilt by screening-engine/train-default-models.sh\ntox21\nbace1\nherg\negfr\n' > "$models/index.txt"
ls -la "$models"
