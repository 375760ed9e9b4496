package org.molscreen.cluster.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.Objects;

/**
 * One node's TLS credentials, a directory of three files:
 * <ul>
 *   <li>{@value #KEY_STORE}: PKCS#12, the node's private key with its certificate chain (node, then CA);</li>
 *   <li>{@value #TRUST_STORE}: PKCS#12, the CA certificate(s) whose nodes this node accepts;</li>
 *   <li>{@value #PASSWORD_FILE}: the password of both stores, one line, owner-only.</li>
 * </ul>
 * The password lives in a file so that it never appears on a command line (visible to every user in
 * {@code ps}). An admin with their own PKI brings these three files.
 *
 * @param dir      the directory
 * @param password the stores' password
 */
public record NodeCredentials(Path dir, char[] password) {

    public static final String KEY_STORE = "node.p12";
    public static final String TRUST_STORE = "trust.p12";
    public static final String PASSWORD_FILE = "store-password";
    static final String KEY_ALIAS = "node";

    public NodeCredentials {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(password, "password");
    }

    public Path keyStore() {
        return dir.resolve(KEY_STORE);
    }

    public Path trustStore() {
        return dir.resolve(TRUST_STORE);
    }

    /**
     * Reads and checks the credentials in {@code dir}: every file there, the password file owner-only, both
     * stores open with the password, a private key in the key store and a certificate in the trust store.
     * Problems are named with the file, so that a node never starts with credentials Ignite would reject
     * later with a less readable message.
     */
    public static NodeCredentials open(Path dir) {
        for (String file : new String[] {KEY_STORE, TRUST_STORE, PASSWORD_FILE}) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw new IllegalArgumentException("--cluster-tls " + dir + " lacks " + file + " (a node's credentials are "
                        + KEY_STORE + ", " + TRUST_STORE + " and " + PASSWORD_FILE + "; make them with"
                        + " 'molscreen cluster-tls issue --ca CA_DIR --name NODE --out " + dir + "')");
            }
        }
        try {
            Path passwordFile = dir.resolve(PASSWORD_FILE);
            OwnerOnlyFiles.requireOwnerOnly(passwordFile);
            OwnerOnlyFiles.requireOwnerOnly(dir.resolve(KEY_STORE));
            char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
            NodeCredentials credentials = new NodeCredentials(dir.toAbsolutePath(), password);
            KeyStore keys = credentials.load(credentials.keyStore());
            if (!hasKey(keys)) {
                throw new IllegalArgumentException(credentials.keyStore() + " holds no private key");
            }
            KeyStore trusted = credentials.load(credentials.trustStore());
            if (Collections.list(aliases(trusted)).isEmpty()) {
                throw new IllegalArgumentException(credentials.trustStore() + " holds no CA certificate to trust");
            }
            return credentials;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the node credentials in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasKey(KeyStore store) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static java.util.Enumeration<String> aliases(KeyStore store) {
        try {
            return store.aliases();
        } catch (GeneralSecurityException e) {
            return Collections.emptyEnumeration();
        }
    }

    private KeyStore load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open " + file + " with the password in " + dir.resolve(PASSWORD_FILE)
                    + ": " + e.getMessage(), e);
        }
    }

    /** Writes a new node's three files into {@code out}, refusing to replace any. */
    static NodeCredentials write(Path out, String name, PrivateKey key, X509Certificate certificate, X509Certificate authority)
            throws IOException, GeneralSecurityException {
        for (String file : new String[] {KEY_STORE, TRUST_STORE, PASSWORD_FILE}) {
            if (Files.exists(out.resolve(file))) {
                throw new IllegalArgumentException("--out " + out + " already holds " + file + "; it is kept as it is"
                        + " (issue into an empty directory)");
            }
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(KEY_ALIAS, key, password, new Certificate[] {certificate, authority});
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("cluster-ca", authority);
        OwnerOnlyFiles.directory(out);
        OwnerOnlyFiles.write(out.resolve(PASSWORD_FILE), (new String(password) + "\n").getBytes(StandardCharsets.UTF_8));
        OwnerOnlyFiles.write(out.resolve(KEY_STORE), bytes(keys, password));
        Files.write(out.resolve(TRUST_STORE), bytes(trusted, password));
        Files.write(out.resolve("node.crt"), ClusterAuthority.pem(certificate)); // for openssl x509 -text; not read back
        return new NodeCredentials(out.toAbsolutePath(), password);
    }

    private static byte[] bytes(KeyStore store, char[] password) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "NodeCredentials[" + dir + "]"; // never the password
    }
}
