package dev.parallax.api.deploy;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The watched folder of plugin jars, and what became of each one.
 *
 * <p>The service appears once the files already in the folder have been deployed, so its presence means the
 * folder's plugins are in place.
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface DeployFolder {
    /** The folder watched. */
    Path directory();

    /** The last outcome for every jar file in the folder, by file name. */
    List<Deployment> deployments();
}
