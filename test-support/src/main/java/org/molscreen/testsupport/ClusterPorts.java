package org.molscreen.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Discovery ports for a test's Ignite cluster on loopback: the first of ten free discovery ports whose ten
 * communication ports (400 below, as {@code NodeSettings} places them) are free too. Instead of each test
 * class hand-picking a range, ranges are found free at run time, from a random start so that two builds on
 * one machine (a developer's and CI's, or two worktrees) do not pick the same range and join each other's
 * nodes; within a JVM no range is handed out twice.
 */
public final class ClusterPorts {

    private static final int WIDTH = 10;
    private static final int COMMUNICATION_OFFSET = 400;
    private static final int LOWEST = 48_000;
    private static final int HIGHEST = 58_000;
    private static int next = LOWEST + 20 * ThreadLocalRandom.current().nextInt((HIGHEST - LOWEST) / 20);

    private ClusterPorts() {
    }

    /** A discovery port {@code p} such that {@code p..p+9} and {@code p-400..p-391} are free on loopback now. */
    public static synchronized int discoveryRange() {
        int span = HIGHEST - LOWEST;
        for (int tried = 0; tried < span; tried += 20) {
            int candidate = next;
            next = next + 20 >= HIGHEST ? LOWEST : next + 20;
            if (free(candidate) && free(candidate - COMMUNICATION_OFFSET)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no ten free ports between " + LOWEST + " and " + HIGHEST + " on loopback");
    }

    private static boolean free(int first) {
        for (int port = first; port < first + WIDTH; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
