package org.molscreen.chem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A constant known outside the code by a stable lower-case registry name ({@code ecfp4}, {@code scaffold},
 * {@code roc_auc}, ...): the name model cards, the command line and the API use. The name is spelled out by
 * each constant, never derived from the Java identifier, so renaming a constant never changes a card.
 *
 * <p>{@link #lookup} is the one way such names are read back: blanks around the name are ignored, case
 * does not matter, and an unknown name is refused with every allowed name listed.
 */
public interface RegistryNamed {

    /** The stable name in model cards, on the command line and in the API. */
    String registryName();

    /**
     * The constant of {@code type} with this registry name (case-insensitive, surrounding blanks ignored).
     *
     * @param what what the name names, for the error ({@code "split"}, {@code "metric"}, ...)
     * @throws IllegalArgumentException "unknown {what} '{name}'; expected a, b or c"
     */
    static <E extends Enum<E> & RegistryNamed> E lookup(Class<E> type, String what, String name) {
        if (name != null) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.registryName().equals(wanted)) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "'; expected " + allowed(type));
    }

    /** The registry names of {@code type}, in declaration order. */
    static <E extends Enum<E> & RegistryNamed> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.registryName());
        }
        return List.copyOf(names);
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}: the allowed names as an error message lists them. */
    private static <E extends Enum<E> & RegistryNamed> String allowed(Class<E> type) {
        List<String> names = names(type);
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
