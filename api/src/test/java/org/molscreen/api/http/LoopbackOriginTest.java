package org.molscreen.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.molscreen.api.service.ServiceLimits;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.NodeSettings;
import org.molscreen.testsupport.ClusterPorts;

/**
 * Without tokens the API answers only requests that name it by a loopback name and, from a browser, come
 * from its own page: a foreign web page cannot upload to it (cross-site simple POST) or read it after DNS
 * rebinding. Requests are written by hand, since Java's HttpClient will not send another Host header.
 */
class LoopbackOriginTest {

    private static final int DISCOVERY_PORT = ClusterPorts.discoveryRange();

    @TempDir
    static Path dir;

    private static MolscreenNode node;
    private static ApiServer server;

    @BeforeAll
    static void start() {
        node = MolscreenNode.start(NodeSettings.inMemory("loopback-origin", DISCOVERY_PORT));
        server = ApiServer.start(node, new ApiSettings("127.0.0.1", 0, null, ServiceLimits.defaults(), dir.resolve("uploads")));
    }

    @AfterAll
    static void stop() {
        server.close();
        node.close();
    }

    /** Status line and body of one HTTP/1.1 exchange with the given extra header lines. */
    private static String[] exchange(String method, String path, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n");
            if (method.equals("POST")) {
                request.append("Content-Type: text/plain\r\nContent-Length: 9\r\n\r\nCCO test\n");
            } else {
                request.append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String status = reply.substring(0, reply.indexOf("\r\n"));
            String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
            return new String[] {status, body};
        }
    }

    @Test
    void loopbackNamesOfThisServerAreAnswered() throws IOException {
        int port = server.port();
        for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port}) {
            assertThat(exchange("GET", "/api/v1/me", "Host: " + host)[0]).as(host).contains(" 200 ");
        }
        assertThat(exchange("GET", "/api/v1/me", "Host: 127.0.0.1:" + port, "Origin: http://127.0.0.1:" + port)[0]).contains(" 200 ");
        assertThat(exchange("GET", "/", "Host: localhost:" + port)[0]).as("the page itself").contains(" 200 ");
    }

    @Test
    void aRebindingHostOrAForeignOriginIsRefusedBeforeAnythingHappens() throws IOException {
        int port = server.port();
        String[] rebound = exchange("GET", "/api/v1/jobs", "Host: attacker.example:" + port);
        assertThat(rebound[0]).contains(" 403 ");
        JsonObject error = new JsonObject(rebound[1]);
        assertThat(error.getString("error")).isEqualTo("forbidden");
        assertThat(error.getString("message")).contains("--tokens").contains("attacker.example");
        assertThat(error.getJsonObject("details").getString("header")).isEqualTo("Host");

        // a cross-site "simple" POST: no preflight, so it would reach the upload route
        String[] upload = exchange("POST", "/api/v1/libraries?name=evil&format=smi", "Host: 127.0.0.1:" + port,
                "Origin: https://attacker.example");
        assertThat(upload[0]).contains(" 403 ");
        assertThat(new JsonObject(upload[1]).getJsonObject("details").getString("header")).isEqualTo("Origin");
        assertThat(exchange("GET", "/api/v1/libraries", "Host: 127.0.0.1:" + port)[1]).doesNotContain("evil");

        assertThat(exchange("GET", "/api/v1/me", "Host: 127.0.0.1:1")[0]).as("another port").contains(" 403 ");
        assertThat(exchange("GET", "/api/v1/me", "Host: 127.0.0.1:" + port, "Origin: null")[0]).as("a sandboxed page").contains(" 403 ");
        assertThat(exchange("GET", "/api/v1/me")[0]).as("no Host at all").contains(" 40");
    }

    @Test
    void hostAndOriginParsing() {
        assertThat(LoopbackOrigin.isThisServer("[::1]:8080", 8080)).isTrue();
        assertThat(LoopbackOrigin.isThisServer("127.0.0.1", 80)).isTrue();
        assertThat(LoopbackOrigin.isThisServer("127.0.0.1", 8080)).isFalse();
        assertThat(LoopbackOrigin.isThisServer("127.0.0.1:x", 8080)).isFalse();
        assertThat(LoopbackOrigin.isThisServer("127.0.0.2:8080", 8080)).isFalse();
        assertThat(LoopbackOrigin.isThisServerOrigin("http://localhost:8080", 8080)).isTrue();
        assertThat(LoopbackOrigin.isThisServerOrigin("https://localhost:8080", 8080)).isFalse();
        assertThat(LoopbackOrigin.isThisServerOrigin("http://localhost.attacker.example:8080", 8080)).isFalse();
    }
}
