package org.molscreen.cluster.storage.javaserial;

/** Frozen copy of release 0.1.0's {@code org.molscreen.engine.screen.HitFilter} constants; never change it. */
public enum HitFilter { RO5, VEBER, PAINS }
