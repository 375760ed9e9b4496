/**
 * cluster: molscreen on Apache Ignite 2.17. {@code MolscreenNode} starts a server node (static IP discovery,
 * loopback by default); {@code LibraryStore} ingests libraries into partitioned caches (one backup), the
 * owning nodes featurising the streamed records; {@code ClusterScreening} screens a library with one job per
 * partition where the partition lives and merges the partial top-N lists deterministically. Knows
 * chem-core and screening-engine; knows nothing of HTTP. Node and store objects are thread-safe.
 */
package org.molscreen.cluster;
