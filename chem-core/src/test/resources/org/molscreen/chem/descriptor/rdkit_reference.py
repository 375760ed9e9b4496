#!/usr/bin/python3
# Reference values for CrippenLogPTest and QedTest, computed by RDKit (a program nobody on molscreen wrote).
#
# Command (from the repository root; Debian's python3 with python3-rdkit 2022.09.3 and rdkit-data installed,
# not a pyenv python):
#
#   /usr/bin/python3 chem-core/src/test/resources/org/molscreen/chem/descriptor/rdkit_reference.py \
#       > chem-core/src/test/resources/org/molscreen/chem/descriptor/rdkit_reference.tsv
#
# Input: the first 1,000 records of /usr/share/RDKit/Data/NCI/first_5K.smi (SMILES as written there) and the
# 200 records of /usr/share/RDKit/Data/NCI/first_200.props.sdf (written out as Kekule SMILES by RDKit, so the
# Java side parses the same graph without inheriting RDKit's aromaticity).
#
# Output columns: source, id, smiles, then Crippen.MolLogP, QED.qed (mean weights) and QED.properties
# (MW ALOGP HBA HBD PSA ROTB AROM ALERTS) exactly as QED.py computes them. ALOGP is QED's Crippen logP of
# the molecule after RemoveHs; the script checks it equals MolLogP and writes it once (column logp).
# Records RDKit cannot read are left out and listed on stderr.
import sys

import rdkit
from rdkit import Chem, RDLogger
from rdkit.Chem import Crippen, QED

RDLogger.DisableLog('rdApp.*')

SMI = '/usr/share/RDKit/Data/NCI/first_5K.smi'
SDF = '/usr/share/RDKit/Data/NCI/first_200.props.sdf'
N_SMILES = 1000

if rdkit.__version__ != '2022.09.3':
    sys.exit('expected RDKit 2022.09.3, found ' + rdkit.__version__)


def row(source, ident, smiles, mol):
    logp = Crippen.MolLogP(mol)
    p = QED.properties(mol)
    if abs(p.ALOGP - logp) > 1e-9:
        sys.exit('%s %s: QED ALOGP %r differs from MolLogP %r' % (source, ident, p.ALOGP, logp))
    return '\t'.join([source, ident, smiles,
                      '%.4f' % logp, '%.6f' % QED.qed(mol, qedProperties=p),
                      '%.3f' % p.MW, '%d' % p.HBA, '%d' % p.HBD, '%.2f' % p.PSA,
                      '%d' % p.ROTB, '%d' % p.AROM, '%d' % p.ALERTS])


print('# RDKit %s, Crippen.MolLogP and QED.qed / QED.properties; see rdkit_reference.py' % rdkit.__version__)
print('\t'.join(['source', 'id', 'smiles', 'logp', 'qed', 'mw', 'hba', 'hbd', 'psa', 'rotb', 'arom', 'alerts']))

with open(SMI) as f:
    for n, line in enumerate(f):
        if n >= N_SMILES:
            break
        smiles, ident = line.rstrip('\n').split('\t')[:2]
        mol = Chem.MolFromSmiles(smiles)
        if mol is None:
            print('first_5K %s: RDKit cannot read %s' % (ident, smiles), file=sys.stderr)
            continue
        print(row('first_5K', ident, smiles, mol))

for n, mol in enumerate(Chem.SDMolSupplier(SDF)):
    ident = str(n + 1)
    if mol is None:
        print('first_200 record %s: RDKit cannot read it' % ident, file=sys.stderr)
        continue
    if mol.HasProp('_Name') and mol.GetProp('_Name').strip():
        ident = mol.GetProp('_Name').strip()
    kekule = Chem.Mol(mol)
    Chem.Kekulize(kekule, clearAromaticFlags=True)
    print(row('first_200', ident, Chem.MolToSmiles(kekule), mol))
