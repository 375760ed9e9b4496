package org.molscreen.engine.model;

import java.util.function.ToDoubleFunction;
import org.molscreen.chem.RegistryNamed;
import org.molscreen.chem.descriptor.MolecularDescriptors;

/**
 * The descriptors a model may take beside its fingerprint: the ones molscreen computes and stores for every
 * compound, so the cluster can score a stored library without featurising it again. Names are the
 * feature table's column names and are what a model card records.
 */
public enum Descriptor implements RegistryNamed {
    MW("mw", MolecularDescriptors::mw),
    EXACT_MASS("exact_mass", MolecularDescriptors::exactMass),
    CLOGP("clogp", MolecularDescriptors::clogp),
    TPSA("tpsa", MolecularDescriptors::tpsa),
    HBD("hbd", d -> d.hbd()),
    HBA("hba", d -> d.hba()),
    ROTB("rotb", d -> d.rotb()),
    HEAVY_ATOMS("heavy_atoms", d -> d.heavyAtoms()),
    RINGS("rings", d -> d.rings()),
    AROMATIC_RINGS("aromatic_rings", d -> d.aromaticRings()),
    FSP3("fsp3", MolecularDescriptors::fsp3),
    FORMAL_CHARGE("formal_charge", d -> d.formalCharge()),
    QED("qed", MolecularDescriptors::qed);

    private final String registryName;
    private final ToDoubleFunction<MolecularDescriptors> value;

    Descriptor(String registryName, ToDoubleFunction<MolecularDescriptors> value) {
        this.registryName = registryName;
        this.value = value;
    }

    @Override
    public String registryName() {
        return registryName;
    }

    public double of(MolecularDescriptors descriptors) {
        return value.applyAsDouble(descriptors);
    }

    /** @throws IllegalArgumentException naming the known descriptors */
    public static Descriptor fromName(String name) {
        return RegistryNamed.lookup(Descriptor.class, "descriptor", name);
    }
}
