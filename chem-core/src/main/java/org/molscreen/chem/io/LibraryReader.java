package org.molscreen.chem.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.molscreen.chem.InvalidInputException;

/**
 * Streams the records of a compound library (SMILES, CSV, TSV or SDF, each optionally gzipped) one at a
 * time, in constant memory whatever the file size.
 *
 * <p>A bad record never stops the stream: it comes out as a {@link RecordError} naming the source, line,
 * record number and reason, and reading goes on. Only an input that cannot be read at all (missing,
 * empty, binary, a corrupt gzip header, a CSV without a SMILES column) raises {@link InvalidInputException},
 * from {@link #open}. An I/O failure part-way (a truncated gzip stream) ends the stream with a final
 * {@code RecordError}; every record before it has already been delivered.
 *
 * <p>Not thread-safe: one reader is consumed by one thread.
 */
public abstract sealed class LibraryReader implements Iterator<LibraryRecord>, Closeable
        permits SmilesLibraryReader, DelimitedLibraryReader, SdfLibraryReader {

    private static final int SNIFF_BYTES = 8_192;

    private final String source;
    private final LineSource lines;
    private LibraryRecord lookahead;
    private boolean finished;

    private final ReadOptions options;

    LibraryReader(String source, LineSource lines, ReadOptions options) {
        this.source = source;
        this.lines = lines;
        this.options = options;
    }

    /** Opens a library file; the format comes from {@code options} or else from the file name. */
    public static LibraryReader open(Path file, ReadOptions options) {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(source, "is a directory, not a library file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot be opened: " + e.getMessage(), e);
        }
        return open(in, source, options);
    }

    /**
     * Reads a library from a stream (an upload, say). {@code sourceName} names it in messages and, when
     * {@code options} gives no format, supplies the extension. The reader closes the stream.
     */
    public static LibraryReader open(InputStream raw, String sourceName, ReadOptions options) {
        LibraryFormat format = options.format() != null ? options.format() : LibraryFormat.fromFileName(sourceName);
        try {
            if (format == null) {
                throw new InvalidInputException(sourceName, "cannot tell the format from the name; use a .smi, .csv,"
                        + " .tsv or .sdf name (optionally .gz) or give the format explicitly");
            }
            InputStream text = decompressIfGzipped(new BufferedInputStream(raw, 65_536), sourceName);
            checkLooksLikeText(text, sourceName);
            // no line is buffered beyond the record bound either: a line is at most a whole record
            LineSource lines = new LineSource(new InputStreamReader(text, StandardCharsets.UTF_8),
                    Math.min(options.maxLineChars(), options.maxRecordBytes()));
            return switch (format) {
                case SMILES -> new SmilesLibraryReader(sourceName, lines, options);
                case CSV -> new DelimitedLibraryReader(sourceName, lines, ',', options);
                case TSV -> new DelimitedLibraryReader(sourceName, lines, '\t', options);
                case SDF -> new SdfLibraryReader(sourceName, lines, options);
            };
        } catch (IOException e) {
            closeQuietly(raw);
            throw new InvalidInputException(sourceName, "cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    private static InputStream decompressIfGzipped(BufferedInputStream in, String source) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in, 65_536), 65_536);
            } catch (ZipException e) {
                throw new InvalidInputException(source, "starts like a gzip file but is not a valid one: " + e.getMessage(), e);
            }
        }
        return in;
    }

    /** Rejects empty and binary inputs before any record is read, so the user hears one clear sentence. */
    private static void checkLooksLikeText(InputStream in, String source) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = new byte[SNIFF_BYTES];
        int read;
        try {
            read = in.readNBytes(head, 0, SNIFF_BYTES);
        } catch (ZipException | java.io.EOFException e) {
            throw new InvalidInputException(source, "is a corrupt or truncated gzip file: " + e.getMessage(), e);
        }
        in.reset();
        if (read == 0) {
            throw new InvalidInputException(source, "is empty (0 bytes): there are no records to read");
        }
        int controls = 0;
        for (int i = 0; i < read; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                throw new InvalidInputException(source, "holds binary data (a NUL byte at offset " + i
                        + "), not a text library; is it compressed with something other than gzip?");
            }
            if (b < 0x09 || (b > 0x0d && b < 0x20)) {
                controls++;
            }
        }
        if (controls * 20 > read) {
            throw new InvalidInputException(source, "holds binary data (" + controls + " control bytes in the first "
                    + read + "), not a text library");
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // the open failed already; that failure is the one worth reporting
        }
    }

    /** The name records are reported under (the file name as given). */
    public final String source() {
        return source;
    }

    /** The next record, or {@code null} at the end of the input. */
    abstract LibraryRecord readNext() throws IOException;

    final LineSource lines() {
        return lines;
    }

    final RecordLocation at(long record, long line) {
        return new RecordLocation(source, record, Math.max(1, line));
    }

    @Override
    public final boolean hasNext() {
        if (lookahead != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            lookahead = readNext();
        } catch (IOException | UncheckedIOException e) {
            finished = true;
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            long line = lines.lineNumber() + 1;
            lookahead = new RecordError(at(recordsSoFar() + 1, line), "", "file",
                    "reading stopped: the input ends abruptly or is corrupt (" + reason + ")");
            return true;
        }
        if (lookahead == null) {
            finished = true;
            return false;
        }
        return true;
    }

    @Override
    public final LibraryRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in " + source);
        }
        LibraryRecord record = lookahead;
        lookahead = null;
        return record;
    }

    /** How many records (good or bad) have been read so far. */
    abstract long recordsSoFar();

    /** The records as a sequential stream; closing the stream closes the reader. */
    public final Stream<LibraryRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public final void close() throws IOException {
        lines.close();
    }

    /**
     * Why a line-format record is skipped for its size, or {@code null} when it is within both bounds: the
     * record's bytes ({@code max-record-kb}) or the line's characters.
     */
    final String oversizeReason(LineSource.Line line) {
        if (line.length() > options.maxLineChars()) {
            return "line is " + line.length() + " characters long, more than the limit of " + options.maxLineChars() + "; skipped";
        }
        if (line.bytes() > options.maxRecordBytes()) {
            return recordTooLargeReason(line.bytes());
        }
        return null;
    }

    /** Words for a record of {@code bytes} UTF-8 bytes, over {@code max-record-kb}. */
    final String recordTooLargeReason(long bytes) {
        return "the record is " + bytes + " bytes, more than " + options.maxRecordKb()
                + " KiB (the " + ReadOptions.MAX_RECORD_KB + " limit); skipped";
    }

    final ReadOptions options() {
        return options;
    }

    static final String BINARY_REASON = "line holds bytes that are not UTF-8 text (binary data?); skipped";
}
