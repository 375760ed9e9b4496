package org.molscreen.api.cli;

import picocli.CommandLine;

/** Versions of molscreen and of the libraries whose versions matter for reproducing results. */
final class VersionProvider implements CommandLine.IVersionProvider {

    /**
     * A library's version from the pom.properties Maven put in its jar (the runnable jar keeps them, while its
     * single manifest carries only molscreen's version).
     */
    private static String versionOf(String group, String artifact) {
        try (java.io.InputStream in = VersionProvider.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) {
                return "(unknown)";
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown)");
        } catch (java.io.IOException e) {
            return "(unknown)";
        }
    }

    @Override
    public String[] getVersion() {
        String molscreen = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "molscreen " + (molscreen == null ? "(development build)" : molscreen),
            "CDK " + org.openscience.cdk.CDK.getVersion(),
            "Deeplearning4j " + versionOf("org.deeplearning4j", "deeplearning4j-nn"),
            "Apache Ignite " + org.molscreen.cluster.MolscreenNode.igniteVersion(),
            "Vert.x " + versionOf("io.vertx", "vertx-core"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
