package org.molscreen.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** train's epoch line: rewritten in place on a terminal, absent elsewhere; permanent lines are unaffected. */
class TerminalStatusLineTest {

    @Test
    void onATerminalTheStatusRewritesItselfAndClearsBeforeAPermanentLine() {
        StringWriter text = new StringWriter();
        TerminalStatusLine status = new TerminalStatusLine(new PrintWriter(text), true);
        String first = "train: network 1/5 epoch 10: validation loss 0.5123";
        String second = "train: network 1/5 epoch 11: validation loss 0.4";
        status.show(first);
        status.show(second);
        status.println("train: test: roc_auc 0.86");
        // the shorter second status is padded over the first, then wiped before the permanent line
        assertThat(text.toString()).isEqualTo("\r" + first + "\r" + second + " ".repeat(first.length() - second.length())
                + "\r" + " ".repeat(second.length()) + "\r" + "train: test: roc_auc 0.86" + System.lineSeparator());
    }

    @Test
    void withoutATerminalOnlyPermanentLinesAreWritten() {
        StringWriter text = new StringWriter();
        TerminalStatusLine status = new TerminalStatusLine(new PrintWriter(text), false);
        status.show("train: network 1/5 epoch 10: validation loss 0.5123");
        status.println("train: test: roc_auc 0.86");
        status.clear();
        assertThat(text.toString()).isEqualTo("train: test: roc_auc 0.86" + System.lineSeparator());
    }
}
