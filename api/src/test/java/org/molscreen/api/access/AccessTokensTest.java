package org.molscreen.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.molscreen.api.cli.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.chem.InvalidInputException;

/** Tokens are issued once, stored hashed, and a malformed tokens file is refused with file and line. */
class AccessTokensTest {

    @TempDir
    Path dir;

    @Test
    void anIssuedTokenIdentifiesItsUserAndTheFileHoldsOnlyItsHash() throws Exception {
        Path file = dir.resolve("tokens.txt");
        String alice = AccessTokens.issue(file, new Caller("alice", Role.CHEMIST));
        String root = AccessTokens.issue(file, new Caller("root", Role.ADMIN));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("who may do what is the owner's business only").isEqualTo("rw-------");
        AccessTokens tokens = AccessTokens.read(file);
        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.caller(alice)).contains(new Caller("alice", Role.CHEMIST));
        assertThat(tokens.caller(root)).contains(new Caller("root", Role.ADMIN));
        assertThat(tokens.caller(alice + "x")).isEmpty();
        assertThat(tokens.caller("")).isEmpty();
        assertThat(tokens.caller(null)).isEmpty();
        assertThat(Files.readString(file)).doesNotContain(alice).doesNotContain(root).contains(AccessTokens.hash(alice));
        assertThat(alice).startsWith("msk_").hasSizeGreaterThan(40).isNotEqualTo(root);
    }

    @Test
    void aMalformedTokensFileNamesTheFileAndLine() throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "# comment\n\nalice chemist " + "a".repeat(64) + "\nbob wizard " + "b".repeat(64) + "\n");
        assertThatThrownBy(() -> AccessTokens.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.txt:4").hasMessageContaining("unknown role 'wizard'");
        Files.writeString(file, "alice chemist not-a-hash\n");
        assertThatThrownBy(() -> AccessTokens.read(file)).hasMessageContaining("bad.txt:1").hasMessageContaining("expected 'user role sha256'");
        Files.writeString(file, "Alice! chemist " + "a".repeat(64) + "\n");
        assertThatThrownBy(() -> AccessTokens.read(file)).hasMessageContaining("bad.txt:1").hasMessageContaining("user name");
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void theCommandLineIssuesTokensAndServeRefusesAPublicAddressWithoutThem() {
        Path file = dir.resolve("cli-tokens.txt");
        CliRun add = run("tokens", "add", "--file", file.toString(), "--user", "robot", "--role", "pipeline");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(AccessTokens.read(file).caller(add.out().strip())).contains(new Caller("robot", Role.PIPELINE));
        CliRun badRole = run("tokens", "add", "--file", file.toString(), "--user", "x", "--role", "boss");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("unknown role 'boss'");
        CliRun open = run("serve", "--in-memory", "--host", "0.0.0.0", "--port", "0");
        assertThat(open.exitCode()).isEqualTo(2);
        assertThat(open.err()).contains("loopback only").contains("--tokens");
        Path broken = dir.resolve("broken.txt");
        run("tokens", "add", "--file", broken.toString(), "--user", "x", "--role", "admin");
        try {
            Files.writeString(broken, "garbage\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun badFile = run("serve", "--in-memory", "--port", "0", "--tokens", broken.toString());
        assertThat(badFile.exitCode()).isEqualTo(3);
        assertThat(badFile.err()).contains("broken.txt:3");
    }
}
