/**
 * The root of every molscreen error, whichever module raises it (chem-core's bad input, the cluster's refusals,
 * the API's). It lives in chem-core only because every other module depends on chem-core; it knows nothing of
 * chemistry.
 */
package org.molscreen.error;
