package org.molscreen.chem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.molscreen.chem.fingerprint.FingerprintType;

/** Registry names are read back one way: blanks and case ignored, an unknown name refused with every allowed one. */
class RegistryNamedTest {

    @Test
    void aNameIsFoundWhateverItsCaseAndSurroundingBlanks() {
        assertThat(RegistryNamed.lookup(FingerprintType.class, "fingerprint", " ECFP6\t")).isEqualTo(FingerprintType.ECFP6);
        assertThat(FingerprintType.fromName("maccs")).isEqualTo(FingerprintType.MACCS);
    }

    @Test
    void anUnknownNameIsRefusedWithWhatItNamesAndEveryAllowedName() {
        assertThatThrownBy(() -> FingerprintType.fromName("morgan"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown fingerprint 'morgan'; expected ecfp4, ecfp6, fcfp4 or maccs");
        assertThatThrownBy(() -> RegistryNamed.lookup(FingerprintType.class, "fingerprint", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown fingerprint 'null'");
        // a Java constant name that differs from the registry name is not a registry name
        assertThatThrownBy(() -> FingerprintType.fromName("ECFP_4")).hasMessageContaining("unknown fingerprint");
    }

    @Test
    void namesComeInDeclarationOrder() {
        assertThat(RegistryNamed.names(FingerprintType.class)).containsExactly("ecfp4", "ecfp6", "fcfp4", "maccs");
    }
}
