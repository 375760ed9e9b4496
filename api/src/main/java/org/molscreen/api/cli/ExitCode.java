package org.molscreen.api.cli;

/** Exit codes of the {@code molscreen} command. */
final class ExitCode {

    /** Done; some records may have been reported as bad. */
    static final int OK = 0;
    /** An unexpected failure (a bug): a stack trace was printed. */
    static final int INTERNAL = 1;
    /** Bad options or arguments (picocli's convention). */
    static final int USAGE = 2;
    /** The input could not be read at all (missing, empty, binary, no SMILES column). */
    static final int UNREADABLE_INPUT = 3;
    /** The output could not be written. */
    static final int OUTPUT_FAILED = 4;

    private ExitCode() {
    }
}
