package org.molscreen.api.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The tokens of a tokens file as the file says now: an admin who removes a line takes that token away within
 * a second, without restarting {@code serve} (and {@code molscreen tokens add} works the same way). The file
 * is looked at (one {@code stat}) at most once per {@link #CHECK_NANOS} and read again when its modification
 * time, size or identity changed. A malformed file keeps the last good tokens in force, with a warning naming
 * the file and line, rather than locking everyone out over a typo; a deleted file takes every token away;
 * {@code serve} refuses a malformed file at start.
 *
 * <p>Thread-safe: the current set is replaced whole.
 */
public final class TokensFile implements Callers {

    /** How stale the tokens may be: one second. */
    static final long CHECK_NANOS = 1_000_000_000L;

    private static final System.Logger LOG = System.getLogger(TokensFile.class.getName());

    private record Snapshot(AccessTokens tokens, Object version, long checkedAt) {
    }

    private final Path file;
    private final LongSupplier clock;
    private volatile Snapshot current;

    private TokensFile(Path file, LongSupplier clock) {
        this.file = file;
        this.clock = clock;
        Object version = version(file);
        this.current = new Snapshot(AccessTokens.read(file), version, clock.getAsLong());
    }

    /**
     * Reads the file now and follows it from then on.
     *
     * @throws org.molscreen.chem.InvalidInputException naming the file and line of a malformed entry
     */
    public static TokensFile follow(Path file) {
        requireNotWritableByOthers(Objects.requireNonNull(file, "file"));
        return new TokensFile(file, System::nanoTime);
    }

    /**
     * Refuses a tokens file that its group or the world may write: whoever can write it can make themselves an
     * admin token.
     */
    static void requireNotWritableByOthers(Path file) {
        try {
            if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) == null || !Files.exists(file)) {
                return;
            }
            java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
                throw new IllegalArgumentException("--tokens " + file + " is " + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                        + ": others may write it and so give themselves a token; make it owner-only (chmod 600 " + file + ")");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the permissions of " + file, e);
        }
    }

    /** For tests: a clock that moves when the test says. */
    static TokensFile follow(Path file, LongSupplier clock) {
        return new TokensFile(file, clock);
    }

    @Override
    public Optional<Caller> caller(String token) {
        return tokens().caller(token);
    }

    /** The tokens in force now (re-read first when the file changed and the last look is over a second old). */
    public AccessTokens tokens() {
        Snapshot snapshot = current;
        long now = clock.getAsLong();
        if (now - snapshot.checkedAt() < CHECK_NANOS) {
            return snapshot.tokens();
        }
        synchronized (this) {
            snapshot = current;
            if (now - snapshot.checkedAt() < CHECK_NANOS) {
                return snapshot.tokens();
            }
            Object version = version(file);
            AccessTokens tokens = snapshot.tokens();
            if (version == null) {
                tokens = AccessTokens.none(); // a deleted file takes every token away
            } else if (!Objects.equals(version, snapshot.version())) {
                try {
                    tokens = AccessTokens.read(file);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "tokens file " + file + " cannot be used (" + e.getMessage()
                            + "); the tokens read before stay in force until it is fixed");
                }
            }
            current = new Snapshot(tokens, version, now);
            return tokens;
        }
    }

    /** What tells a changed file from the same one: modification time, size and file identity; null when missing. */
    private static Object version(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return java.util.List.of(attributes.lastModifiedTime().toMillis(), attributes.size(),
                    String.valueOf(attributes.fileKey()));
        } catch (IOException e) {
            return null;
        }
    }
}
