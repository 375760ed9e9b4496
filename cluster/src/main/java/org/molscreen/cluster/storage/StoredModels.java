package org.molscreen.cluster.storage;

import org.molscreen.cluster.storage.javaserial.ReleaseZeroValues;

/** A shipped model as the models cache holds it. Layout 1: name, SHA-256 (strings), the file (int length + bytes). */
public final class StoredModels {

    private StoredModels() {
    }

    public static byte[] encode(ShippedModel model) {
        byte[] zip = model.zip();
        ValueWriter out = ValueWriter.start(ValueKind.SHIPPED_MODEL, zip.length + 128);
        out.string(model.name()).string(model.sha256()).bytes(zip);
        return out.finish();
    }

    public static ShippedModel decode(byte[] bytes) {
        if (ReleaseZeroValues.wrote(bytes)) {
            return ReleaseZeroValues.shippedModel(bytes);
        }
        return ValueReader.decode(bytes, ValueKind.SHIPPED_MODEL, in -> new ShippedModel(in.string(), in.string(), in.bytes()));
    }
}
