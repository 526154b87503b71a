package dev.parallax.itests.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.itests.launcher.Platform.Result;
import dev.parallax.itests.launcher.Platform.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The deploy folder of a running {@code ./parallax serve}, as an operator uses it, and across a restart. */
class HotDeployTest {
    @Test
    void addReplaceAndRemove_throughTheFolder() throws Exception {
        try (Platform platform = new Platform("hot")) {
            Server server = platform.serve();
            platform.drop("fixture-greeter-api.jar", "greeter-api.jar");
            server.await("Deployed greeter-api.jar as dev.parallax.itests.greeter");

            platform.drop("fixture-hello.jar", "hello.jar");
            server.await("Deployed hello.jar as dev.parallax.itests.hello 1.0.0");

            platform.drop("fixture-hello-next.jar", "hello.jar");
            server.await(
                    "Deployed hello.jar as dev.parallax.itests.hello 1.1.0, replacing dev.parallax.itests.hello 1.0.0");

            Files.delete(platform.deploy.resolve("hello.jar"));
            server.await("Undeployed hello.jar: uninstalled dev.parallax.itests.hello 1.1.0");
        }
    }

    @Test
    void partiallyWrittenJar_isDeployedOnlyOnceComplete() throws Exception {
        try (Platform platform = new Platform("partial")) {
            Server server = platform.serve();
            platform.drop("fixture-greeter-api.jar", "greeter-api.jar");
            server.await("Deployed greeter-api.jar");
            byte[] jar = Files.readAllBytes(Platform.FIXTURES.resolve("fixture-hello.jar"));
            Path target = platform.deploy.resolve("hello.jar");

            Files.write(target, Arrays.copyOf(jar, jar.length / 2));
            server.await("hello.jar is not a complete jar");
            Files.write(target, Arrays.copyOfRange(jar, jar.length / 2, jar.length), StandardOpenOption.APPEND);

            server.await("Deployed hello.jar as dev.parallax.itests.hello 1.0.0");
            assertEquals(1, server.count(Pattern.compile("Deployed hello\\.jar")), server.output());
        }
    }

    @Test
    void corruptReplacement_isRefused_andTheRunningVersionStays() throws Exception {
        try (Platform platform = new Platform("corrupt")) {
            Server server = platform.serve();
            platform.drop("fixture-greeter-api.jar", "greeter-api.jar");
            platform.drop("fixture-hello.jar", "hello.jar");
            server.await("Deployed hello.jar as dev.parallax.itests.hello 1.0.0");

            byte[] corrupt = Files.readAllBytes(Platform.FIXTURES.resolve("fixture-hello-next.jar"));
            Arrays.fill(corrupt, corrupt.length / 3, corrupt.length / 3 + 64, (byte) 0x5A);
            Path part = platform.deploy.resolve(".hello.jar.part");
            Files.write(part, corrupt);
            Files.move(part, platform.deploy.resolve("hello.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            String refused = server.await("hello.jar is not a complete jar");
            assertTrue(refused.endsWith("The running dev.parallax.itests.hello 1.0.0 stays."), refused);
            assertEquals(0, server.count(Pattern.compile("Undeployed")), server.output());
        }
    }

    @Test
    void unsignedJar_withTrustRequired_isRefusedWithTheReason() throws Exception {
        try (Platform platform = new Platform("trust")) {
            Path allowlist = platform.home.resolve("conf/allowed.sha256");
            Files.writeString(allowlist, "0".repeat(64) + "  some-other.jar\n");
            Files.writeString(
                    platform.home.resolve("conf/dev.parallax.deploy.cfg"),
                    "directory = ${parallax.home}/deploy\ntrust = signed-or-digest\n"
                            + "keystore = ${parallax.home}/conf/trusted.p12\n.password = changeit\n"
                            + "allowlist = ${parallax.home}/conf/allowed.sha256\n");
            Process keytool = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-keystore",
                            platform.home.resolve("conf/trusted.p12").toString(),
                            "-storetype",
                            "PKCS12",
                            "-storepass",
                            "changeit",
                            "-alias",
                            "operator",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=operator")
                    .inheritIO()
                    .start();
            assertEquals(0, keytool.waitFor());
            platform.drop("fixture-greeter-api.jar", "greeter-api.jar");

            Result result = platform.run("deploy");

            assertEquals(0, result.exit(), result.all());
            assertTrue(
                    Pattern.compile("^greeter-api\\.jar +REFUSED", Pattern.MULTILINE)
                            .matcher(result.out())
                            .find(),
                    result.all());
            assertTrue(result.out().contains("greeter-api.jar is not signed (entry "), result.all());
            assertTrue(result.out().contains("which is not on the allow-list"), result.all());
        }
    }

    @Test
    void restart_bringsBackWhatTheFolderHolds_onceEach() throws Exception {
        try (Platform platform = new Platform("restart")) {
            Server first = platform.serve();
            platform.drop("fixture-greeter-api.jar", "greeter-api.jar");
            platform.drop("fixture-hello.jar", "hello.jar");
            first.await("Deployed hello.jar as dev.parallax.itests.hello 1.0.0");
            first.stop();

            // While it is down, an operator replaces one jar and adds another.
            platform.drop("fixture-hello-next.jar", "hello.jar");
            Files.write(platform.deploy.resolve("notes.txt"), new byte[] {1});

            Server second = platform.serve();
            second.await("Deployed hello.jar as dev.parallax.itests.hello 1.1.0");
            assertEquals(1, second.count(Pattern.compile("Deployed greeter-api\\.jar")), second.output());
            assertEquals(1, second.count(Pattern.compile("Deployed hello\\.jar")), second.output());
            assertEquals(0, second.count(Pattern.compile("notes\\.txt")), second.output());

            String plugins = platform.run("plugins").out();
            assertEquals(
                    1,
                    Pattern.compile("^hello ", Pattern.MULTILINE)
                            .matcher(plugins)
                            .results()
                            .count(),
                    plugins);
            assertTrue(plugins.contains("1.1.0"), plugins);
        }
    }
}
