"""BACE-1 presumed inactives: random MOSES vs property-matched ChEMBL compounds, judged on held-out actives
hidden among property-matched decoys (DUD-E style) that neither recipe trained on.

  [BY_SOURCE=1] python3 bace_decoy_study.py pools   -> $STUDY_DIR/pools[-source].npz (other targets' compounds, halves A and B)
  python3 bace_decoy_study.py prepare SPLIT.csv OUTDIR   -> OUTDIR/eval.smi, OUTDIR/inactives.smi
  python3 bace_decoy_study.py score PRED.csv [COLUMN]    -> EF1%, ROC-AUC (driven by bace_decoy_study.sh)
"""
import csv, gzip, hashlib, sys, os
import numpy as np
from rdkit import Chem, RDLogger
from rdkit.Chem import Descriptors, Crippen, Lipinski, rdMolDescriptors, DataStructs, AllChem
from rdkit.Chem.MolStandardize import rdMolStandardize
RDLogger.DisableLog('rdApp.*')
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
D = os.environ.get('MOLSCREEN_DATASETS', os.path.join(ROOT, '..', 'shared', 'datasets'))
WORK = os.environ.get('STUDY_DIR', '/tmp/bace-decoy-study')
chooser = rdMolStandardize.LargestFragmentChooser()
POOLS = os.path.join(WORK, 'pools-source.npz' if os.environ.get('BY_SOURCE') else 'pools.npz')

def canon(smi):
    m = Chem.MolFromSmiles(smi)
    if m is None:
        return None, None
    m = chooser.choose(m)
    return Chem.MolToSmiles(m), m

def props(m):
    return [Descriptors.MolWt(m), Crippen.MolLogP(m), Lipinski.NumHDonors(m), Lipinski.NumHAcceptors(m),
            Lipinski.NumRotatableBonds(m), Chem.GetFormalCharge(m)]

def fp(m):
    return AllChem.GetMorganFingerprintAsBitVect(m, 2, 2048)

def rows(path, col):
    op = gzip.open if path.endswith('.gz') else open
    with op(path, 'rt') as f:
        for r in csv.DictReader(f):
            yield r[col]

def bace():
    out = []
    for r in csv.DictReader(open(f'{D}/bace.csv')):
        out.append((r['smiles'], float(r['pIC50'])))
    return out

def pools():
    os.makedirs(WORK, exist_ok=True)
    bace_set = {canon(s)[0] for s, _ in bace()}
    seen = set(); smiles = []; P = []; src = []
    for k, path in enumerate( ['herg.csv.gz', 'herg_pic50.csv.gz', 'egfr_chembl.csv.gz', 'jak2_chembl.csv.gz', 'tox21_challenge_train.csv.gz']):
        for s in rows(f'{D}/{path}', 'smiles'):
            c, m = canon(s)
            if c is None or c in seen or c in bace_set or m.GetNumHeavyAtoms() < 10:
                continue
            seen.add(c); smiles.append(c); P.append(props(m)); src.append(k)
    if os.environ.get('BY_SOURCE'):  # A: the two hERG sets; B: EGFR, JAK2, Tox21 (no source on both sides)
        half = np.array([0 if k < 2 else 1 for k in src])
    else:
        half = np.array([int(hashlib.sha1(s.encode()).hexdigest(), 16) % 2 for s in smiles])
    np.savez(POOLS, smiles=np.array(smiles), props=np.array(P), half=half)
    print(len(smiles), 'pool compounds; half A', int((half == 0).sum()), 'half B', int((half == 1).sum()))

def nearest(targets, pool_props, pool_ok, per, mu, sd):
    """Greedy: for each target in turn, its `per` nearest unused pool compounds in standardised property space."""
    used = np.zeros(len(pool_props), bool); chosen = []
    Z = (pool_props - mu) / sd
    for t in targets:
        d = np.sqrt((((Z - (t - mu) / sd)) ** 2).sum(1))
        d[used | ~pool_ok] = np.inf
        idx = np.argsort(d)[:per]
        used[idx] = True; chosen.extend(idx.tolist())
    return chosen

def prepare(split, outdir, inactives=5000, per_active=int(os.environ.get('PER_ACTIVE', 150)), max_tc=0.35):
    z = np.load(POOLS)
    smiles, P, half = z['smiles'], z['props'], z['half']
    mu, sd = P.mean(0), P.std(0) + 1e-9
    bace_actives = [canon(s)[1] for s, p in bace() if p >= 7]
    afps = [fp(m) for m in bace_actives]
    pool_fps = [fp(Chem.MolFromSmiles(s)) for s in smiles]
    maxtc = np.array([max(DataStructs.BulkTanimotoSimilarity(f, afps)) for f in pool_fps])
    ok = maxtc < max_tc
    train, test_actives = [], []
    for r in csv.DictReader(open(split)):
        c, m = canon(r['smiles'])
        if r['part'] == 'train':
            train.append(props(m))
        elif r['part'] == 'test' and r['pIC50'] and float(r['pIC50']) >= 7:
            test_actives.append((r['id'], r['smiles'], props(m)))
    os.makedirs(outdir, exist_ok=True)
    dec = nearest([np.array(p) for _, _, p in test_actives], P, ok & (half == 1), per_active, mu, sd)
    with open(f'{outdir}/eval.smi', 'w') as f:
        for i, (id_, s, _) in enumerate(test_actives):
            f.write(f'{s} active_{i}\n')
        for j in dec:
            f.write(f'{smiles[j]} decoy_{j}\n')
    per = int(np.ceil(inactives / len(train)))
    rng = np.random.default_rng(0)
    order = rng.permutation(len(train))
    ina = nearest([np.array(train[i]) for i in order], P, ok & (half == 0), per, mu, sd)[:inactives]
    with open(f'{outdir}/inactives.smi', 'w') as f:
        for j in ina:  # twice: training takes the even records
            f.write(f'{smiles[j]} pool_{j}\n{smiles[j]} pool_{j}\n')
    ev = np.array([p for _, _, p in test_actives]); dv = P[dec]; tv = np.array(train); iv = P[ina]
    print(f'{len(test_actives)} test actives, {len(dec)} decoys; {len(ina)} matched inactives (per {per})')
    print('mean MW/logP: actives', ev[:, 0].mean().round(1), ev[:, 1].mean().round(2), 'decoys', dv[:, 0].mean().round(1),
          dv[:, 1].mean().round(2), '| train', tv[:, 0].mean().round(1), 'inactives', iv[:, 0].mean().round(1))

def score(pred, column=None):
    from sklearn.metrics import roc_auc_score
    r = list(csv.DictReader(open(pred)))
    col = column or [c for c in r[0] if c.endswith('pIC50') or c.endswith('_mean') or c == 'pIC50'][0]
    y = np.array([1 if x['id'].startswith('active_') else 0 for x in r]); s = np.array([float(x[col]) for x in r])
    n = max(1, int(round(0.01 * len(y)))); top = np.argsort(-s, kind='stable')[:n]
    ef = y[top].mean() / y.mean()
    print(f'{pred}: column {col}, {y.sum()} actives / {len(y)}: EF1% {ef:.1f} (ideal {1 / y.mean():.1f}), ROC-AUC {roc_auc_score(y, s):.3f}')

if __name__ == '__main__':
    {'pools': lambda: pools(), 'prepare': lambda: prepare(sys.argv[2], sys.argv[3]),
     'score': lambda: score(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)}[sys.argv[1]]()
