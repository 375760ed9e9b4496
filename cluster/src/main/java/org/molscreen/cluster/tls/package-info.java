/**
 * cluster.tls: the credentials of mutual TLS between nodes. {@code ClusterAuthority} is a cluster's own
 * certificate authority (made and used by {@code molscreen cluster-tls}); {@code NodeCredentials} are one
 * node's key store, trust store and store password, which {@code MolscreenNode} hands to Ignite's
 * {@code SslContextFactory} for discovery and communication. Certificates are built with BouncyCastle's
 * bcpkix (the JDK has no public API to sign a certificate; hand-written ASN.1 is where mistakes hide).
 */
package org.molscreen.cluster.tls;
