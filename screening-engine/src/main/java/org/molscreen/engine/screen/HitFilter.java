package org.molscreen.engine.screen;

import java.util.Locale;
import java.util.Optional;
import org.molscreen.chem.RegistryNamed;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.featurize.FeaturizedMolecule;

/** The property filters a screen can apply, each saying why it rejects a compound. */
public enum HitFilter implements RegistryNamed {
    /** Lipinski's rule of five: more than one violation fails (Lipinski: poor absorption is likely from two). */
    RO5("ro5") {
        @Override
        public Optional<String> reject(FeaturizedMolecule molecule) {
            MolecularDescriptors d = molecule.descriptors();
            int violations = d.ruleOfFiveViolations();
            return violations <= 1 ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                    "ro5: %d violations (MW %.1f, cLogP %.2f, HBD %d, HBA %d)", violations, d.mw(), d.clogp(), d.hbd(), d.hba()));
        }
    },
    /** Veber: at most 10 rotatable bonds and TPSA at most 140 Å². */
    VEBER("veber") {
        @Override
        public Optional<String> reject(FeaturizedMolecule molecule) {
            MolecularDescriptors d = molecule.descriptors();
            return d.veberPass() ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                    "veber: %d rotatable bonds, TPSA %.1f", d.rotb(), d.tpsa()));
        }
    },
    /** Any PAINS alert. */
    PAINS("pains") {
        @Override
        public Optional<String> reject(FeaturizedMolecule molecule) {
            return molecule.alerts().isEmpty() ? Optional.empty() : Optional.of("pains: " + String.join(";", molecule.alerts()));
        }
    };

    private final String registryName;

    HitFilter(String registryName) {
        this.registryName = registryName;
    }

    @Override
    public String registryName() {
        return registryName;
    }

    /** The reason this filter rejects the compound, or empty when it passes. */
    public abstract Optional<String> reject(FeaturizedMolecule molecule);

    /**
     * The filter with this registry name (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static HitFilter fromName(String name) {
        return RegistryNamed.lookup(HitFilter.class, "filter", name);
    }
}
