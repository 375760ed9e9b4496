package org.molscreen.cluster.storage;

import java.util.Objects;

/**
 * A user's model file as it travels to the nodes that score with it.
 *
 * @param name   the model's registry name
 * @param sha256 of the file, so a node loads each content once
 * @param zip    the model file
 */
public record ShippedModel(String name, String sha256, byte[] zip) {

    public ShippedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        zip = zip.clone();
    }

    @Override
    public byte[] zip() {
        return zip.clone();
    }
}
