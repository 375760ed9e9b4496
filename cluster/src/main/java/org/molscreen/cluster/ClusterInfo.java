package org.molscreen.cluster;

import java.util.List;

/**
 * What an admin sees of the cluster: whether it serves, the address workers join, and its server nodes.
 *
 * @param active      true once the cluster serves reads and writes (with persistence, after activation)
 * @param joinAddress {@code host:port} that {@code molscreen worker --join} takes
 * @param members     the server nodes, by name
 */
public record ClusterInfo(boolean active, String joinAddress, List<Member> members) {

    public ClusterInfo {
        members = List.copyOf(members);
    }

    /**
     * One server node.
     *
     * @param name              its consistent id ({@code serve}, {@code worker-47501}, ...)
     * @param addresses         the addresses it binds
     * @param local             whether it is the node answering
     * @param primaryPartitions partitions of the stored libraries it holds as primary
     * @param backupPartitions  and as backup
     */
    public record Member(String name, List<String> addresses, boolean local, long heapUsedBytes, long heapMaxBytes,
                         double cpuLoad, int cpus, int primaryPartitions, int backupPartitions) {

        public Member {
            addresses = List.copyOf(addresses);
        }
    }
}
