package dev.parallax.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parallax.api.deploy.DeployFolder;
import dev.parallax.api.deploy.Deployment;
import dev.parallax.api.deploy.Deployment.State;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.PluginService;
import dev.parallax.itests.greeter.Greeter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

/** The deploy folder: drop, replace and delete jars while the runtime runs; bad jars never hurt a good one. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class DeployFolderTest {
    private static final String LOCATION = "parallax:deploy/";

    @InjectBundleContext
    BundleContext context;

    @InjectService
    PluginRegistry registry;

    @InjectService
    ConfigurationAdmin configurationAdmin;

    Path folder;
    Configuration configuration;
    DeployFolder deploy;

    @BeforeEach
    void setUp() throws Exception {
        folder = Files.createTempDirectory("parallax-deploy");
        configure(Map.of());
    }

    @AfterEach
    void tearDown() throws Exception {
        unconfigure();
        for (Bundle bundle : deployedBundles()) {
            bundle.uninstall();
        }
        new Fixtures(context).refresh();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void droppedJar_isInstalledAndStarted() throws Exception {
        Jars.drop(Jars.fixture(Fixtures.HELLO), folder.resolve("hello.jar"));

        Deployment deployment = awaitDeployment("hello.jar", State.DEPLOYED);
        assertTrue(deployment.message().startsWith("Deployed hello.jar as dev.parallax.itests.hello 1.0.0"));
        assertEquals("Hello, Ada, from hello 1.0.0", greet());
        assertEquals(Bundle.ACTIVE, context.getBundle(deployment.bundleId()).getState());
    }

    @Test
    void replacedJar_movesToTheNewVersionAndRemovesTheOld() throws Exception {
        Jars.drop(Jars.fixture(Fixtures.HELLO), folder.resolve("hello.jar"));
        awaitChosen("1.0.0");
        Jars.drop(Jars.fixture(Fixtures.HELLO_NEXT), folder.resolve("hello.jar"));

        awaitChosen("1.1.0");
        await(
                "the old version to go",
                () -> registry.find(PluginQuery.id("hello")).size() == 1);
        // Its service goes as it stops; the bundle leaves the framework when its uninstall completes.
        await("one hello bundle", () -> deployedBundles().size() == 1);
        assertEquals("Hello, Ada, from hello 1.1.0", greet());
    }

    @Test
    void rebuiltJarOfTheSameVersion_replacesTheRunningOne() throws Exception {
        byte[] original = Jars.fixture(Fixtures.HELLO);
        Jars.drop(original, folder.resolve("hello.jar"));
        String firstDigest = awaitDeployment("hello.jar", State.DEPLOYED).digest();

        Jars.drop(Jars.withExtraEntry(original, "rebuilt.txt", "same version, new bytes"), folder.resolve("hello.jar"));

        await(
                "the rebuilt jar to be deployed",
                () -> deployment("hello.jar")
                        .filter(d -> d.state() == State.DEPLOYED && !d.digest().equals(firstDigest))
                        .isPresent());
        assertEquals(1, deployedBundles().size());
        assertTrue(deployedBundles().getFirst().getEntry("rebuilt.txt") != null, "the running bundle is the rebuild");
        assertEquals("Hello, Ada, from hello 1.0.0", greet());
    }

    @Test
    void deletedJar_isUninstalled() throws Exception {
        Jars.drop(Jars.fixture(Fixtures.HELLO), folder.resolve("hello.jar"));
        awaitChosen("1.0.0");

        Files.delete(folder.resolve("hello.jar"));

        await(
                "hello to be uninstalled",
                () -> registry.find(PluginQuery.id("hello")).isEmpty());
        await("the deployment to be forgotten", () -> deployment("hello.jar").isEmpty());
        assertTrue(deployedBundles().isEmpty());
    }

    @Test
    void jarStillBeingWritten_isNeverInstalled() throws Exception {
        byte[] jar = Jars.fixture(Fixtures.HELLO);
        Path target = folder.resolve("hello.jar");
        // A slow copy straight into the folder: half the bytes, a pause far longer than the settle time, the rest.
        Files.write(target, Arrays.copyOf(jar, jar.length / 2));
        Deployment partial = awaitDeployment("hello.jar", State.REFUSED);
        assertTrue(partial.message().contains("is not a complete jar"), partial.message());
        assertTrue(deployedBundles().isEmpty(), "nothing is installed from half a jar");

        Files.write(
                target, Arrays.copyOfRange(jar, jar.length / 2, jar.length), java.nio.file.StandardOpenOption.APPEND);

        awaitDeployment("hello.jar", State.DEPLOYED);
        assertEquals("Hello, Ada, from hello 1.0.0", greet());
    }

    @Test
    void corruptJar_whileAGoodVersionRuns_isRefusedAndTheGoodOneKeepsWorking() throws Exception {
        Jars.drop(Jars.fixture(Fixtures.HELLO), folder.resolve("hello.jar"));
        long running = awaitDeployment("hello.jar", State.DEPLOYED).bundleId();
        byte[] corrupt = Jars.fixture(Fixtures.HELLO_NEXT);
        Arrays.fill(corrupt, corrupt.length / 3, corrupt.length / 3 + 64, (byte) 0x5A);

        Jars.drop(corrupt, folder.resolve("hello.jar"));

        Deployment refused = awaitDeployment("hello.jar", State.REFUSED);
        assertTrue(refused.message().contains("The running dev.parallax.itests.hello 1.0.0 stays."), refused.message());
        assertEquals(running, refused.bundleId());
        assertEquals(Bundle.ACTIVE, context.getBundle(running).getState());
        assertEquals("Hello, Ada, from hello 1.0.0", greet());
    }

    @Test
    void plainJar_isRefusedAsNotABundle() throws Exception {
        Jars.drop(Jars.plainJar(), folder.resolve("library.jar"));

        Deployment refused = awaitDeployment("library.jar", State.REFUSED);
        assertEquals(
                "library.jar is a plain jar, not an OSGi bundle: its manifest has no Bundle-SymbolicName. Build it with"
                        + " bnd (see docs/writing-a-plugin.md).",
                refused.message());
        assertTrue(deployedBundles().isEmpty());
    }

    @Test
    void jarBuiltForAnotherAbi_failsWithDiagnosis_andThePreviousVersionKeepsWorking() throws Exception {
        Jars.drop(Jars.fixture(Fixtures.HELLO), folder.resolve("greeter.jar"));
        long running = awaitDeployment("greeter.jar", State.DEPLOYED).bundleId();

        Jars.drop(Jars.fixture(Fixtures.ABI_NEXT), folder.resolve("greeter.jar"));

        Deployment failed = awaitDeployment("greeter.jar", State.FAILED);
        String message = failed.message();
        assertTrue(message.contains("requires:  Parallax ABI [2.0.0,3.0.0)"), message);
        assertTrue(message.contains("available: Parallax ABI 1.0.0 from dev.parallax.core"), message);
        assertTrue(message.contains("The running dev.parallax.itests.hello 1.0.0 stays."), message);
        assertEquals(
                List.of(running),
                deployedBundles().stream().map(Bundle::getBundleId).toList());
        assertEquals("Hello, Ada, from hello 1.0.0", greet());
    }

    @Test
    void unsignedJar_withSignaturesRequired_isRefused_andASignedOneIsDeployed() throws Exception {
        Path keystore = folder.resolveSibling(folder.getFileName() + "-trusted.p12");
        Jars.keystore(keystore, "operator", "changeit");
        configure(Map.of("trust", "signed", "keystore", keystore.toString(), ".password", "changeit"));

        Jars.drop(Jars.fixture(Fixtures.HELLO), folder.resolve("hello.jar"));
        Deployment refused = awaitDeployment("hello.jar", State.REFUSED);
        assertTrue(refused.message().startsWith("hello.jar is not signed"), refused.message());
        assertTrue(deployedBundles().isEmpty());

        Path signed = folder.resolveSibling(folder.getFileName() + "-signed.jar");
        Files.write(signed, Jars.fixture(Fixtures.HELLO_NEXT));
        Jars.sign(signed, keystore, "operator", "changeit");
        Jars.drop(Files.readAllBytes(signed), folder.resolve("hello.jar"));
        awaitDeployment("hello.jar", State.DEPLOYED);
        assertEquals("Hello, Ada, from hello 1.1.0", greet());

        Files.delete(keystore);
        Files.delete(signed);
    }

    @Test
    void jarSignedByAnUntrustedKey_isRefusedNamingTheSigner() throws Exception {
        Path trusted = folder.resolveSibling(folder.getFileName() + "-trusted.p12");
        Path other = folder.resolveSibling(folder.getFileName() + "-other.p12");
        Jars.keystore(trusted, "operator", "changeit");
        Jars.keystore(other, "mallory", "changeit");
        configure(Map.of("trust", "signed", "keystore", trusted.toString(), ".password", "changeit"));
        Path signed = folder.resolveSibling(folder.getFileName() + "-signed.jar");
        Files.write(signed, Jars.fixture(Fixtures.HELLO));
        Jars.sign(signed, other, "mallory", "changeit");

        Jars.drop(Files.readAllBytes(signed), folder.resolve("hello.jar"));

        Deployment refused = awaitDeployment("hello.jar", State.REFUSED);
        assertTrue(refused.message().startsWith("hello.jar is signed by CN=mallory"), refused.message());
        assertTrue(refused.message().contains("which is not trusted by the keystore"), refused.message());
        for (Path file : List.of(trusted, other, signed)) {
            Files.delete(file);
        }
    }

    @Test
    void digestAllowList_admitsOnlyListedJars() throws Exception {
        byte[] hello = Jars.fixture(Fixtures.HELLO);
        Path allowlist = folder.resolveSibling(folder.getFileName() + "-allowed.sha256");
        String digest = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(hello));
        Files.writeString(allowlist, "# trusted plugin builds\n" + digest + "  hello.jar\n");
        configure(Map.of("trust", "digest", "allowlist", allowlist.toString()));

        Jars.drop(Jars.fixture(Fixtures.HELLO_NEXT), folder.resolve("next.jar"));
        Jars.drop(hello, folder.resolve("hello.jar"));

        awaitDeployment("hello.jar", State.DEPLOYED);
        Deployment refused = awaitDeployment("next.jar", State.REFUSED);
        assertTrue(refused.message().contains("which is not on the allow-list"), refused.message());
        assertEquals(1, deployedBundles().size());
        Files.delete(allowlist);
    }

    @Test
    void reactivation_keepsWhatIsDeployed_withoutDuplicates_andRemovesWhatLeft() throws Exception {
        Jars.drop(Jars.fixture(Fixtures.HELLO), folder.resolve("hello.jar"));
        Jars.drop(Jars.fixture(Fixtures.FAULTY), folder.resolve("faulty.jar"));
        awaitDeployment("hello.jar", State.DEPLOYED);
        awaitDeployment("faulty.jar", State.DEPLOYED);

        unconfigure(); // as if the platform stopped: the bundles stay installed
        Files.delete(folder.resolve("faulty.jar")); // and an operator removed a jar meanwhile
        configure(Map.of());

        assertEquals(
                List.of("hello.jar"),
                deploy.deployments().stream().map(Deployment::file).toList());
        assertEquals(1, deployedBundles().size(), "no duplicate install: " + deployedBundles());
        assertEquals("Hello, Ada, from hello 1.0.0", greet());
    }

    private void configure(Map<String, String> settings) throws Exception {
        unconfigure();
        Hashtable<String, Object> properties = new Hashtable<>(settings);
        properties.put("directory", folder.toString());
        properties.put("settle", "50");
        configuration = configurationAdmin.getConfiguration("dev.parallax.deploy", "?");
        configuration.update(properties);
        ServiceTracker<DeployFolder, DeployFolder> tracker = new ServiceTracker<>(context, DeployFolder.class, null);
        tracker.open();
        try {
            deploy = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
            assertTrue(deploy != null, "the deploy folder did not start");
            assertEquals(folder.toAbsolutePath(), deploy.directory());
        } finally {
            tracker.close();
        }
    }

    private void unconfigure() throws Exception {
        if (configuration == null) {
            return;
        }
        configuration.delete();
        configuration = null;
        await("the deploy folder to stop", () -> context.getServiceReference(DeployFolder.class) == null);
        deploy = null;
    }

    private List<Bundle> deployedBundles() {
        return Stream.of(context.getBundles())
                .filter(bundle -> bundle.getLocation().startsWith(LOCATION))
                .toList();
    }

    private java.util.Optional<Deployment> deployment(String file) {
        return deploy.deployments().stream().filter(d -> d.file().equals(file)).findFirst();
    }

    private Deployment awaitDeployment(String file, State state) throws InterruptedException {
        await(
                file + " to be " + state,
                () -> deployment(file).filter(d -> d.state() == state).isPresent());
        return deployment(file).orElseThrow();
    }

    private void awaitChosen(String version) throws InterruptedException {
        await(
                "hello " + version + " to be chosen",
                () -> registry.best(PluginQuery.id("hello"))
                        .filter(plugin -> plugin.version().toString().equals(version))
                        .isPresent());
    }

    private String greet() {
        try (PluginService<Greeter> greeter =
                registry.acquire(PluginQuery.id("hello"), Greeter.class).orElseThrow()) {
            return greeter.get().greet("Ada");
        }
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Waited 15 s for " + what + "; deployments: " + (deploy == null ? "none" : deploy.deployments()));
            }
            Thread.sleep(10);
        }
    }
}
