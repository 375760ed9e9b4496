/**
 * cluster: Apache Ignite node start-up, the library store, distributed ingest and screening, jobs.
 * Knows chem-core and screening-engine; knows nothing of HTTP.
 */
package org.molscreen.cluster;
