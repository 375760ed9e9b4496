"""RDKit's Murcko scaffolds of MoleculeNet's BACE set, the reference for MurckoScaffoldReferenceTest.

Regenerate (Debian 12: apt-get install python3-rdkit; written with RDKit 2022.09.3), from this folder:
    /usr/bin/python3 rdkit_scaffolds.py ../../../../../../../../../shared/datasets/bace.csv > bace_rdkit_scaffolds.txt

Output: a comment line, then one line per data row of bace.csv, in file order: the CID, a tab, and
MurckoScaffold.MurckoScaffoldSmiles(smiles, includeChirality=False), as Chemprop's scaffold split calls it
(empty for an acyclic molecule).
"""
import csv
import sys

import rdkit
from rdkit import RDLogger
from rdkit.Chem.Scaffolds import MurckoScaffold

RDLogger.DisableLog("rdApp.*")
print(f"# RDKit {rdkit.__version__} MurckoScaffoldSmiles(includeChirality=False) of bace.csv")
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        print(row["CID"] + "\t" + MurckoScaffold.MurckoScaffoldSmiles(row["smiles"], includeChirality=False))
