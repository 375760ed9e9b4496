/**
 * Perception (atom types, hydrogens, rings, Daylight aromaticity) and standardisation (largest organic
 * fragment, neutralisation, canonical SMILES). Every class here is stateless or immutable and thread-safe
 * unless its Javadoc says otherwise.
 */
package org.molscreen.chem.standardize;
