package org.molscreen.chem.smarts;

/**
 * How common each element is in a typical drug-like screening compound: the one prior that every query
 * plan here orders its work by ({@link SmartsQuery} picks the atom its search starts from,
 * {@link DepthFirstSmarts} the atom CDK's search starts from, {@link FeatureScreen} the order of its
 * checks). The figures are rough shares typical of screening libraries; they change speed only, never
 * a match.
 */
final class ElementRarity {

    /** Heavy atoms and bonds of a typical drug-like molecule. */
    static final double TYPICAL_HEAVY_ATOMS = 22;
    static final double TYPICAL_BONDS = 24;

    private ElementRarity() {
    }

    /** Share of heavy atoms that have the element (0: any element, share 1). */
    static double share(int element) {
        return switch (element) {
            case 0 -> 1;
            case 6 -> 0.72;
            case 7, 8 -> 0.12;
            case 16 -> 0.02;
            case 9, 17 -> 0.015;
            case 35 -> 0.005;
            default -> 0.002;
        };
    }

    /** Share of heavy atoms that have the element and the given aromaticity. */
    static double share(int element, boolean aromatic) {
        double fraction = aromaticFraction(element);
        return share(element) * (aromatic ? fraction : 1 - fraction);
    }

    /** Fraction of the element's atoms that are aromatic. */
    private static double aromaticFraction(int element) {
        return switch (element) {
            case 0, 6 -> 0.5;
            case 7, 16 -> 0.4;
            case 8 -> 0.05;
            default -> 0.01;
        };
    }
}
