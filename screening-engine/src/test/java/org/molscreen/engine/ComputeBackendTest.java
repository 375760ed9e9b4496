package org.molscreen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The default build must run ND4J on the CPU with its linux-x86_64 natives and OpenBLAS. */
class ComputeBackendTest {

    @Test
    void cpuBackendLoadsAndMultiplies() {
        ComputeBackend backend = ComputeBackend.current();
        assertThat(backend.backend()).isEqualTo("CpuBackend");
        assertThat(backend.gpu()).isFalse();
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}});
        INDArray b = Nd4j.createFromArray(new float[][] {{5, 6}, {7, 8}});
        assertThat(a.mmul(b).toFloatMatrix()).isEqualTo(new float[][] {{19, 22}, {43, 50}});
    }
}
