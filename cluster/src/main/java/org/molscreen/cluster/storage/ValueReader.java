package org.molscreen.cluster.storage;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one value written by {@link ValueWriter}: checks the header (magic, kind, a version this release
 * knows) and then hands out fields in order. Counts and lengths are checked against the bytes left, so a
 * damaged or hostile value fails with a message instead of allocating gigabytes.
 */
final class ValueReader {

    private final ValueKind kind;
    private final int version;
    private final DataInputStream in;
    private final int length;

    private ValueReader(ValueKind kind, int version, byte[] bytes) {
        this.kind = kind;
        this.version = version;
        this.length = bytes.length;
        this.in = new DataInputStream(new ByteArrayInputStream(bytes, 4, bytes.length - 4));
    }

    /** One kind's layout, read field by field. */
    interface Layout<T> {
        T read(ValueReader in) throws IOException;
    }

    /**
     * Reads a value of {@code kind} through {@code layout}; a value that ends early or that the record's own
     * checks refuse becomes an {@link UnreadableValueException} naming the kind, version and size.
     */
    static <T> T decode(byte[] bytes, ValueKind kind, Layout<T> layout) {
        ValueReader in = open(bytes, kind);
        try {
            return layout.read(in);
        } catch (UnreadableValueException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw in.damaged(e);
        }
    }

    static ValueReader open(byte[] bytes, ValueKind expected) {
        if (bytes.length < 4 || bytes[0] != ValueWriter.MAGIC_0 || bytes[1] != ValueWriter.MAGIC_1) {
            throw new UnreadableValueException("a stored " + expected.noun() + " of " + bytes.length
                    + " bytes has no molscreen header: it is damaged or was not written by molscreen");
        }
        ValueKind kind = ValueKind.ofCode(bytes[2] & 0xff);
        if (kind != expected) {
            throw new UnreadableValueException("expected a stored " + expected.noun() + " but found "
                    + (kind == null ? "value kind " + (bytes[2] & 0xff) + ", unknown to this molscreen" : "a " + kind.noun()));
        }
        int version = bytes[3] & 0xff;
        if (version < 1 || version > kind.currentVersion()) {
            throw new UnreadableValueException("a " + kind.noun() + " in layout version " + version
                    + " was written by a newer molscreen; this release reads versions up to " + kind.currentVersion()
                    + ": run the same release on every node, and never open a data directory with an older release than wrote it");
        }
        return new ValueReader(kind, version, bytes);
    }

    int version() {
        return version;
    }

    DataInputStream data() {
        return in;
    }

    String string() throws IOException {
        int size = in.readInt();
        if (size == -1) {
            return null;
        }
        byte[] utf8 = new byte[checkedCount(size, 1)];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    List<String> strings() throws IOException {
        int count = checkedCount(in.readInt(), 4);
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(string());
        }
        return values;
    }

    int integer() throws IOException {
        return in.readInt();
    }

    long number() throws IOException {
        return in.readLong();
    }

    double real() throws IOException {
        return in.readDouble();
    }

    Double optionalReal() throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    double[] reals() throws IOException {
        double[] values = new double[checkedCount(in.readInt(), 8)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    boolean flag() throws IOException {
        return in.readBoolean();
    }

    byte[] bytes() throws IOException {
        byte[] value = new byte[checkedCount(in.readInt(), 1)];
        in.readFully(value);
        return value;
    }

    <E extends Enum<E>> E constant(Class<E> type) throws IOException {
        String name = string();
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableValueException("a stored " + kind.noun() + " names " + type.getSimpleName() + " '" + name
                    + "', which this molscreen does not know");
        }
    }

    /** A count of items of at least {@code minBytes} each, refused when the value cannot hold that many. */
    int checkedCount(int count, int minBytes) throws IOException {
        if (count < 0 || (long) count * minBytes > in.available()) {
            throw new UnreadableValueException("a stored " + kind.noun() + " claims " + count + " items but holds only "
                    + in.available() + " more bytes: it is damaged");
        }
        return count;
    }

    /** Wraps a read that ran out of bytes or met a value its record refuses. */
    UnreadableValueException damaged(Exception cause) {
        String what = cause instanceof EOFException ? "ends early" : "is invalid (" + cause.getMessage() + ")";
        return new UnreadableValueException("a stored " + kind.noun() + " (layout version " + version + ", " + length
                + " bytes) " + what, cause);
    }
}
