/**
 * chem-core: molecules in, features out. Depends on CDK only; knows nothing of models, clusters or HTTP.
 * Sub-packages: {@code io} (streaming readers), {@code standardize}, {@code fingerprint},
 * {@code descriptor}, {@code alert} (PAINS), {@code depict}, {@code featurize} (the whole record pipeline).
 */
package org.molscreen.chem;
