package org.molscreen.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A followed tokens file: a removed token stops working, an added one starts, a broken edit locks nobody out. */
class TokensFileTest {

    @TempDir
    Path dir;

    /** Rewrites the file with a later modification time, as an editor would. */
    private static void rewrite(Path file, List<String> lines, long second) throws Exception {
        Files.write(file, lines);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + second * 1000));
    }

    @Test
    void aRemovedTokenStopsWorkingAndAnAddedOneStartsWithinTheCheckInterval() throws Exception {
        Path file = dir.resolve("tokens.txt");
        String alice = AccessTokens.issue(file, new Caller("alice", Role.CHEMIST));
        String bob = AccessTokens.issue(file, new Caller("bob", Role.ADMIN));
        AtomicLong clock = new AtomicLong();
        TokensFile tokens = TokensFile.follow(file, clock::get);
        assertThat(tokens.caller(alice)).contains(new Caller("alice", Role.CHEMIST));
        assertThat(tokens.caller(bob)).isPresent();

        List<String> lines = Files.readAllLines(file);
        rewrite(file, lines.stream().filter(line -> !line.startsWith("bob ")).toList(), 1);
        assertThat(tokens.caller(bob)).as("not looked at again within the second").isPresent();
        clock.addAndGet(TokensFile.CHECK_NANOS);
        assertThat(tokens.caller(bob)).as("bob's line was removed").isEmpty();
        assertThat(tokens.caller(alice)).isPresent();

        String carol = AccessTokens.issue(file, new Caller("carol", Role.PIPELINE));
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + 2000));
        clock.addAndGet(TokensFile.CHECK_NANOS);
        assertThat(tokens.caller(carol)).contains(new Caller("carol", Role.PIPELINE));
    }

    @Test
    void aBrokenEditKeepsTheLastGoodTokensUntilItIsFixed() throws Exception {
        Path file = dir.resolve("tokens.txt");
        String alice = AccessTokens.issue(file, new Caller("alice", Role.CHEMIST));
        AtomicLong clock = new AtomicLong();
        TokensFile tokens = TokensFile.follow(file, clock::get);
        List<String> good = Files.readAllLines(file);
        rewrite(file, List.of("alice chemist not-a-hash"), 1);
        clock.addAndGet(TokensFile.CHECK_NANOS);
        assertThat(tokens.caller(alice)).as("the last good set stays").isPresent();
        rewrite(file, good, 2);
        clock.addAndGet(TokensFile.CHECK_NANOS);
        assertThat(tokens.caller(alice)).as("fixed").isPresent();
        Files.delete(file);
        clock.addAndGet(TokensFile.CHECK_NANOS);
        assertThat(tokens.caller(alice)).as("a deleted file takes every token away").isEmpty();
    }
}
