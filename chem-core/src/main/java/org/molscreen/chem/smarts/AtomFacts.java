package org.molscreen.chem.smarts;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.openscience.cdk.isomorphism.matchers.Expr;

/**
 * What an atom expression implies about every atom it matches: the query analysis behind the feature
 * screen's keys and the choice of a search's first atom. Each rule follows CDK's definition of the
 * expression type in {@code Expr.matches}.
 *
 * @param element      the atomic number, 0 if not implied
 * @param aromaticity  {@code AROMATIC}, {@code ALIPHATIC} or {@code ANY}
 * @param minHydrogens lower bound on the total hydrogen count, at most 3 ("3 or more")
 * @param charge       the formal charge, 0 if not implied (or implied to be 0)
 */
record AtomFacts(int element, int aromaticity, int minHydrogens, int charge) {

    /** Values of {@link #aromaticity}. */
    static final int ALIPHATIC = 0;
    static final int AROMATIC = 1;
    static final int ANY = 2;
    /** Hydrogen lower bounds are tracked as 0, 1, 2 and "3 or more". */
    static final int MAX_H = 3;

    /** The facts of a CDK query atom expression. */
    static AtomFacts of(Expr expr) {
        return new AtomFacts(element(expr), aromaticity(expr), Math.min(minHydrogens(expr), MAX_H), charge(expr));
    }

    private static int charge(Expr expr) {
        return switch (expr.type()) {
            case FORMAL_CHARGE -> expr.value();
            case AND -> {
                int left = charge(expr.left());
                yield left != 0 ? left : charge(expr.right());
            }
            case OR -> {
                int left = charge(expr.left());
                yield left == charge(expr.right()) ? left : 0;
            }
            default -> 0;
        };
    }

    private static int element(Expr expr) {
        return switch (expr.type()) {
            case ELEMENT, ALIPHATIC_ELEMENT, AROMATIC_ELEMENT -> expr.value();
            case AND -> {
                int left = element(expr.left());
                yield left != 0 ? left : element(expr.right());
            }
            case OR -> {
                int left = element(expr.left());
                yield left == element(expr.right()) ? left : 0;
            }
            default -> 0;
        };
    }

    private static int aromaticity(Expr expr) {
        return switch (expr.type()) {
            case AROMATIC_ELEMENT, IS_AROMATIC -> AROMATIC;
            case ALIPHATIC_ELEMENT, IS_ALIPHATIC -> ALIPHATIC;
            case AND -> {
                int left = aromaticity(expr.left());
                yield left != ANY ? left : aromaticity(expr.right());
            }
            case OR -> {
                int left = aromaticity(expr.left());
                yield left == aromaticity(expr.right()) ? left : ANY;
            }
            default -> ANY;
        };
    }

    /**
     * Lower bound on CDK's total hydrogen count. {@code TOTAL_H_COUNT=v} gives v; in a conjunction the
     * bound is the largest bound of its conjuncts, raised past every value that a conjunct
     * {@code NOT(TOTAL_H_COUNT=k)} excludes (so {@code !H0 & !H1} gives 2); a disjunction gives the
     * smaller bound of its sides; anything else gives 0.
     */
    private static int minHydrogens(Expr expr) {
        if (expr.type() == Expr.Type.OR) {
            return Math.min(minHydrogens(expr.left()), minHydrogens(expr.right()));
        }
        if (expr.type() == Expr.Type.TOTAL_H_COUNT) {
            return expr.value();
        }
        if (expr.type() != Expr.Type.AND && !isExcludedHydrogenCount(expr)) {
            return 0;
        }
        List<Expr> conjuncts = new ArrayList<>();
        flatten(expr, conjuncts);
        int bound = 0;
        TreeSet<Integer> excluded = new TreeSet<>();
        for (Expr c : conjuncts) {
            if (isExcludedHydrogenCount(c)) {
                excluded.add(c.left().value());
            } else if (c.type() != Expr.Type.AND) {
                bound = Math.max(bound, minHydrogens(c));
            }
        }
        while (excluded.contains(bound)) {
            bound++;
        }
        return bound;
    }

    private static boolean isExcludedHydrogenCount(Expr expr) {
        return expr.type() == Expr.Type.NOT && expr.left().type() == Expr.Type.TOTAL_H_COUNT;
    }

    private static void flatten(Expr expr, List<Expr> out) {
        if (expr.type() == Expr.Type.AND) {
            flatten(expr.left(), out);
            flatten(expr.right(), out);
        } else {
            out.add(expr);
        }
    }
}
