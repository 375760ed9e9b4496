package org.molscreen.cluster.storage;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Writes one value: the header {@code 'M' 'S' kind version}, then fields in the order its layout names.
 * Strings are UTF-8 with an int length (-1 for null), so neither a long error message nor a long SMILES
 * hits {@code writeUTF}'s 64 KiB limit; enums are written by constant name, never by ordinal.
 */
final class ValueWriter {

    static final byte MAGIC_0 = 'M';
    static final byte MAGIC_1 = 'S';

    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;

    private ValueWriter(ValueKind kind, int sizeHint) {
        bytes = new ByteArrayOutputStream(sizeHint);
        out = new DataOutputStream(bytes);
        bytes.write(MAGIC_0);
        bytes.write(MAGIC_1);
        bytes.write(kind.code());
        bytes.write(kind.currentVersion());
    }

    static ValueWriter start(ValueKind kind, int sizeHint) {
        return new ValueWriter(kind, sizeHint);
    }

    byte[] finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    DataOutputStream data() {
        return out;
    }

    ValueWriter string(String value) {
        try {
            if (value == null) {
                out.writeInt(-1);
            } else {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ValueWriter strings(Collection<String> values) {
        integer(values.size());
        values.forEach(this::string);
        return this;
    }

    ValueWriter integer(int value) {
        try {
            out.writeInt(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ValueWriter number(long value) {
        try {
            out.writeLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ValueWriter real(double value) {
        try {
            out.writeDouble(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ValueWriter optionalReal(Double value) {
        flag(value != null);
        return value == null ? this : real(value);
    }

    ValueWriter reals(double[] values) {
        integer(values.length);
        for (double value : values) {
            real(value);
        }
        return this;
    }

    ValueWriter flag(boolean value) {
        try {
            out.writeBoolean(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ValueWriter bytes(byte[] value) {
        integer(value.length);
        try {
            out.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ValueWriter constant(Enum<?> value) {
        return string(value.name());
    }
}
