package org.molscreen.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.molscreen.chem.RegistryNamed;

/** What a model predicts. Registry names are what cards, the CLI and the API say. */
public enum ModelKind implements RegistryNamed {
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
    @Override
    public String registryName() {
        return registryName;
    }

    public boolean classification() {
        return this != REGRESSION;
    }

    @JsonCreator
    public static ModelKind fromName(String name) {
        return RegistryNamed.lookup(ModelKind.class, "model kind", name);
    }
}
