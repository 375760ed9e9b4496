package org.molscreen.engine.train;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The versions a model card records of the software that trained the model ({@code molscreen},
 * {@code cdk}, {@code deeplearning4j}, {@code java}, {@code os}), each read from what is on the class path
 * at run time, never written into the code, so a card cannot claim a library version it was not trained with.
 */
public final class SoftwareVersions {

    /** What a version reads when the library does not say (e.g. a jar rebuilt without Maven's metadata). */
    public static final String UNKNOWN = "unknown";

    private SoftwareVersions() {
    }

    /** The versions in the order a card lists them. */
    public static Map<String, String> current() {
        Map<String, String> versions = new LinkedHashMap<>();
        String molscreen = SoftwareVersions.class.getPackage().getImplementationVersion();
        versions.put("molscreen", molscreen == null ? "development" : molscreen);
        versions.put("cdk", org.openscience.cdk.CDK.getVersion());
        versions.put("deeplearning4j", ofArtifact(MultiLayerNetwork.class, "org.deeplearning4j", "deeplearning4j-nn"));
        versions.put("java", System.getProperty("java.version"));
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return versions;
    }

    /**
     * A library's version from the {@code pom.properties} Maven puts in its jar (DL4J's manifest carries no
     * Implementation-Version; the runnable jar keeps every {@code pom.properties}), falling back on the
     * manifest's Implementation-Version, then {@link #UNKNOWN}.
     *
     * @param fromJar a class of the library, whose class loader finds the file
     */
    public static String ofArtifact(Class<?> fromJar, String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = fromJar.getResourceAsStream(resource)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version.strip();
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String manifest = fromJar.getPackage() == null ? null : fromJar.getPackage().getImplementationVersion();
        return manifest == null ? UNKNOWN : manifest;
    }
}
