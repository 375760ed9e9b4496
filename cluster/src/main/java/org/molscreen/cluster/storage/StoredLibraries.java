package org.molscreen.cluster.storage;

import org.molscreen.cluster.LibraryInfo;
import org.molscreen.cluster.storage.javaserial.ReleaseZeroValues;

/**
 * A library's metadata as the libraries cache holds it. Layout 1: id, name, source file, SHA-256 (strings),
 * records, errors (longs), fingerprint, created (strings), state (constant name), owner, ingested by, failure
 * (nullable strings). Reads release 0.1.0's Java-serialised metadata too.
 */
public final class StoredLibraries {

    private StoredLibraries() {
    }

    public static byte[] encode(LibraryInfo info) {
        ValueWriter out = ValueWriter.start(ValueKind.LIBRARY, 256);
        out.string(info.id()).string(info.name()).string(info.sourceFile()).string(info.sha256()).number(info.records())
                .number(info.errors()).string(info.fingerprint()).string(info.created()).constant(info.state())
                .string(info.owner()).string(info.ingestedBy()).string(info.failure());
        return out.finish();
    }

    public static LibraryInfo decode(byte[] bytes) {
        if (ReleaseZeroValues.wrote(bytes)) {
            return ReleaseZeroValues.library(bytes);
        }
        return ValueReader.decode(bytes, ValueKind.LIBRARY, in -> new LibraryInfo(in.string(), in.string(), in.string(),
                in.string(), in.number(), in.number(), in.string(), in.string(), in.constant(LibraryInfo.State.class),
                in.string(), in.string(), in.string()));
    }
}
