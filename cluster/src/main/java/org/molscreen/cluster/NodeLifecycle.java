package org.molscreen.cluster;

import org.apache.ignite.lifecycle.LifecycleBean;
import org.apache.ignite.lifecycle.LifecycleEventType;

/**
 * Tells molscreen's own threads that the node is going down, from Ignite itself ({@code BEFORE_NODE_STOP}, fired
 * before any processor stops), so a job that fails because its node is stopping is left to be re-run instead
 * of being marked failed. Asking the exception would mean reading Ignite's wording of it.
 */
final class NodeLifecycle implements LifecycleBean {

    private volatile boolean stopping;

    @Override
    public void onLifecycleEvent(LifecycleEventType event) {
        if (event == LifecycleEventType.BEFORE_NODE_STOP) {
            stopping = true;
        }
    }

    boolean stopping() {
        return stopping;
    }
}
