package org.molscreen.api.cli;

import java.io.PrintWriter;

/**
 * One line that rewrites itself on an interactive terminal ({@code \r}, padded over the previous text): where
 * {@code train} shows its current network, epoch and validation loss, so a run of minutes shows a sign of life
 * without printing thousands of lines. Without a terminal it prints nothing, so pipelines and CI logs keep the
 * summary lines alone; {@link #println} writes a permanent line, clearing the status first.
 */
final class TerminalStatusLine {

    private final PrintWriter out;
    private final boolean interactive;
    private int shown;

    /** @param interactive whether {@code out} is a terminal (normally {@code System.console() != null}) */
    TerminalStatusLine(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** Replaces the status with {@code text} (one line); nothing without a terminal. */
    void show(String text) {
        if (!interactive) {
            return;
        }
        String line = text.replace('\n', ' ');
        out.print('\r' + line + " ".repeat(Math.max(0, shown - line.length())));
        out.flush();
        shown = line.length();
    }

    /** A permanent line: the status is cleared first, and shown again by the next {@link #show}. */
    void println(String text) {
        clear();
        out.println(text);
        out.flush();
    }

    /** Removes the status, leaving the cursor at the start of an empty line. */
    void clear() {
        if (interactive && shown > 0) {
            out.print('\r' + " ".repeat(shown) + '\r');
            out.flush();
            shown = 0;
        }
    }
}
