package dev.parallax.launcher.internal;

import dev.parallax.api.plugin.Diagnosis;
import dev.parallax.api.plugin.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * {@code ./parallax diag <bundle>}: why a bundle does not resolve or why its plugins were rejected. The bundle is a
 * bundle id, a symbolic name, or a jar file, which is installed for the diagnosis and removed again.
 */
final class DiagCommand implements Command {
    private final BundleContext context;
    private final Diagnostics diagnostics;

    DiagCommand(BundleContext context, Diagnostics diagnostics) {
        this.context = context;
        this.diagnostics = diagnostics;
    }

    @Override
    public String name() {
        return "diag";
    }

    @Override
    public String arguments() {
        return "<bundle-id | symbolic-name | file.jar>";
    }

    @Override
    public String summary() {
        return "Diagnose a bundle: what it requires, what is available, what to change";
    }

    @Override
    public String help() {
        return """
                Diagnoses an installed bundle (by id or symbolic name) or a jar file not installed yet: it is
                installed into this process only, diagnosed and removed. Exits with 0 if nothing is wrong, 1 if
                something is.""";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        if (arguments.size() != 1) {
            throw new UsageException(
                    "diag takes one bundle id, symbolic name or jar file, got " + arguments.size() + " arguments.");
        }
        String target = arguments.getFirst();
        if (target.endsWith(".jar")) {
            return diagnoseJar(Path.of(target), out);
        }
        List<Bundle> bundles = find(target);
        if (bundles.isEmpty()) {
            out.println("No bundle '" + target + "': give a bundle id or symbolic name ('lb' in the shell lists them),"
                    + " or a path to a jar file.");
            return 1;
        }
        boolean healthy = true;
        for (Bundle bundle : bundles) {
            Diagnosis diagnosis = diagnostics.diagnose(bundle.getBundleId());
            out.println(diagnosis.render());
            healthy &= diagnosis.healthy();
        }
        return healthy ? 0 : 1;
    }

    private int diagnoseJar(Path jar, PrintStream out) {
        if (!Files.isRegularFile(jar)) {
            out.println("No file " + jar.toAbsolutePath() + ".");
            return 1;
        }
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = context.installBundle("parallax:diag/" + jar.toAbsolutePath(), in);
        } catch (BundleException | IOException e) {
            out.println(jar + " cannot be installed: " + e.getMessage());
            return 1;
        }
        try {
            FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
            if (wiring.resolveBundles(List.of(bundle))) {
                bundle.start();
            }
            Diagnosis diagnosis = diagnostics.diagnose(bundle.getBundleId());
            out.println(diagnosis.render());
            return diagnosis.healthy() ? 0 : 1;
        } catch (BundleException e) {
            out.println(jar + " resolves but does not start: " + e.getMessage());
            return 1;
        } finally {
            try {
                bundle.uninstall();
            } catch (BundleException e) {
                // this process ends soon; the framework forgets it then
            }
        }
    }

    private List<Bundle> find(String target) {
        List<Bundle> found = new ArrayList<>();
        if (target.chars().allMatch(Character::isDigit)) {
            Bundle bundle = context.getBundle(Long.parseLong(target));
            if (bundle != null) {
                found.add(bundle);
            }
            return found;
        }
        for (Bundle bundle : context.getBundles()) {
            if (target.equals(bundle.getSymbolicName())) {
                found.add(bundle);
            }
        }
        return found;
    }
}
