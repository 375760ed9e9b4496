package org.molscreen.cluster.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A cluster's own certificate authority: {@value #KEY_FILE} (its private key, owner-only) and
 * {@value #CERTIFICATE_FILE} in one directory. It signs each node's certificate; a node trusts exactly this
 * authority, so only nodes it signed can join. Keys are EC P-256 (fast to make, short handshakes).
 */
public final class ClusterAuthority {

    public static final String KEY_FILE = "ca.key";
    public static final String CERTIFICATE_FILE = "ca.crt";
    static final Duration AUTHORITY_VALIDITY = Duration.ofDays(3650);
    static final Duration NODE_VALIDITY = Duration.ofDays(825);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final PrivateKey key;
    private final X509Certificate certificate;

    private ClusterAuthority(Path dir, PrivateKey key, X509Certificate certificate) {
        this.dir = dir;
        this.key = key;
        this.certificate = certificate;
    }

    /** Makes a new authority in {@code dir}; refuses a directory that already holds one. */
    public static ClusterAuthority create(Path dir) {
        Path keyFile = dir.resolve(KEY_FILE);
        if (Files.exists(keyFile)) {
            throw new IllegalArgumentException(dir + " already holds a cluster CA (" + keyFile + "); it is kept as it is:"
                    + " a new CA would lock out every node it signed");
        }
        try {
            KeyPair keys = newKeyPair();
            X500Name name = new X500Name("CN=molscreen cluster CA " + UUID.randomUUID());
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(AUTHORITY_VALIDITY)), name, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0)) // signs nodes, no sub-CAs
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys.getPrivate());
            OwnerOnlyFiles.directory(dir);
            OwnerOnlyFiles.write(keyFile, pem(new JcaPKCS8Generator(keys.getPrivate(), null))); // PKCS#8 "PRIVATE KEY", unencrypted: the file's permissions guard it
            Files.write(dir.resolve(CERTIFICATE_FILE), pem(certificate));
            return new ClusterAuthority(dir, keys.getPrivate(), certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cluster CA to " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a cluster CA: " + e, e);
        }
    }

    /** The authority in {@code dir}, as {@link #create} left it. */
    public static ClusterAuthority open(Path dir) {
        Path keyFile = dir.resolve(KEY_FILE);
        Path certificateFile = dir.resolve(CERTIFICATE_FILE);
        if (!Files.isRegularFile(keyFile) || !Files.isRegularFile(certificateFile)) {
            throw new IllegalArgumentException("--ca " + dir + " holds no cluster CA (" + KEY_FILE + " and " + CERTIFICATE_FILE
                    + "); make one with 'molscreen cluster-tls init --ca " + dir + "'");
        }
        try {
            OwnerOnlyFiles.requireOwnerOnly(keyFile);
            PrivateKey key;
            X509Certificate certificate;
            try (PEMParser keyPem = new PEMParser(new StringReader(Files.readString(keyFile)));
                 PEMParser certificatePem = new PEMParser(new StringReader(Files.readString(certificateFile)))) {
                Object keyObject = keyPem.readObject();
                PrivateKeyInfo keyInfo = keyObject instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : (PrivateKeyInfo) keyObject;
                key = new JcaPEMKeyConverter().getPrivateKey(keyInfo);
                certificate = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) certificatePem.readObject());
            }
            return new ClusterAuthority(dir, key, certificate);
        } catch (IOException | ClassCastException | NullPointerException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the cluster CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Issues node {@code name}'s credentials into {@code out}: a certificate signed by this authority for both
     * ends of a connection (every node is server and client to the others), with the authority as the only
     * trusted one.
     */
    public NodeCredentials issue(String name, Path out) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new IllegalArgumentException("--name " + name + ": a node name is letters, digits, '.', '_' or '-' (at most 63)");
        }
        try {
            KeyPair keys = newKeyPair();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(NODE_VALIDITY)),
                    new X500Name("CN=" + name), keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, name)))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate nodeCertificate = sign(builder, key);
            return NodeCredentials.write(out, name, keys.getPrivate(), nodeCertificate, certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot issue credentials for node " + name + ": " + e, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Path dir() {
        return dir;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM); // positive, unguessable, well under the 20-byte limit
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    }

    static byte[] pem(Object value) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(value);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
