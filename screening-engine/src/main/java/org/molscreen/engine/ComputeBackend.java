package org.molscreen.engine;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend this build runs on: CPU ({@code nd4j-native}, the default) or CUDA ({@code -Pcuda}).
 * Asking loads ND4J's native libraries (javacpp unpacks them into {@code ~/.javacpp/cache} on first use),
 * so call it only when a model is about to run.
 *
 * @param backend the ND4J backend class, e.g. {@code CpuBackend} or {@code CudaBackend}
 * @param dataType ND4J's default floating-point type
 */
public record ComputeBackend(String backend, String dataType) {

    public static ComputeBackend current() {
        return new ComputeBackend(Nd4j.getBackend().getClass().getSimpleName(), Nd4j.dataType().name());
    }

    /** Whether the build runs models on a CUDA GPU. */
    public boolean gpu() {
        return backend.toLowerCase(java.util.Locale.ROOT).contains("cuda");
    }
}
