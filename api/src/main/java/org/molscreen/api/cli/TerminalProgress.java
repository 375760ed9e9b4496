package org.molscreen.api.cli;

import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Records done and the rate, on an interactive terminal only: a long {@code featurize}, {@code screen} or
 * {@code predict} shows a sign of life, while pipelines and CI logs (no console) get the summary line alone.
 */
final class TerminalProgress implements LongConsumer, AutoCloseable {

    private final ProgressBar bar;

    private TerminalProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A progress line for {@code task}, or a silent one when asked to be quiet or not on a terminal. */
    static TerminalProgress open(String task, boolean quiet) {
        if (quiet || System.console() == null) {
            return new TerminalProgress(null);
        }
        return new TerminalProgress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(-1)
                .setUnit(" mol", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .continuousUpdate()
                .build());
    }

    /** Records done so far. */
    @Override
    public void accept(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
