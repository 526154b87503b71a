package dev.parallax.core.internal.deploy;

import dev.parallax.api.deploy.Deployment;
import dev.parallax.api.deploy.Deployment.State;
import dev.parallax.api.plugin.Diagnostics;
import dev.parallax.api.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs, replaces and removes the bundles of the deploy folder, one file at a time, on one thread.
 *
 * <p>A replacement is installed beside the running version, resolved and started, and only then does the old one
 * go: a new version that does not resolve, does not start or whose plugins are rejected is removed again and the old
 * one never stopped. Where the framework refuses two bundles with the same name and version side by side, the bundle
 * is updated in place and, on failure, put back to the last good copy.
 */
final class Deployer {
    /** Bundle locations of the deploy folder start with this, followed by the file name and a generation. */
    static final String LOCATION = "parallax:deploy/";

    private final BundleContext context;
    private final PluginRegistry registry;
    private final Diagnostics diagnostics;
    private final Path copies;
    private final Map<String, Bundle> current = new HashMap<>();
    private long generation = System.currentTimeMillis();

    Deployer(BundleContext context, PluginRegistry registry, Diagnostics diagnostics) throws IOException {
        this.context = context;
        this.registry = registry;
        this.diagnostics = diagnostics;
        this.copies = context.getDataFile("deployed").toPath();
        Files.createDirectories(copies);
        adoptInstalled();
    }

    /** The file names that have a bundle installed. */
    Collection<String> deployedFiles() {
        return List.copyOf(current.keySet());
    }

    /** Deploys {@code file}, checked and trusted already, and says what became of it. */
    Deployment deploy(String name, Path file, String digest, JarInspector.Facts facts) {
        Bundle previous = current.get(name);
        Bundle fresh;
        try (InputStream in = Files.newInputStream(file)) {
            fresh = context.installBundle(LOCATION + name + "#" + (++generation), in);
        } catch (BundleException e) {
            if (previous != null && e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
                return updateInPlace(name, file, digest, previous);
            }
            return outcome(name, State.FAILED, previous, digest, name + " could not be installed: " + e.getMessage());
        } catch (IOException e) {
            return outcome(name, State.FAILED, previous, digest, name + " could not be read: " + e.getMessage());
        }
        String problem = start(fresh);
        if (problem != null) {
            uninstall(fresh);
            return outcome(name, State.FAILED, previous, digest, problem + keeping(previous));
        }
        if (previous != null) {
            uninstall(previous);
        }
        current.put(name, fresh);
        keepCopy(name, file);
        return outcome(
                name,
                State.DEPLOYED,
                fresh,
                digest,
                "Deployed " + name + " as " + facts.bundle() + replacing(previous));
    }

    /** Uninstalls the bundle of a file that left the folder; returns what was removed, or {@code null}. */
    String undeploy(String name) {
        Bundle bundle = current.remove(name);
        if (bundle == null) {
            return null;
        }
        String what = bundle.getSymbolicName() + " " + bundle.getVersion();
        uninstall(bundle);
        try {
            Files.deleteIfExists(copies.resolve(name));
        } catch (IOException e) {
            // only a stale copy: the next deployment of this name overwrites it
        }
        return what;
    }

    private Deployment updateInPlace(String name, Path file, String digest, Bundle bundle) {
        try (InputStream in = Files.newInputStream(file)) {
            bundle.update(in);
        } catch (BundleException | IOException e) {
            return outcome(
                    name,
                    State.FAILED,
                    bundle,
                    digest,
                    name + " could not replace " + bundle.getSymbolicName() + ": " + e.getMessage() + keeping(bundle));
        }
        refresh(List.of(bundle));
        String problem = start(bundle);
        if (problem == null) {
            keepCopy(name, file);
            return outcome(name, State.DEPLOYED, bundle, digest, "Deployed " + name + " (updated in place)");
        }
        try (InputStream in = Files.newInputStream(copies.resolve(name))) {
            bundle.update(in);
            refresh(List.of(bundle));
            bundle.start();
            return outcome(name, State.FAILED, bundle, digest, problem + " The last good version was put back.");
        } catch (BundleException | IOException e) {
            return outcome(
                    name,
                    State.FAILED,
                    null,
                    digest,
                    problem + " The last good version could not be put back: " + e.getMessage());
        }
    }

    /** Resolves and starts a bundle; returns {@code null} if it and its plugins are fine, else the diagnosis. */
    private String start(Bundle bundle) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (!wiring.resolveBundles(List.of(bundle))) {
            return diagnostics.diagnose(bundle.getBundleId()).render();
        }
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            return "Bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " did not start: "
                    + e.getMessage();
        }
        boolean rejected =
                registry.rejections().stream().anyMatch(rejection -> rejection.bundleId() == bundle.getBundleId());
        return rejected ? diagnostics.diagnose(bundle.getBundleId()).render() : null;
    }

    private void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            // already gone
        }
        refresh(List.of(bundle));
    }

    /** Refreshes {@code bundles} and what depends on them, and waits for the framework to finish. */
    private void refresh(Collection<Bundle> bundles) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void keepCopy(String name, Path file) {
        try {
            Files.copy(file, copies.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.getLogger(Deployer.class.getName())
                    .log(System.Logger.Level.WARNING, "No last-good copy of " + name + " kept: " + e.getMessage());
        }
    }

    /** Takes over the bundles a previous run of the folder installed, keeping the newest per file. */
    private void adoptInstalled() {
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            if (!location.startsWith(LOCATION)) {
                continue;
            }
            String name = location.substring(LOCATION.length(), location.lastIndexOf('#'));
            Bundle other = current.get(name);
            if (other == null || other.getBundleId() < bundle.getBundleId()) {
                current.put(name, bundle);
                if (other != null) {
                    uninstall(other);
                }
            } else {
                uninstall(bundle);
            }
        }
    }

    private static String keeping(Bundle previous) {
        return previous == null
                ? ""
                : " The running " + previous.getSymbolicName() + " " + previous.getVersion() + " stays.";
    }

    private static String replacing(Bundle previous) {
        return previous == null ? "" : ", replacing " + previous.getSymbolicName() + " " + previous.getVersion();
    }

    private static Deployment outcome(String name, State state, Bundle bundle, String digest, String message) {
        return new Deployment(
                name,
                state,
                bundle == null ? -1 : bundle.getBundleId(),
                bundle == null ? "" : bundle.getSymbolicName() + " " + bundle.getVersion(),
                digest,
                message,
                Instant.now());
    }
}
