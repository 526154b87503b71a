package dev.parallax.core.internal.deploy;

import dev.parallax.api.deploy.DeployFolder;
import dev.parallax.api.deploy.Deployment;
import dev.parallax.api.deploy.Deployment.State;
import dev.parallax.api.plugin.Diagnostics;
import dev.parallax.api.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The deploy folder: a file watcher (inotify on Linux, through {@link WatchService}) that deploys a jar once it has
 * stayed unchanged for the settle time and reads as a complete bundle.
 *
 * <p>Active only when configured (PID {@code dev.parallax.deploy}), so that a framework embedding Parallax gets no
 * folder it did not ask for. Activation deploys what the folder already holds and removes what left it; the
 * service appears after that.
 */
@Component(configurationPid = DeployFolderImpl.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = DeployFolderImpl.Config.class)
public final class DeployFolderImpl implements DeployFolder {
    static final String PID = "dev.parallax.deploy";

    private static final System.Logger LOG = System.getLogger(DeployFolderImpl.class.getName());

    /** The deploy folder's settings. */
    @ObjectClassDefinition(
            id = PID,
            name = "Parallax deploy folder",
            description =
                    "A folder of plugin jars kept deployed: drop to install, replace to update, delete to uninstall.")
    public @interface Config {
        @AttributeDefinition(name = "Directory", description = "The folder watched for plugin jars.")
        String directory() default "deploy";

        @AttributeDefinition(
                name = "Trust",
                description = "Which jars may be installed: none (any bundle), signed (signed by a certificate in the"
                        + " keystore), digest (SHA-256 on the allow-list) or signed-or-digest.",
                options = {
                    @Option(label = "any bundle", value = "none"),
                    @Option(label = "signed by the keystore", value = "signed"),
                    @Option(label = "on the allow-list", value = "digest"),
                    @Option(label = "signed or on the allow-list", value = "signed-or-digest")
                })
        String trust() default "none";

        @AttributeDefinition(
                name = "Keystore",
                description = "Keystore (PKCS12 or JKS) with the certificates that sign trusted jars.",
                required = false)
        String keystore() default "";

        @AttributeDefinition(
                name = "Keystore password",
                description = "Password of the keystore, if it has one. A private property (.password): it is never"
                        + " shown as a service property.",
                type = AttributeType.PASSWORD,
                required = false)
        String _password() default "";

        @AttributeDefinition(
                name = "Allow-list",
                description = "File of trusted SHA-256 digests, one per line, as sha256sum writes them.",
                required = false)
        String allowlist() default "";

        @AttributeDefinition(
                name = "Settle time",
                description = "Milliseconds a file must stay unchanged before it is deployed.",
                min = "0")
        long settle() default 50;
    }

    private final Path directory;
    private final TrustPolicy trust;
    private final long settleNanos;
    private final Deployer deployer;
    private final WatchService watcher;
    private final Thread thread;
    private final Map<String, Deployment> deployments = new ConcurrentSkipListMap<>();

    @Activate
    public DeployFolderImpl(
            BundleContext context,
            Config config,
            @Reference PluginRegistry registry,
            @Reference Diagnostics diagnostics)
            throws IOException {
        this.directory = Path.of(config.directory()).toAbsolutePath().normalize();
        this.trust = TrustPolicy.of(config.trust(), config.keystore(), config._password(), config.allowlist());
        if (config.settle() < 0) {
            throw new IllegalArgumentException("Deploy folder setting settle=" + config.settle()
                    + " is negative; it is in milliseconds, 0 or more");
        }
        this.settleNanos = TimeUnit.MILLISECONDS.toNanos(config.settle());
        Files.createDirectories(directory);
        this.deployer = new Deployer(context, registry, diagnostics);
        this.watcher = directory.getFileSystem().newWatchService();
        directory.register(
                watcher,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        LOG.log(Level.INFO, "Deploy folder {0}: installs {1}", directory, trust.describe());
        reconcile();
        this.thread = Thread.ofPlatform().name("parallax-deploy").daemon().start(this::watch);
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        watcher.close();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public List<Deployment> deployments() {
        return List.copyOf(deployments.values());
    }

    /** Deploys every jar in the folder and removes the bundles whose file is gone. */
    private void reconcile() throws IOException {
        List<String> present = jarsInFolder();
        for (String name : deployer.deployedFiles()) {
            if (!present.contains(name)) {
                removed(name);
            }
        }
        present.forEach(this::changed);
    }

    /** Waits for folder events; deploys each changed file once it has settled. */
    private void watch() {
        Map<String, Pending> pending = new HashMap<>();
        try {
            while (true) {
                WatchKey key = pending.isEmpty()
                        ? watcher.take()
                        : watcher.poll(Math.max(0, nextDue(pending) - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                            rescanInto(pending);
                        } else if (event.context() instanceof Path file && isJar(file.toString())) {
                            pending.put(
                                    file.toString(),
                                    new Pending(System.nanoTime() + settleNanos, stamp(file.toString())));
                        }
                    }
                    key.reset();
                }
                settle(pending);
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // deactivated
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.ERROR, "The deploy folder " + directory + " stopped watching: " + e.getMessage(), e);
        }
    }

    /** Handles every pending file whose settle time is over, unless it changed meanwhile. */
    private void settle(Map<String, Pending> pending) {
        long now = System.nanoTime();
        for (var entry : new ArrayList<>(pending.entrySet())) {
            Pending waiting = entry.getValue();
            if (waiting.due() - now > 0) {
                continue;
            }
            String name = entry.getKey();
            Stamp stamp = stamp(name);
            if (!stamp.equals(waiting.stamp())) {
                pending.put(name, new Pending(now + settleNanos, stamp)); // still being written
                continue;
            }
            pending.remove(name);
            if (stamp.exists()) {
                changed(name);
            } else {
                removed(name);
            }
        }
    }

    private void rescanInto(Map<String, Pending> pending) throws IOException {
        long due = System.nanoTime() + settleNanos;
        for (String name : jarsInFolder()) {
            pending.put(name, new Pending(due, stamp(name)));
        }
        for (String name : deployer.deployedFiles()) {
            pending.putIfAbsent(name, new Pending(due, stamp(name)));
        }
    }

    /** The names of the jars in the folder, sorted. */
    private List<String> jarsInFolder() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(DeployFolderImpl::isJar)
                    .sorted()
                    .toList();
        }
    }

    private void changed(String name) {
        changed(name, false);
    }

    /** Deploys a new or changed file; with {@code retry}, also a file whose last deployment failed. */
    private void changed(String name, boolean retry) {
        Path file = directory.resolve(name);
        String digest;
        try {
            digest = sha256(file);
        } catch (NoSuchFileException e) {
            removed(name);
            return;
        } catch (IOException e) {
            record(new Deployment(
                    name, State.REFUSED, -1, "", "", name + " could not be read: " + e.getMessage(), Instant.now()));
            return;
        }
        Deployment last = deployments.get(name);
        if (last != null && last.digest().equals(digest) && (last.state() != State.FAILED || !retry)) {
            return; // touched, not changed
        }
        try {
            JarInspector.Facts facts = JarInspector.inspect(file);
            trust.check(file, digest);
            Deployment deployment = deployer.deploy(name, file, digest, facts);
            record(deployment);
            if (deployment.state() == State.DEPLOYED) {
                retryFailed();
            }
        } catch (DeployRefusal refusal) {
            long running = last == null ? -1 : last.bundleId();
            String bundle = last == null ? "" : last.bundle();
            String keep = running < 0 ? "" : " The running " + bundle + " stays.";
            record(new Deployment(
                    name, State.REFUSED, running, bundle, digest, refusal.getMessage() + keep, Instant.now()));
        }
    }

    /** Tries the failed files again: the bundle just deployed may provide what they were missing. */
    private void retryFailed() {
        deployments.values().stream()
                .filter(deployment -> deployment.state() == State.FAILED)
                .map(Deployment::file)
                .toList()
                .forEach(failed -> changed(failed, true));
    }

    private void removed(String name) {
        String bundle = deployer.undeploy(name);
        deployments.remove(name);
        if (bundle != null) {
            LOG.log(Level.INFO, "Undeployed {0}: uninstalled {1}", name, bundle);
        }
    }

    private void record(Deployment deployment) {
        deployments.put(deployment.file(), deployment);
        LOG.log(deployment.state() == State.DEPLOYED ? Level.INFO : Level.WARNING, deployment.message());
    }

    private Stamp stamp(String name) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(directory.resolve(name), BasicFileAttributes.class);
            return new Stamp(
                    true, attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return new Stamp(false, -1, -1);
        }
    }

    private static long nextDue(Map<String, Pending> pending) {
        return pending.values().stream().mapToLong(Pending::due).min().orElseThrow();
    }

    /** A jar, and not a hidden or temporary file (editors and copy tools write those first). */
    private static boolean isJar(String name) {
        return name.endsWith(".jar") && !name.startsWith(".");
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** What a file looked like when last seen. */
    private record Stamp(boolean exists, long size, long modified) {}

    /** A file waiting for its settle time to pass. */
    private record Pending(long due, Stamp stamp) {}
}
