package org.molscreen.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The TCP sockets this process listens on, read from Linux's {@code /proc} (what {@code ss -ltnp} shows for
 * one process): a test can then say what a node exposes, not just what it was configured to expose.
 */
public final class ListeningSockets {

    /** One listening socket: its local address and port. */
    public record Socket(InetAddress address, int port) implements Comparable<Socket> {
        @Override
        public int compareTo(Socket other) {
            return Integer.compare(port, other.port);
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    /** Whether this machine has {@code /proc/net/tcp} (Linux). */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp")) && Files.isDirectory(Path.of("/proc/self/fd"));
    }

    /** The sockets this process listens on now. */
    public static Set<Socket> ofThisProcess() {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor closed while we listed it
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Socket> sockets = new TreeSet<>(java.util.Comparator.comparing(Socket::port).thenComparing(Socket::toString));
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                // sl local_address rem_address st ... inode (field 9); st 0A is LISTEN
                if (fields.length > 9 && fields[3].equals("0A") && inodes.contains(fields[9])) {
                    String[] local = fields[1].split(":");
                    sockets.add(new Socket(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return sockets;
    }

    /** /proc writes addresses as the kernel holds them: 32-bit words in host (little-endian) order. */
    private static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (3 - i) * 2 + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
