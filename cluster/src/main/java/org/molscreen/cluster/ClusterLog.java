package org.molscreen.cluster;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ignite.IgniteLogger;

/**
 * The few things a node's admin must see, one line each: a connection the node refused (who, why) and, from
 * {@link MembershipLog}, every node that joined or left. Ignite's own output (hundreds of lines, most of them
 * advice for other set-ups) is dropped: this logger answers no to info and debug, and of warnings and errors
 * keeps only refused connections, rewritten into one line naming the remote address and the reason.
 */
final class ClusterLog implements IgniteLogger {

    static final String PREFIX = "molscreen cluster: ";
    private static final Pattern REMOTE = Pattern.compile("rmtAddr=([^,\\]\\s]+)");

    private final Consumer<String> sink;

    ClusterLog(Consumer<String> sink) {
        this.sink = sink;
    }

    void line(String text) {
        sink.accept(PREFIX + text);
    }

    @Override
    public void warning(String message, Throwable error) {
        refusal(message, error);
    }

    @Override
    public void error(String message, Throwable error) {
        refusal(message, error);
    }

    private void refusal(String message, Throwable error) {
        Matcher remote = REMOTE.matcher(String.valueOf(message));
        // only what a remote end did to this node; this node's own failure to start reaches its caller as an exception
        if (!remote.find() || String.valueOf(message).startsWith("Failed to shutdown socket")) {
            return;
        }
        String reason = tlsReason(message, error);
        if (reason != null) {
            line("refused a connection from " + remote.group(1) + ": " + reason);
        }
    }

    /**
     * Why a TLS handshake failed, in words, or null when the message is not about one. Ignite's discovery reports
     * a failed handshake without its cause ("missing SSL configuration on remote node?"): a peer without TLS and
     * a peer that refused this cluster's certificate (it trusts another CA) look the same from here.
     */
    static String tlsReason(String message, Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(message));
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(" | ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        String all = text.toString().toLowerCase(Locale.ROOT);
        if (all.contains("certificate_unknown") || all.contains("unable to find valid certification path")
                || all.contains("pkix path") || all.contains("bad_certificate") || all.contains("unknown_ca")) {
            return "its certificate is not signed by this cluster's CA (TLS handshake failed)";
        }
        if (all.contains("empty client certificate") || all.contains("certificate_required")) {
            return "it presented no certificate (TLS handshake failed)";
        }
        if (all.contains("unsupported or unrecognized ssl message") || all.contains("plaintext connection")) {
            return "it does not speak TLS (a node started without --cluster-tls?)";
        }
        if (all.contains("missing ssl configuration") || all.contains("missed ssl configuration")) {
            return "TLS handshake failed: it has no credentials from this cluster's CA, or no TLS at all";
        }
        if (all.contains("sslhandshakeexception") || all.contains("sslexception") || all.contains("ssl handshake")) {
            return "TLS handshake failed (" + String.valueOf(message).strip() + ")";
        }
        return null;
    }

    @Override
    public IgniteLogger getLogger(Object category) {
        return this;
    }

    @Override
    public void trace(String message) {
    }

    @Override
    public void debug(String message) {
    }

    @Override
    public void info(String message) {
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return false;
    }

    @Override
    public boolean isQuiet() {
        return true;
    }

    @Override
    public String fileName() {
        return null;
    }
}
