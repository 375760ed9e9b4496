package org.molscreen.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Java serialisation of molscreen's record types for Ignite. Ignite 2.17's marshallers set fields through
 * {@code Unsafe} offsets, which Java refuses for records ("can't get field offset on a record class"), while
 * Java serialisation goes through the canonical constructor and so also re-runs each record's checks. Cache
 * values, job fields and job results that hold records travel as these bytes.
 */
final class JavaWireFormat {

    private JavaWireFormat() {
    }

    static byte[] toBytes(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * What these bytes may contain: molscreen's own types and the JDK value types they are built of (strings,
     * boxed numbers, immutable collections, times), nothing else, and not deeper or larger than a hit list of
     * 10,000 hits needs. The bytes come from other nodes and from disk, and an unfiltered
     * {@code ObjectInputStream} runs whatever class a crafted value names (JEP 290).
     */
    static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=50000000;maxbytes=2147483647;maxarray=100000000;"
                    + "org.molscreen.**;java.lang.*;java.util.*;java.time.*;!*");

    @SuppressWarnings("unchecked")
    static <T> T fromBytes(byte[] bytes, Class<T> type) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(FILTER);
            return type.cast(in.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a " + type.getSimpleName(), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("this node lacks class " + e.getMessage() + ": every node must run the same molscreen", e);
        }
    }
}
