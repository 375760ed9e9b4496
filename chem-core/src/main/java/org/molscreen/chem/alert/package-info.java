/**
 * Structural alerts: SMARTS substructures that flag compounds likely to be assay artefacts, by default the
 * 480 PAINS classes (Baell &amp; Holloway, J. Med. Chem. 2010, 53, 2719; SMARTS by Saubern, Guha &amp; Baell,
 * Mol. Inform. 2011, 30, 847, as edited in RDKit's {@code wehi_pains.csv}, bundled with its notice).
 *
 * <p>Owns the bundled catalog, the {@link org.molscreen.chem.alert.StructuralAlert} value and
 * {@link org.molscreen.chem.alert.AlertCatalog}, which reproduces RDKit's {@code mergeHs=True} reading of
 * the explicit hydrogens in those SMARTS on CDK molecules with implicit hydrogens.
 *
 * <p>Thread-safety: every class here is immutable and thread-safe; one {@code AlertCatalog} can be shared
 * by all worker threads. Molecules passed in are only read, but a CDK molecule itself must not be shared
 * between threads while another thread changes it.
 */
package org.molscreen.chem.alert;
