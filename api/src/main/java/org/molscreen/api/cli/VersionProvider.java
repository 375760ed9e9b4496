package org.molscreen.api.cli;

import picocli.CommandLine;

/** Versions of molscreen and of the libraries whose versions matter for reproducing results. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String molscreen = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "molscreen " + (molscreen == null ? "(development build)" : molscreen),
            "CDK " + org.openscience.cdk.CDK.getVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
