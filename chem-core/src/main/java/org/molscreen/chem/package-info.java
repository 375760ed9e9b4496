/**
 * chem-core: molecules in, features out. Depends on CDK only; knows nothing of models, clusters or HTTP.
 * Sub-packages: {@code io} (streaming readers), {@code standardize}, {@code fingerprint},
 * {@code descriptor}, {@code alert} (PAINS), {@code smarts} (the one SMARTS engine descriptors and alerts share),
 * {@code depict}, {@code featurize} (the whole record pipeline). Here: the input errors
 * ({@link org.molscreen.chem.InvalidInputException}; their root, {@code org.molscreen.error.MolscreenException},
 * is every module's), and {@link org.molscreen.chem.RegistryNamed}, how the stable
 * names of enum constants in cards, on the command line and in the API are spelled and read back.
 */
package org.molscreen.chem;
