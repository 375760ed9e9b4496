#!/usr/bin/python3
"""Minimal Chemprop-style D-MPNN (Yang et al. 2019) for binary classification: a reference, not part of molscreen.

Issue 15 welcomed a graph network as a model kind if it beat the fingerprint networks on scaffold splits; this
script measures that on the same split files (`molscreen train --split-out`). PyTorch on the CPU, one thread.

Usage: dmpnn_reference.py SPLIT_CSV [--ensemble N] [--epochs E] [--rdkit-features] [--agg mean|sum|norm]
"""
import argparse, hashlib, math, os, pickle, sys, time

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from rdkit import Chem, RDLogger
from rdkit.Chem import Descriptors
from sklearn.metrics import roc_auc_score

RDLogger.DisableLog("rdApp.*")
torch.set_num_threads(1)
# featurised graphs and descriptors are cached by the SMILES list's digest, outside the repository
CACHE = os.environ.get("DMPNN_CACHE", os.path.join(os.environ.get("TMPDIR", "/tmp"), "molscreen-dmpnn-cache"))

# ---------------- featurisation (Chemprop v1 defaults) ----------------
MAX_ATOMIC_NUM = 100
ATOM_FEATURES = {
    "atomic_num": list(range(MAX_ATOMIC_NUM)),
    "degree": [0, 1, 2, 3, 4, 5],
    "formal_charge": [-1, -2, 1, 2, 0],
    "chiral_tag": [0, 1, 2, 3],
    "num_Hs": [0, 1, 2, 3, 4],
    "hybridization": [
        Chem.rdchem.HybridizationType.SP,
        Chem.rdchem.HybridizationType.SP2,
        Chem.rdchem.HybridizationType.SP3,
        Chem.rdchem.HybridizationType.SP3D,
        Chem.rdchem.HybridizationType.SP3D2,
    ],
}
ATOM_FDIM = sum(len(v) + 1 for v in ATOM_FEATURES.values()) + 2  # 133
BOND_FDIM = 14


def onek(value, choices):
    enc = [0] * (len(choices) + 1)
    idx = choices.index(value) if value in choices else -1
    enc[idx] = 1
    return enc


def atom_features(a):
    f = (onek(a.GetAtomicNum() - 1, ATOM_FEATURES["atomic_num"])
         + onek(a.GetTotalDegree(), ATOM_FEATURES["degree"])
         + onek(a.GetFormalCharge(), ATOM_FEATURES["formal_charge"])
         + onek(int(a.GetChiralTag()), ATOM_FEATURES["chiral_tag"])
         + onek(int(a.GetTotalNumHs()), ATOM_FEATURES["num_Hs"])
         + onek(a.GetHybridization(), ATOM_FEATURES["hybridization"])
         + [1 if a.GetIsAromatic() else 0]
         + [a.GetMass() * 0.01])
    return f


def bond_features(b):
    bt = b.GetBondType()
    f = [0,  # "bond is None" flag (Chemprop)
         int(bt == Chem.rdchem.BondType.SINGLE), int(bt == Chem.rdchem.BondType.DOUBLE),
         int(bt == Chem.rdchem.BondType.TRIPLE), int(bt == Chem.rdchem.BondType.AROMATIC),
         int(b.GetIsConjugated()), int(b.IsInRing())]
    f += onek(int(b.GetStereo()), list(range(6)))
    return f


def mol_graph(mol):
    """Returns (x_atom [n,133], x_bond [2m,14], src [2m], dst [2m]); bonds 2k,2k+1 are reverses."""
    xa = np.array([atom_features(a) for a in mol.GetAtoms()], dtype=np.float32)
    xb, src, dst = [], [], []
    for b in mol.GetBonds():
        i, j = b.GetBeginAtomIdx(), b.GetEndAtomIdx()
        bf = bond_features(b)
        xb += [bf, bf]
        src += [i, j]
        dst += [j, i]
    xb = np.array(xb, dtype=np.float32).reshape(-1, BOND_FDIM)
    return xa, xb, np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64)


def rdkit_desc(mol):
    out = []
    for _, fn in Descriptors.descList:
        try:
            v = float(fn(mol))
        except Exception:
            v = np.nan
        out.append(v)
    return out


def featurise(smiles, want_desc):
    os.makedirs(CACHE, exist_ok=True)
    key = hashlib.md5("\n".join(smiles).encode()).hexdigest()[:16]
    gpath = os.path.join(CACHE, f"graphs_{key}.pkl")
    if os.path.exists(gpath):
        graphs = pickle.load(open(gpath, "rb"))
    else:
        graphs = []
        for s in smiles:
            m = Chem.MolFromSmiles(s)
            graphs.append(None if m is None or m.GetNumAtoms() == 0 else mol_graph(m))
        pickle.dump(graphs, open(gpath, "wb"))
    desc = None
    if want_desc:
        dpath = os.path.join(CACHE, f"desc_{key}.npy")
        if os.path.exists(dpath):
            desc = np.load(dpath)
        else:
            rows = []
            for s, g in zip(smiles, graphs):
                rows.append(rdkit_desc(Chem.MolFromSmiles(s)) if g is not None
                            else [np.nan] * len(Descriptors.descList))
            desc = np.array(rows, dtype=np.float64)
            np.save(dpath, desc)
    return graphs, desc


# ---------------- batching ----------------
class Batch:
    def __init__(self, graphs, idx, extra=None):
        xa, xb, src, dst, a2m = [], [], [], [], []
        off = 0
        for k, i in enumerate(idx):
            a, b, s, d = graphs[i]
            xa.append(a); xb.append(b); src.append(s + off); dst.append(d + off)
            a2m.append(np.full(len(a), k, dtype=np.int64))
            off += len(a)
        self.xa = torch.from_numpy(np.concatenate(xa))
        self.xb = torch.from_numpy(np.concatenate(xb))
        self.src = torch.from_numpy(np.concatenate(src))
        self.dst = torch.from_numpy(np.concatenate(dst))
        nb = len(self.src)
        self.rev = torch.from_numpy(np.arange(nb) ^ 1)  # reverse bond of 2k is 2k+1
        self.a2m = torch.from_numpy(np.concatenate(a2m))
        self.n_mol = len(idx)
        self.n_atom = off
        self.extra = None if extra is None else torch.from_numpy(extra[idx].astype(np.float32))


# ---------------- model ----------------
class DMPNN(nn.Module):
    def __init__(self, hidden=300, depth=3, agg="mean", extra_dim=0, ffn_hidden=300, dropout=0.0):
        super().__init__()
        self.depth, self.agg, self.hidden = depth, agg, hidden
        self.W_i = nn.Linear(ATOM_FDIM + BOND_FDIM, hidden, bias=False)
        self.W_h = nn.Linear(hidden, hidden, bias=False)
        self.W_o = nn.Linear(ATOM_FDIM + hidden, hidden)
        self.act = nn.ReLU()
        self.drop = nn.Dropout(dropout)
        self.ffn = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden + extra_dim, ffn_hidden), nn.ReLU(),
                                 nn.Dropout(dropout), nn.Linear(ffn_hidden, 1))
        for p in self.parameters():  # Chemprop v1 initialize_weights
            if p.dim() == 1:
                nn.init.constant_(p, 0)
            else:
                nn.init.xavier_normal_(p)

    def forward(self, B):
        # W_i [x_atom_src, x_bond] computed as W_i_atom x_atom[src] + W_i_bond x_bond (identical, cheaper)
        Wa, Wb = self.W_i.weight[:, :ATOM_FDIM], self.W_i.weight[:, ATOM_FDIM:]
        inp = (B.xa @ Wa.t())[B.src] + B.xb @ Wb.t()  # pre-activation h0 for bond src->dst
        h = self.act(inp)
        for _ in range(self.depth - 1):  # Chemprop: depth-1 bond-message updates, then atom readout
            a_msg = torch.zeros(B.n_atom, self.hidden).index_add_(0, B.dst, h)  # sum of incoming
            m = a_msg[B.src] - h[B.rev]
            h = self.drop(self.act(inp + self.W_h(m)))
        a_msg = torch.zeros(B.n_atom, self.hidden).index_add_(0, B.dst, h)
        a_h = self.drop(self.act(self.W_o(torch.cat([B.xa, a_msg], dim=1))))
        mol = torch.zeros(B.n_mol, self.hidden).index_add_(0, B.a2m, a_h)
        if self.agg in ("mean", "norm"):
            cnt = torch.bincount(B.a2m, minlength=B.n_mol).clamp(min=1).float().unsqueeze(1)
            mol = mol / cnt if self.agg == "mean" else mol / 100.0
        if B.extra is not None:
            mol = torch.cat([mol, B.extra], dim=1)
        return self.ffn(mol).squeeze(1)


def noam_lrs(epochs, steps_per_epoch, warmup=2, init_lr=1e-4, max_lr=1e-3, final_lr=1e-4):
    total = epochs * steps_per_epoch
    wsteps = warmup * steps_per_epoch
    gamma = (final_lr / max_lr) ** (1.0 / max(1, total - wsteps))
    lrs = []
    for s in range(total):
        if s < wsteps:
            lrs.append(init_lr + s * (max_lr - init_lr) / wsteps)
        else:
            lrs.append(max_lr * gamma ** (s - wsteps))
    return lrs


def predict(model, batches):
    model.eval()
    with torch.no_grad():
        out = torch.cat([torch.sigmoid(model(b)) for b in batches]).numpy()
    model.train()
    return out


def train_one(seed, graphs, extra, tr, ytr, yva, args, eval_batches):
    torch.manual_seed(seed)
    np.random.seed(seed)
    rng = np.random.RandomState(seed)
    model = DMPNN(agg=args.agg, extra_dim=0 if extra is None else extra.shape[1])
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    bs = args.batch_size
    spe = math.ceil(len(tr) / bs)
    lrs = noam_lrs(args.epochs, spe)
    lossf = nn.BCEWithLogitsLoss()
    ytr_t = torch.from_numpy(ytr.astype(np.float32))
    best_auc, best_state, best_ep, step = -1.0, None, -1, 0
    vb, tb = eval_batches
    for ep in range(args.epochs):
        perm = rng.permutation(len(tr))
        for s in range(spe):
            bi = perm[s * bs:(s + 1) * bs]
            B = Batch(graphs, tr[bi], extra)
            for g in opt.param_groups:
                g["lr"] = lrs[step]
            step += 1
            loss = lossf(model(B), ytr_t[bi])
            opt.zero_grad()
            loss.backward()
            opt.step()
        pv = predict(model, vb)
        auc = roc_auc_score(yva, pv)
        if auc > best_auc:
            best_auc, best_ep = auc, ep
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    return predict(model, vb), predict(model, tb), best_auc, best_ep


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("split_csv")
    ap.add_argument("--ensemble", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--batch-size", type=int, default=50)
    ap.add_argument("--rdkit-features", action="store_true")
    ap.add_argument("--agg", default="mean", choices=["mean", "sum", "norm"])
    args = ap.parse_args()
    t0 = time.time()
    df = pd.read_csv(args.split_csv)
    label = df.columns[-1]
    n0 = len(df)
    graphs, desc = featurise(df.smiles.tolist(), args.rdkit_features)
    bad_smi = np.array([g is None for g in graphs])
    bad_lab = df[label].isna().values
    keep = ~bad_smi & ~bad_lab
    print(f"[{args.split_csv}] label={label} rows={n0} unparseable_smiles={bad_smi.sum()} "
          f"missing_label={(bad_lab & ~bad_smi).sum()} kept={keep.sum()}", flush=True)
    part = df.part.values
    y = df[label].values
    tr = np.where(keep & (part == "train"))[0]
    va = np.where(keep & (part == "validation"))[0]
    te = np.where(keep & (part == "test"))[0]
    print(f"  train={len(tr)} val={len(va)} test={len(te)} pos-rate tr/va/te="
          f"{y[tr].mean():.3f}/{y[va].mean():.3f}/{y[te].mean():.3f}", flush=True)
    extra = None
    if args.rdkit_features:
        d = desc.copy()
        d[~np.isfinite(d)] = np.nan
        d = np.clip(d, -1e12, 1e12)
        med = np.nanmedian(d[tr], axis=0)
        med = np.where(np.isfinite(med), med, 0.0)
        nanmask = np.isnan(d)
        d[nanmask] = np.take(med, np.where(nanmask)[1])
        mu, sd = d[tr].mean(0), d[tr].std(0)
        sd = np.where(sd < 1e-8, 1.0, sd)
        extra = np.clip((d - mu) / sd, -5, 5).astype(np.float32)
        print(f"  rdkit descriptors: {extra.shape[1]} (non-finite entries replaced: {nanmask.sum()})",
              flush=True)
    vb = [Batch(graphs, va[i:i + 200], extra) for i in range(0, len(va), 200)]
    tb = [Batch(graphs, te[i:i + 200], extra) for i in range(0, len(te), 200)]
    pvs, pts = [], []
    for seed in range(args.ensemble):
        ts = time.time()
        pv, pt, bauc, bep = train_one(seed, graphs, extra, tr, y[tr], y[va], args, (vb, tb))
        pvs.append(pv); pts.append(pt)
        print(f"  seed {seed}: best val AUC {bauc:.4f} @ epoch {bep + 1}; test AUC "
              f"{roc_auc_score(y[te], pt):.4f}; {time.time() - ts:.1f}s", flush=True)
    ens_val = roc_auc_score(y[va], np.mean(pvs, 0))
    ens_test = roc_auc_score(y[te], np.mean(pts, 0))
    print(f"RESULT split={args.split_csv} variant={'dmpnn+rdkit' if args.rdkit_features else 'dmpnn'} "
          f"agg={args.agg} ensemble={args.ensemble} epochs={args.epochs} val_auc={ens_val:.4f} "
          f"test_auc={ens_test:.4f} wall={time.time() - t0:.1f}s", flush=True)


if __name__ == "__main__":
    main()
