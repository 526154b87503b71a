package dev.parallax.itests.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Instructions;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import java.io.File;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/**
 * The build-time ABI check. The plugin-api build runs bnd's baselining against the latest release in cnf/releases;
 * these tests run the same engine on the released jar changed the way a careless commit would change it, and show
 * that each change is caught unless the package version moves as bnd's rules demand.
 */
class ApiBaselineTest {
    private static final String PACKAGE = "dev.parallax.api.plugin";

    private static File latestRelease() throws Exception {
        Path releases = Path.of(System.getProperty("parallax.releases"), "dev", "parallax", "plugin-api");
        try (Stream<Path> versions = Files.list(releases)) {
            Path latest = versions.filter(Files::isDirectory)
                    .max(Comparator.comparing(
                            path -> Version.parseVersion(path.getFileName().toString())))
                    .orElseThrow();
            return latest.resolve("plugin-api-" + latest.getFileName() + ".jar").toFile();
        }
    }

    private static Info baseline(Jar newer, Jar older) throws Exception {
        try (Processor reporter = new Processor()) {
            Set<Info> infos =
                    new Baseline(reporter, new DiffPluginImpl()).baseline(newer, older, new Instructions("*"));
            return infos.stream()
                    .filter(info -> info.packageName.equals(PACKAGE))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** The released jar with one more abstract method on {@code type}, and the package at {@code version}. */
    private static Jar withAddedMethod(File released, String type, String version) throws Exception {
        Jar jar = new Jar(released);
        String path = PACKAGE.replace('.', '/') + "/" + type + ".class";
        byte[] original;
        try (InputStream in = jar.getResource(path).openInputStream()) {
            original = in.readAllBytes();
        }
        ClassFile classFile = ClassFile.of();
        byte[] changed = classFile.transformClass(
                classFile.parse(original),
                ClassTransform.endHandler(builder -> builder.withMethod(
                        "addedLater",
                        MethodTypeDesc.of(ConstantDescs.CD_void),
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_ABSTRACT,
                        method -> {})));
        jar.putResource(path, new EmbeddedResource(changed, 0L));
        Manifest manifest = jar.getManifest();
        manifest.getMainAttributes()
                .putValue("Export-Package", PACKAGE + ";version=\"" + version + "\";uses:=\"org.osgi.framework\"");
        jar.setManifest(manifest);
        return jar;
    }

    @Test
    void currentApi_isConsistentWithTheLatestRelease() throws Exception {
        try (Jar current = new Jar(new File(System.getProperty("parallax.api.jar")));
                Jar released = new Jar(latestRelease())) {
            Info info = baseline(current, released);
            assertFalse(info.mismatch, "current " + info.newerVersion + ", suggested " + info.suggestedVersion);
        }
    }

    @Test
    void methodAddedToConsumerType_withoutMajorBump_isRefused() throws Exception {
        File released = latestRelease();
        try (Jar changed = withAddedMethod(released, "PluginListener", "1.0.0");
                Jar original = new Jar(released)) {
            Info info = baseline(changed, original);
            assertTrue(info.mismatch, "adding a method to a @ConsumerType interface breaks every implementer");
            assertEquals(new aQute.bnd.version.Version(2, 0, 0), info.suggestedVersion);
        }
    }

    @Test
    void methodAddedToProviderType_withoutMinorBump_isRefused() throws Exception {
        File released = latestRelease();
        try (Jar changed = withAddedMethod(released, "PluginRegistry", "1.0.0");
                Jar original = new Jar(released)) {
            Info info = baseline(changed, original);
            assertTrue(info.mismatch, "adding a method to a @ProviderType interface breaks only providers");
            assertEquals(new aQute.bnd.version.Version(1, 1, 0), info.suggestedVersion);
        }
    }

    @Test
    void changeWithTheDemandedBump_isAccepted() throws Exception {
        File released = latestRelease();
        try (Jar consumerChange = withAddedMethod(released, "PluginListener", "2.0.0");
                Jar providerChange = withAddedMethod(released, "PluginRegistry", "1.1.0");
                Jar original = new Jar(released)) {
            assertFalse(baseline(consumerChange, original).mismatch);
            assertFalse(baseline(providerChange, original).mismatch);
        }
    }
}
