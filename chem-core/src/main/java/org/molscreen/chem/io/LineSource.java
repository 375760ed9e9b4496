package org.molscreen.chem.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines with a bound on their length, in constant memory: a line longer than the bound is
 * consumed without being buffered and reported by its length, so one 1 GB "line" of garbage cannot
 * exhaust the heap. Accepts {@code \n} and {@code \r\n} line ends. Not thread-safe.
 */
final class LineSource implements AutoCloseable {

    /**
     * A line as read: its 1-based number, its text (null when too long), its length in chars and in UTF-8
     * bytes (without the line end).
     */
    record Line(long number, String text, long length, long bytes) {

        boolean tooLong() {
            return text == null;
        }

        /** U+FFFD marks bytes that were not UTF-8; NUL never occurs in a text library. */
        boolean binary() {
            return text != null && (text.indexOf('\uFFFD') >= 0 || text.indexOf('\0') >= 0);
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[16_384];
    private int position;
    private int limit;
    private long lineNumber;
    private final StringBuilder current = new StringBuilder(256);

    LineSource(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or {@code null} at the end of the input. */
    Line next() throws IOException {
        current.setLength(0);
        long length = 0;
        long bytes = 0;
        boolean sawAnything = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAnything) {
                        return null;
                    }
                    return finish(length, bytes);
                }
            }
            sawAnything = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                bytes += utf8Bytes(buffer[position]);
                position++;
            }
            int chunk = position - start;
            if (length + chunk <= maxChars) {
                current.append(buffer, start, chunk);
            }
            length += chunk;
            if (position < limit) {
                position++; // the '\n'
                return finish(length, bytes);
            }
        }
    }

    /** A surrogate is half of a 4-byte character. */
    private static int utf8Bytes(char c) {
        return c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }

    private Line finish(long length, long bytes) {
        lineNumber++;
        if (length > maxChars) {
            return new Line(lineNumber, null, length, bytes);
        }
        int end = current.length();
        if (end > 0 && current.charAt(end - 1) == '\r') {
            current.setLength(end - 1);
            length--;
            bytes--;
        }
        return new Line(lineNumber, current.toString(), length, bytes);
    }

    int maxChars() {
        return maxChars;
    }

    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
