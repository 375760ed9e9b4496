package org.molscreen.api.cli;

import org.molscreen.engine.train.SoftwareVersions;
import picocli.CommandLine;

/** Versions of molscreen and of the libraries whose versions matter for reproducing results. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String molscreen = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "molscreen " + (molscreen == null ? "(development build)" : molscreen),
            "CDK " + org.openscience.cdk.CDK.getVersion(),
            "Deeplearning4j " + SoftwareVersions.ofArtifact(org.deeplearning4j.nn.multilayer.MultiLayerNetwork.class, "org.deeplearning4j", "deeplearning4j-nn"),
            "Apache Ignite " + org.molscreen.cluster.MolscreenNode.igniteVersion(),
            "Vert.x " + SoftwareVersions.ofArtifact(io.vertx.core.Vertx.class, "io.vertx", "vertx-core"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
