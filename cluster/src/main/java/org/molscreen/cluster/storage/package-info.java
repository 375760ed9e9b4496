/**
 * How molscreen's values are stored in Ignite caches (and so on disk, with persistence) and sent between
 * nodes: an explicit binary layout per kind of value, each starting with {@code 'M' 'S' kind version}, read
 * by code that knows every earlier version. Nothing here is Java serialisation; the one exception,
 * {@link org.molscreen.cluster.storage.javaserial}, reads (never writes) the Java-serialised values of
 * release 0.1.0 through an allow-list of frozen classes, so a data directory of that release opens.
 */
package org.molscreen.cluster.storage;
