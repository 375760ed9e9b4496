#!/usr/bin/python3
"""What each input is worth to a random forest, on the Tox21 challenge's leaderboard set.

The ablation behind issue 15's choice of inputs: one forest per assay (200 trees, random_state 0) trained on the
challenge's training set, mean ROC-AUC over the 12 assays of the leaderboard set, for Morgan r2 bits, log1p
counts (2048), molscreen's 13 descriptors as RDKit computes them, all of RDKit's 2D descriptors, and counts + 13
+ one group of RDKit's descriptors (fragment counts, VSA, topological indices). Molecules are reduced to their
largest fragment, as in rf_baseline.py. ~25 min on 2 cores.

    /usr/bin/python3 scripts/baselines/input_ablation.py [--data ../shared/datasets] [--jobs 2]
"""
import argparse
import re

import numpy as np

if "float" not in np.__dict__:  # Debian's RDKit 2022.09 Ipc uses np.float (see rf_baseline.py)
    np.float = float
import pandas as pd
from rdkit import Chem, RDLogger
from rdkit.Chem import AllChem, Descriptors, QED
from rdkit.Chem.MolStandardize import rdMolStandardize
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

ASSAYS = ["NR-AR", "NR-AR-LBD", "NR-AhR", "NR-Aromatase", "NR-ER", "NR-ER-LBD", "NR-PPAR-gamma", "SR-ARE",
          "SR-ATAD5", "SR-HSE", "SR-MMP", "SR-p53"]
NAMES = [n for n, _ in Descriptors.descList]
GROUPS = {
    "fragments (fr_*)": [i for i, n in enumerate(NAMES) if n.startswith("fr_")],
    "VSA": [i for i, n in enumerate(NAMES) if "VSA" in n],
    "topological (Chi, Kappa, BalabanJ, BertzCT, HallKierAlpha, Ipc)":
        [i for i, n in enumerate(NAMES) if re.match(r"(Chi|Kappa|BalabanJ|BertzCT|HallKierAlpha|Ipc|AvgIpc)", n)],
}


def molecules(smiles):
    chooser = rdMolStandardize.LargestFragmentChooser()
    return [chooser.choose(m) if (m := Chem.MolFromSmiles(s)) is not None else None for s in smiles]


def morgan(m, counts):
    v = np.zeros(2048, dtype=np.float32)
    if counts:
        for k, c in AllChem.GetHashedMorganFingerprint(m, 2, nBits=2048).GetNonzeroElements().items():
            v[k] = np.log1p(c)
    else:
        v[list(AllChem.GetMorganFingerprintAsBitVect(m, 2, nBits=2048).GetOnBits())] = 1
    return v


def molscreen13(m):
    return [Descriptors.MolWt(m), Descriptors.ExactMolWt(m), Descriptors.MolLogP(m), Descriptors.TPSA(m),
            Descriptors.NumHDonors(m), Descriptors.NumHAcceptors(m), Descriptors.NumRotatableBonds(m),
            m.GetNumHeavyAtoms(), Descriptors.RingCount(m), Descriptors.NumAromaticRings(m),
            Descriptors.FractionCSP3(m), Chem.GetFormalCharge(m), QED.qed(m)]


def rdkit_all(m):
    row = []
    for _, f in Descriptors.descList:
        try:
            row.append(float(f(m)))
        except Exception:
            row.append(np.nan)
    return row


def features(mols):
    return {"bits": np.array([morgan(m, False) for m in mols]), "counts": np.array([morgan(m, True) for m in mols]),
            "13": np.array([molscreen13(m) for m in mols], dtype=float),
            "all": np.array([rdkit_all(m) for m in mols], dtype=float)}


def impute(train, test):
    """NaN/inf to the training median, clipped to float32."""
    train = np.where(np.isfinite(train), train, np.nan)
    test = np.where(np.isfinite(test), test, np.nan)
    median = np.nan_to_num(np.nanmedian(train, axis=0))
    for a in (train, test):
        rows, cols = np.where(np.isnan(a))
        a[rows, cols] = median[cols]
    return np.clip(train, -3e37, 3e37), np.clip(test, -3e37, 3e37)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", default="../shared/datasets")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--limit", type=int, default=None, help="first N training rows only (a quick check of the script)")
    args = p.parse_args()
    RDLogger.DisableLog("rdApp.*")
    train = pd.read_csv(f"{args.data}/tox21_challenge_train.csv.gz", nrows=args.limit)
    test = pd.read_csv(f"{args.data}/tox21_challenge_test.csv.gz")
    mtr, mte = molecules(train.smiles), molecules(test.smiles)
    train, test = train[[m is not None for m in mtr]], test[[m is not None for m in mte]]
    ftr = features([m for m in mtr if m is not None])
    fte = features([m for m in mte if m is not None])
    ftr["13"], fte["13"] = impute(ftr["13"], fte["13"])
    ftr["all"], fte["all"] = impute(ftr["all"], fte["all"])
    ytr, yte = train[ASSAYS].values.astype(float), test[ASSAYS].values.astype(float)

    def run(name, xtr, xte):
        aucs = []
        for j in range(len(ASSAYS)):
            a, b = ~np.isnan(ytr[:, j]), ~np.isnan(yte[:, j])
            forest = RandomForestClassifier(n_estimators=200, random_state=0, n_jobs=args.jobs).fit(xtr[a], ytr[a, j])
            aucs.append(roc_auc_score(yte[b, j], forest.predict_proba(xte[b])[:, 1]))
        print(f"{name:75s} mean ROC-AUC {np.mean(aucs):.4f}  " + " ".join(f"{x:.3f}" for x in aucs), flush=True)

    for name, parts in (("Morgan bits", ["bits"]), ("Morgan counts", ["counts"]), ("bits + molscreen's 13", ["bits", "13"]),
                        ("counts + molscreen's 13", ["counts", "13"]), ("bits + all RDKit descriptors", ["bits", "all"])):
        run(name, np.hstack([ftr[k] for k in parts]), np.hstack([fte[k] for k in parts]))
    for group, columns in GROUPS.items():
        run("counts + 13 + " + group, np.hstack([ftr["counts"], ftr["13"], ftr["all"][:, columns]]),
            np.hstack([fte["counts"], fte["13"], fte["all"][:, columns]]))


if __name__ == "__main__":
    main()
