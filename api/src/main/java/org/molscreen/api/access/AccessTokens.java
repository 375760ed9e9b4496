package org.molscreen.api.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.molscreen.chem.InvalidInputException;

/**
 * Bearer tokens and who they belong to, read from a tokens file: one line per token,
 * {@code user role sha256-of-token}; {@code #} starts a comment. The file holds only hashes, so reading it
 * gives nobody a token. A plain SHA-256 is enough (no salt, no slow hash) because tokens are 256 random
 * bits, not passwords a dictionary could guess.
 *
 * <p>Immutable and thread-safe.
 */
public final class AccessTokens implements Callers {

    /** Every token starts with this, so a leaked one is easy to recognise (and to scan for). */
    public static final String PREFIX = "msk_";

    private final Map<String, Caller> byHash;

    private AccessTokens(Map<String, Caller> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /**
     * Reads a tokens file.
     *
     * @throws InvalidInputException naming the file and line of a malformed entry
     */
    public static AccessTokens read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokens file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Caller> byHash = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            String where = file + ":" + (i + 1);
            if (fields.length != 3 || !fields[2].matches("[0-9a-f]{64}")) {
                throw new InvalidInputException(where, "expected 'user role sha256', got '" + line + "'");
            }
            try {
                byHash.put(fields[2], new Caller(fields[0], Role.fromName(fields[1])));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(where, e.getMessage());
            }
        }
        return new AccessTokens(byHash);
    }

    /** No tokens at all: nobody gets in. */
    public static AccessTokens none() {
        return new AccessTokens(Map.of());
    }

    /** Who holds this token, if anybody. */
    @Override
    public Optional<Caller> caller(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(token)));
    }

    /** How many tokens the file holds. */
    public int size() {
        return byHash.size();
    }

    /** A new random token (shown to its user once; only its hash is stored). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return DigestUtils.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The tokens file line for a token. */
    public static String line(Caller caller, String token) {
        return caller.user() + " " + caller.role().wireName() + " " + hash(token);
    }

    /**
     * Adds a new token for a user to the file (created if missing) and returns the token.
     */
    public static String issue(Path file, Caller caller) {
        if (Files.exists(file)) {
            read(file); // refuse to append to a file that is already broken
        }
        String token = newToken();
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            lines.add("# molscreen API tokens: user role sha256(token). Add with 'molscreen tokens add'.");
        }
        lines.add(line(caller, token));
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (!Files.exists(file)) {
                // the file holds only hashes, but it says who may do what: owner-only from the first byte
                try {
                    Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
            }
            Files.write(file, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tokens file " + file + ": " + e.getMessage(), e);
        }
        return token;
    }
}
