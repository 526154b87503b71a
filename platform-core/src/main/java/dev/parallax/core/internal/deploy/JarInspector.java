package dev.parallax.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

/**
 * Checks that a file is a complete jar and an OSGi bundle before anything is installed from it.
 *
 * <p>Every entry is read to the end: a jar still being written has no central directory yet, and a damaged one
 * fails its CRC check, so neither gets as far as the framework.
 */
final class JarInspector {
    /** What the manifest says about the bundle. */
    record Facts(String symbolicName, String version) {
        String bundle() {
            return symbolicName + " " + version;
        }
    }

    private JarInspector() {}

    static Facts inspect(Path file) throws DeployRefusal {
        String name = file.getFileName().toString();
        try (JarFile jar = new JarFile(file.toFile(), false)) {
            Manifest manifest = jar.getManifest();
            String symbolicName =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (symbolicName == null || symbolicName.isBlank()) {
                throw new DeployRefusal(name + " is a plain jar, not an OSGi bundle: its manifest has no"
                        + " Bundle-SymbolicName. Build it with bnd (see docs/writing-a-plugin.md).");
            }
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                try (InputStream in = jar.getInputStream(entries.nextElement())) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            String version = manifest.getMainAttributes().getValue("Bundle-Version");
            return new Facts(symbolicName.split(";", 2)[0].trim(), version == null ? "0.0.0" : version.trim());
        } catch (ZipException e) {
            throw new DeployRefusal(name + " is not a complete jar (still being written, or damaged): " + e.getMessage()
                    + ". It is deployed once it is complete; write it elsewhere and move it in.");
        } catch (IOException e) {
            throw new DeployRefusal(name + " could not be read: " + e.getMessage());
        }
    }
}
