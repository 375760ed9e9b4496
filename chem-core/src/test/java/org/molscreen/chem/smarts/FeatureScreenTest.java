package org.molscreen.chem.smarts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openscience.cdk.isomorphism.matchers.QueryAtom;
import org.openscience.cdk.isomorphism.matchers.QueryAtomContainer;
import org.openscience.cdk.isomorphism.matchers.QueryBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.Smarts;

/** What the feature screen derives from a query expression once its hydrogens are merged; its safety on PAINS is {@code alert.PainsScreenTest}. */
class FeatureScreenTest {

    private static QueryAtomContainer merged(String smarts) {
        QueryAtomContainer query = new QueryAtomContainer(SilentChemObjectBuilder.getInstance());
        assertThat(Smarts.parse(query, smarts)).as(smarts).isTrue();
        DepthFirstSmarts.mergeQueryHydrogens(query);
        return query;
    }

    private static AtomFacts facts(String smarts) {
        return AtomFacts.of(((QueryAtom) merged(smarts).getAtom(0)).getExpression());
    }

    private static int bondClass(String smarts) {
        return FeatureScreen.bondClass(((QueryBond) merged(smarts).getBond(0)).getExpression());
    }

    @Test
    void atomFactsFollowFromTheMergedExpression() {
        assertThat(facts("[#6]-[#1]")).isEqualTo(new AtomFacts(6, AtomFacts.ANY, 1, 0));
        assertThat(facts("[#6](-[#1])-[#1]")).isEqualTo(new AtomFacts(6, AtomFacts.ANY, 2, 0));
        assertThat(facts("c-[#1]")).isEqualTo(new AtomFacts(6, AtomFacts.AROMATIC, 1, 0));
        assertThat(facts("[CH3]")).isEqualTo(new AtomFacts(6, AtomFacts.ALIPHATIC, 3, 0));
        assertThat(facts("[#7;!H0]")).isEqualTo(new AtomFacts(7, AtomFacts.ANY, 1, 0));
        assertThat(facts("[#7+]")).isEqualTo(new AtomFacts(7, AtomFacts.ANY, 0, 1));
        // an alternative without a hydrogen bound leaves no bound
        assertThat(facts("[c;!H0,$(c-[#6;!H0])]")).isEqualTo(new AtomFacts(6, AtomFacts.AROMATIC, 0, 0));
        // elements differ between alternatives, or are only excluded: nothing implied
        assertThat(facts("[F,Cl,Br,I]").element()).isZero();
        assertThat(facts("[!#6&!#1]").element()).isZero();
        assertThat(facts("[#7&H2,$([#7;!H0]-[#6;X4])]").element()).isZero();
    }

    @Test
    void bondClassFollowsFromTheExpression() {
        assertThat(bondClass("C-C")).isEqualTo(1);
        assertThat(bondClass("C=C")).isEqualTo(2);
        assertThat(bondClass("C#C")).isEqualTo(3);
        assertThat(bondClass("c:c")).isEqualTo(4);
        assertThat(bondClass("C=!@C")).isEqualTo(2);
        assertThat(bondClass("cc")).isZero(); // implicit: single or aromatic
        assertThat(bondClass("C~C")).isZero();
        assertThat(bondClass("C-,:C")).isZero();
    }
}
