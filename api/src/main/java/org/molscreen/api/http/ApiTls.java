package org.molscreen.api.http;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HTTPS for the API: a PEM certificate (chain) and its PEM private key, as {@code serve --tls-cert FILE
 * --tls-key FILE} name them. Both are checked at start so that a typo is reported with the flag, not as a
 * handshake failure on the first request.
 *
 * @param certificate PEM certificate, the server's first, then any intermediates
 * @param key         PEM private key (PKCS#8 or PKCS#1)
 */
public record ApiTls(Path certificate, Path key) {

    public ApiTls {
        if (certificate == null || key == null) {
            throw new IllegalArgumentException("HTTPS needs both --tls-cert FILE and --tls-key FILE (PEM)");
        }
        require(certificate, "--tls-cert", "CERTIFICATE");
        require(key, "--tls-key", "PRIVATE KEY");
    }

    private static void require(Path file, String flag, String pemType) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(flag + " " + file + ": no readable file there");
        }
        try {
            if (!Files.readString(file).contains("-----BEGIN ") || !Files.readString(file).contains(pemType)) {
                throw new IllegalArgumentException(flag + " " + file + ": not a PEM file with a " + pemType + " block");
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(flag + " " + file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
