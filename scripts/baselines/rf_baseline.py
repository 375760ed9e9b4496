#!/usr/bin/python3
"""Random-forest baselines that molscreen's models are compared against.

Two feature sets, one forest per label column, trained on the train part only:
  bits         Morgan radius 2, 2048 bits
  counts+desc  log1p(Morgan radius 2 counts, 2048) + all RDKit 2D descriptors

Examples:
  rf_baseline.py data.csv.gz --kind regression --label pIC50 --json out.json
  rf_baseline.py --train tr.csv.gz --test te.csv.gz --kind classification \
      --label NR-AR --label SR-p53
See README.md in this folder.
"""
import argparse
import json
import sys
import time
import warnings

import numpy as np

# Debian's RDKit 2022.09 Descriptors.Ipc still uses np.float, removed in numpy 1.24;
# without this alias Ipc fails on every molecule and silently becomes a constant column.
if "float" not in np.__dict__:
    np.float = float
import pandas as pd
from rdkit import Chem, RDLogger
from rdkit.Chem import Descriptors, rdFingerprintGenerator
from rdkit.Chem.MolStandardize import rdMolStandardize
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.metrics import (average_precision_score, mean_absolute_error,
                             mean_squared_error, r2_score, roc_auc_score)

N_BITS = 2048
RADIUS = 2
# sklearn casts features to float32; a few descriptors (e.g. Ipc) can overflow it.
F32_MAX = float(np.finfo(np.float32).max) / 10


def load(args):
    """Return (train_df, test_df) with a 'mol' column; unparsable rows dropped."""
    if args.train or args.test:
        if not (args.train and args.test) or args.data:
            sys.exit("give either DATA with a 'part' column, or both --train and --test")
        tr, te = pd.read_csv(args.train), pd.read_csv(args.test)
    else:
        if not args.data:
            sys.exit("no input: give DATA or --train/--test")
        df = pd.read_csv(args.data)
        if "part" not in df.columns:
            sys.exit(f"{args.data}: no 'part' column")
        part = df["part"].astype(str).str.strip().str.lower()
        # validation rows are deliberately ignored: the forest has no early stopping
        tr, te = df[part == "train"].copy(), df[part == "test"].copy()

    chooser = rdMolStandardize.LargestFragmentChooser()
    out = []
    for name, d in (("train", tr), ("test", te)):
        for col in [args.smiles] + args.label:
            if col not in d.columns:
                sys.exit(f"{name}: column '{col}' not found")
        mols = [Chem.MolFromSmiles(s) if isinstance(s, str) else None for s in d[args.smiles]]
        d = d.assign(mol=[chooser.choose(m) if m is not None else None for m in mols])
        bad = int(d["mol"].isna().sum())
        d = d[d["mol"].notna()].reset_index(drop=True)
        print(f"{name}: {len(d)} molecules, {bad} dropped (SMILES not parsed by RDKit)")
        for col in args.label:
            # empty / NA / non-numeric cells are missing labels
            d[col] = pd.to_numeric(d[col], errors="coerce")
        out.append(d)
    return out


def bits(mols):
    gen = rdFingerprintGenerator.GetMorganGenerator(radius=RADIUS, fpSize=N_BITS)
    return np.array([gen.GetFingerprintAsNumPy(m) for m in mols], dtype=np.uint8)


def counts_desc(mols):
    gen = rdFingerprintGenerator.GetMorganGenerator(radius=RADIUS, fpSize=N_BITS)
    counts = np.array([gen.GetCountFingerprintAsNumPy(m) for m in mols], dtype=np.float64)
    desc = np.array([[safe(f, m) for _, f in Descriptors.descList] for m in mols])
    return np.hstack([np.log1p(counts), desc])


def safe(f, m):
    # a handful of descriptors raise on odd molecules; treat as missing
    try:
        return float(f(m))
    except Exception:
        return np.nan


def impute(Xtr, Xte):
    """NaN/inf -> train column median (0 if the whole column is missing)."""
    Xtr, Xte = Xtr.copy(), Xte.copy()
    for X in (Xtr, Xte):
        X[~np.isfinite(X)] = np.nan
    with warnings.catch_warnings():  # all-NaN columns are expected here, handled below
        warnings.simplefilter("ignore", RuntimeWarning)
        med = np.nanmedian(Xtr, axis=0) if len(Xtr) else np.zeros(Xtr.shape[1])
    med = np.nan_to_num(med, nan=0.0)
    for X in (Xtr, Xte):
        r, c = np.where(np.isnan(X))
        X[r, c] = med[c]
        np.clip(X, -F32_MAX, F32_MAX, out=X)
    return Xtr, Xte


def evaluate(kind, y, pred):
    if kind == "classification":
        if len(np.unique(y)) < 2:  # AUC undefined with one class in test
            return {"roc_auc": None, "pr_auc": None, "n": int(len(y)), "n_pos": int(y.sum())}
        return {"roc_auc": roc_auc_score(y, pred), "pr_auc": average_precision_score(y, pred),
                "n": int(len(y)), "n_pos": int(y.sum())}
    return {"rmse": float(np.sqrt(mean_squared_error(y, pred))),
            "mae": mean_absolute_error(y, pred), "r2": r2_score(y, pred), "n": int(len(y))}


def run_featureset(kind, labels, Xtr, Xte, tr, te):
    res = {}
    for col in labels:
        mtr, mte = tr[col].notna().to_numpy(), te[col].notna().to_numpy()
        ytr, yte = tr[col].to_numpy()[mtr], te[col].to_numpy()[mte]
        if mtr.sum() == 0 or mte.sum() == 0:
            print(f"  {col}: no labelled train or test rows, skipped")
            continue
        if kind == "classification":
            ytr, yte = ytr.astype(int), yte.astype(int)
            if len(np.unique(ytr)) < 2:
                print(f"  {col}: only one class in train, skipped")
                continue
            model = RandomForestClassifier(n_estimators=500, random_state=0, n_jobs=2)
            model.fit(Xtr[mtr], ytr)
            pred = model.predict_proba(Xte[mte])[:, list(model.classes_).index(1)]
        else:
            model = RandomForestRegressor(n_estimators=500, random_state=0, n_jobs=2)
            model.fit(Xtr[mtr], ytr)
            pred = model.predict(Xte[mte])
        res[col] = evaluate(kind, yte, pred)
    return res


def mean_metrics(res):
    keys = [k for k in next(iter(res.values()), {}) if k not in ("n", "n_pos")]
    return {k: float(np.mean(v)) if (v := [r[k] for r in res.values() if r[k] is not None]) else None
            for k in keys}


def print_table(kind, results):
    metrics = ["roc_auc", "pr_auc"] if kind == "classification" else ["rmse", "mae", "r2"]
    heads = [f"{fs}:{m}" for fs in results for m in metrics]
    w = max([len(c) for fs in results for c in results[fs]["per_endpoint"]] + [8])
    print("\n" + "endpoint".ljust(w) + "".join(h.rjust(max(len(h), 8) + 2) for h in heads))
    cols = list(dict.fromkeys(c for fs in results for c in results[fs]["per_endpoint"]))
    for row in cols + ["MEAN"]:
        cells = []
        for fs in results:
            r = results[fs]["mean"] if row == "MEAN" else results[fs]["per_endpoint"].get(row, {})
            cells += [r.get(m) for m in metrics]
        print(row.ljust(w) + "".join(("-" if v is None else f"{v:.4f}").rjust(max(len(h), 8) + 2)
                                     for v, h in zip(cells, heads)))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", nargs="?", help="CSV(.gz) with smiles, part (train/validation/test) and labels")
    p.add_argument("--train", help="training CSV (alternative to DATA)")
    p.add_argument("--test", help="test CSV (alternative to DATA)")
    p.add_argument("--smiles", default="smiles", help="SMILES column (default: smiles)")
    p.add_argument("--label", action="append", required=True, help="label column, repeatable")
    p.add_argument("--kind", choices=["classification", "regression"], required=True)
    p.add_argument("--json", help="write the figures to this JSON file")
    args = p.parse_args()
    RDLogger.DisableLog("rdApp.*")  # parse failures are counted, not spammed

    t0 = time.time()
    tr, te = load(args)
    results = {}
    for name, featurize in (("bits", bits), ("counts+desc", counts_desc)):
        t = time.time()
        Xtr, Xte = featurize(tr["mol"]), featurize(te["mol"])
        if name == "counts+desc":
            Xtr, Xte = impute(Xtr, Xte)
        print(f"[{name}] {Xtr.shape[1]} features, featurised in {time.time() - t:.0f}s; training...")
        per = run_featureset(args.kind, args.label, Xtr, Xte, tr, te)
        results[name] = {"per_endpoint": per, "mean": mean_metrics(per)}
        print(f"[{name}] done in {time.time() - t:.0f}s")

    print_table(args.kind, results)
    print(f"\ntotal time {time.time() - t0:.0f}s")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"kind": args.kind, "n_train": len(tr), "n_test": len(te),
                       "model": "RandomForest n_estimators=500 random_state=0, train part only",
                       "results": results}, f, indent=2)


if __name__ == "__main__":
    main()
