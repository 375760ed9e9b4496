package org.molscreen.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

    @SuppressWarnings("unchecked")
    static <T> T fromBytes(byte[] bytes, Class<T> type) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return type.cast(in.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a " + type.getSimpleName(), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("this node lacks class " + e.getMessage() + ": every node must run the same molscreen", e);
        }
    }
}
