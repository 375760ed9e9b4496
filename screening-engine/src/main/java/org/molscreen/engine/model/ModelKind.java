package org.molscreen.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a model predicts. Registry names are what cards, the CLI and the API say. */
public enum ModelKind {
    /** One continuous affinity value for one target, e.g. pIC50. */
    REGRESSION("regression"),
    /** One binary endpoint, output a probability. */
    CLASSIFICATION("classification"),
    /** Several binary endpoints (e.g. the 12 Tox21 assays), each a probability; missing labels masked. */
    MULTITASK_CLASSIFICATION("multitask_classification");

    private final String registryName;

    ModelKind(String registryName) {
        this.registryName = registryName;
    }

    @JsonValue
    public String registryName() {
        return registryName;
    }

    public boolean classification() {
        return this != REGRESSION;
    }

    @JsonCreator
    public static ModelKind fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ModelKind kind : values()) {
            if (kind.registryName.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown model kind '" + name + "'; expected regression, classification or multitask_classification");
    }
}
