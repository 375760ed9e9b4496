package org.molscreen.api.http;

import java.nio.file.Path;
import java.util.Objects;
import org.molscreen.api.access.Callers;
import org.molscreen.api.service.ServiceLimits;

/**
 * How to run the HTTP API.
 *
 * @param host      address to bind
 * @param port      port to bind (0: any free one)
 * @param tokens    who may call, or null to let every caller in as the local admin (loopback only)
 * @param limits    per-request and per-user limits
 * @param uploadDir where uploads are written while they are ingested
 */
public record ApiSettings(String host, int port, Callers tokens, ServiceLimits limits, Path uploadDir) {

    public ApiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(uploadDir, "uploadDir");
        if (tokens == null && !isLoopback(host)) {
            throw new IllegalArgumentException("without a tokens file the API binds to loopback only (127.0.0.1), not " + host
                    + "; create one with 'molscreen tokens add' and pass --tokens");
        }
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
