package dev.parallax.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Jar files for the deploy tests: fixtures written as a deploy tool would, variants of them, signed copies. */
final class Jars {
    private Jars() {}

    static byte[] fixture(String fixture) throws IOException {
        try (InputStream in = Fixtures.open(fixture)) {
            return in.readAllBytes();
        }
    }

    /** Writes {@code content} beside the target and renames it in, as careful deploy tools do: atomically. */
    static void drop(byte[] content, Path target) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The same bundle with one more resource: a rebuild of the same version with different bytes. */
    static byte[] withExtraEntry(byte[] jar, String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar));
                JarOutputStream out = new JarOutputStream(bytes, in.getManifest())) {
            for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                out.putNextEntry(new JarEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(name));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A jar with a manifest but no Bundle-SymbolicName: a plain library, not a bundle. */
    static byte[] plainJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new JarEntry("org/example/Library.txt"));
            out.write("not a bundle".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Makes a PKCS12 keystore with one self-signed key, with the JDK's keytool. */
    static void keystore(Path keystore, String alias, String password) throws IOException, InterruptedException {
        run(List.of(
                tool("keytool"),
                "-genkeypair",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                password,
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=" + alias + ", O=Parallax tests"));
    }

    /** Signs {@code jar} in place with the key {@code alias} of {@code keystore}, with the JDK's jarsigner. */
    static void sign(Path jar, Path keystore, String alias, String password) throws IOException, InterruptedException {
        run(List.of(
                tool("jarsigner"),
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                password,
                jar.toString(),
                alias));
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 2)) + " failed: " + output);
        }
    }
}
