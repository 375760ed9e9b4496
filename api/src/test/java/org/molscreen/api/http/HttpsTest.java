package org.molscreen.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.api.access.AccessTokens;
import org.molscreen.api.access.Caller;
import org.molscreen.api.access.Role;
import org.molscreen.api.cli.Main;
import org.molscreen.api.service.ServiceLimits;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.testsupport.ClusterPorts;

/**
 * The API over HTTPS with a self-signed certificate (PEM files as {@code serve --tls-cert/--tls-key} take
 * them), the browser-side headers on every response, {@code /depict} kept out of shared caches when a token
 * was used, and the refusals: a public {@code --host} without HTTPS, a tokens file others may write.
 */
class HttpsTest {

    private static final int DISCOVERY_PORT = ClusterPorts.discoveryRange();

    @TempDir
    static Path dir;

    private static MolscreenNode node;
    private static ApiServer server;
    private static HttpClient client;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        Path certificate = dir.resolve("api.crt");
        Path key = dir.resolve("api.key");
        selfSigned(certificate, key);
        Path tokens = dir.resolve("tokens");
        token = AccessTokens.issue(tokens, new Caller("ada", Role.CHEMIST));
        node = MolscreenNode.start(NodeSettings.inMemory("https", DISCOVERY_PORT), line -> { });
        server = ApiServer.start(node, new ApiSettings("127.0.0.1", 0, AccessTokens.read(tokens), ServiceLimits.defaults(),
                dir.resolve("uploads"), new ApiTls(certificate, key), false));
        // trusts exactly the self-signed certificate, as curl --cacert api.crt does
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("api", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        server.close();
        node.close();
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpsWithBrowserHeadersOnEveryResponse() throws Exception {
        for (String path : new String[] {"/api/v1/health", "/", "/app.js", "/api/v1/no-such-thing", "/api/v1/libraries"}) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(BrowserHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        assertThat(get("/api/v1/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/libraries", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/libraries", token).statusCode()).isEqualTo(200);
    }

    @Test
    void aDepictionAskedForWithATokenStaysOutOfSharedCaches() throws Exception {
        HttpResponse<String> withToken = get("/api/v1/depict?smiles=CCO", token);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
    }

    @Test
    void plainHttpBeyondLoopbackIsRefusedUnlessATlsProxyIsInFront() throws Exception {
        Path uploads = dir.resolve("refused-uploads");
        assertThatThrownBy(() -> new ApiSettings("192.0.2.1", 0, AccessTokens.none(), ServiceLimits.defaults(), uploads, null, false))
                .hasMessageContaining("--tls-cert").hasMessageContaining("--behind-tls-proxy");
        assertThat(new ApiSettings("192.0.2.1", 0, AccessTokens.none(), ServiceLimits.defaults(), uploads, null, true).scheme()).isEqualTo("http");

        Path tokens = dir.resolve("tokens");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"serve", "--in-memory", "--host", "192.0.2.1", "--port", "0", "--tokens", tokens.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--host 192.0.2.1 is not loopback: serve HTTPS with --tls-cert");

        Path open = dir.resolve("open-tokens");
        Files.copy(tokens, open);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-rw-rw-"));
        StringWriter err2 = new StringWriter();
        code = Main.execute(new String[] {"serve", "--in-memory", "--port", "0", "--tokens", open.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true));
        assertThat(code).isEqualTo(2);
        assertThat(err2.toString()).contains("--tokens " + open).contains("chmod 600");

        StringWriter err3 = new StringWriter();
        code = Main.execute(new String[] {"serve", "--in-memory", "--port", "0", "--tls-cert", dir.resolve("api.crt").toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err3, true));
        assertThat(code).isEqualTo(2);
        assertThat(err3.toString()).contains("--tls-cert FILE and --tls-key FILE");
    }

    /** A self-signed certificate for 127.0.0.1 and localhost with its key, both PEM. */
    static void selfSigned(Path certificate, Path key) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=localhost");
        long now = System.currentTimeMillis();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                new Date(now - 3_600_000), new Date(now + 86_400_000), name, keys.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        try (JcaPEMWriter out = new JcaPEMWriter(Files.newBufferedWriter(certificate))) {
            out.writeObject(cert);
        }
        try (JcaPEMWriter out = new JcaPEMWriter(Files.newBufferedWriter(key))) {
            out.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
        }
    }
}
