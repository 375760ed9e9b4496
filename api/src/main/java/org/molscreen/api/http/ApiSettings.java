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
 * @param tls       HTTPS certificate and key, or null for plain HTTP (loopback, or behind a TLS proxy)
 * @param behindTlsProxy true when a proxy in front terminates TLS, so plain HTTP beyond loopback is meant
 */
public record ApiSettings(String host, int port, Callers tokens, ServiceLimits limits, Path uploadDir, ApiTls tls,
                          boolean behindTlsProxy) {

    public ApiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(uploadDir, "uploadDir");
        if (tokens == null && !isLoopback(host)) {
            throw new IllegalArgumentException("without a tokens file the API binds to loopback only (127.0.0.1), not " + host
                    + "; create one with 'molscreen tokens add' and pass --tokens");
        }
        if (tls == null && !behindTlsProxy && !isLoopback(host)) {
            // bearer tokens and compound structures would cross the network in clear text
            throw new IllegalArgumentException("--host " + host + " is not loopback: serve HTTPS with --tls-cert FILE --tls-key FILE (PEM),"
                    + " or say --behind-tls-proxy when a proxy in front of it terminates TLS");
        }
    }

    /** Plain HTTP, as on loopback. */
    public ApiSettings(String host, int port, Callers tokens, ServiceLimits limits, Path uploadDir) {
        this(host, port, tokens, limits, uploadDir, null, false);
    }

    /** {@code https} with a certificate, else {@code http}. */
    public String scheme() {
        return tls == null ? "http" : "https";
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
