package org.molscreen.api.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.molscreen.cluster.tls.ClusterAuthority;
import org.molscreen.cluster.tls.NodeCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code molscreen cluster-tls init|issue}: a cluster's own CA and one set of credentials per node, for
 * {@code serve --cluster-tls} and {@code worker --cluster-tls}. No secret is ever taken on the command line:
 * the stores' password is generated and written to an owner-only file beside them.
 */
@Command(name = "cluster-tls", mixinStandardHelpOptions = true,
        description = "Credentials for mutual TLS between cluster nodes (serve/worker --cluster-tls).",
        subcommands = {ClusterTlsCommand.Init.class, ClusterTlsCommand.Issue.class})
final class ClusterTlsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the cluster's certificate authority in DIR: ca.key (owner-only; keep it off the nodes) and ca.crt.")
    static final class Init implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--ca", required = true, paramLabel = "DIR", description = "Directory for the CA (created; an existing CA is never replaced).")
        Path caDir;

        @Override
        public Integer call() {
            ClusterAuthority authority = ClusterAuthority.create(caDir);
            spec.commandLine().getOut().println("molscreen cluster-tls: created the cluster CA in " + caDir + " ("
                    + authority.certificate().getSubjectX500Principal().getName() + "); issue node credentials with"
                    + " 'molscreen cluster-tls issue --ca " + caDir + " --name NODE --out NODE_DIR'");
            return ExitCode.OK;
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Issue one node's credentials, signed by the CA: node.p12, trust.p12 and store-password (owner-only) in NODE_DIR.")
    static final class Issue implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--ca", required = true, paramLabel = "DIR", description = "The CA made by 'cluster-tls init'.")
        Path caDir;

        @Option(names = "--name", required = true, paramLabel = "NODE", description = "The node's name (its certificate's subject).")
        String name;

        @Option(names = "--out", required = true, paramLabel = "NODE_DIR", description = "Directory for the credentials (created; copy it to the node).")
        Path out;

        @Override
        public Integer call() {
            NodeCredentials credentials = ClusterAuthority.open(caDir).issue(name, out);
            spec.commandLine().getOut().println("molscreen cluster-tls: issued credentials for node '" + name + "' in " + credentials.dir()
                    + " (" + NodeCredentials.KEY_STORE + ", " + NodeCredentials.TRUST_STORE + ", " + NodeCredentials.PASSWORD_FILE
                    + "); start the node with --cluster-tls " + out);
            return ExitCode.OK;
        }
    }
}
