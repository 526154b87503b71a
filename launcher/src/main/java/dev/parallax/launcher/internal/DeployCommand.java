package dev.parallax.launcher.internal;

import dev.parallax.api.deploy.DeployFolder;
import dev.parallax.api.deploy.Deployment;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/** {@code ./parallax deploy}: the deploy folder and what became of each jar in it. */
final class DeployCommand implements Command {
    private final Supplier<DeployFolder> folder;

    DeployCommand(Supplier<DeployFolder> folder) {
        this.folder = folder;
    }

    @Override
    public String name() {
        return "deploy";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "Show the deploy folder and what became of each jar in it";
    }

    @Override
    public String help() {
        return """
                Shows each jar of the deploy folder with its state: DEPLOYED, REFUSED (not a complete bundle, or not
                trusted) or FAILED (does not resolve or start, or its plugin was rejected), and the reason. Exits
                with 1 if the folder is not configured (conf/dev.parallax.deploy.cfg).""";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        if (!arguments.isEmpty()) {
            throw new UsageException("deploy takes no arguments, got " + arguments + ".");
        }
        DeployFolder deploy = folder.get();
        if (deploy == null) {
            out.println("No deploy folder: it is configured by conf/dev.parallax.deploy.cfg (directory = ...).");
            return 1;
        }
        out.println("Deploy folder " + deploy.directory());
        List<Deployment> deployments = deploy.deployments();
        if (deployments.isEmpty()) {
            out.println("No jar in it.");
            return 0;
        }
        Table table = new Table("FILE", "STATE", "BUNDLE", "SHA-256");
        for (Deployment deployment : deployments) {
            table.row(
                    deployment.file(),
                    deployment.state(),
                    deployment.bundleId() < 0 ? "-" : deployment.bundle() + " [" + deployment.bundleId() + "]",
                    deployment.digest().isEmpty() ? "-" : deployment.digest().substring(0, 12));
        }
        table.print(out);
        for (Deployment deployment : deployments) {
            if (deployment.state() != Deployment.State.DEPLOYED) {
                out.println();
                out.println(deployment.file() + ": " + deployment.message());
            }
        }
        return 0;
    }
}
