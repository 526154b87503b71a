/**
 * The deploy folder: drop a plugin jar into it and the runtime installs and starts it; replace it and the runtime
 * moves to the new version; delete it and the runtime uninstalls it. {@link dev.parallax.api.deploy.DeployFolder}
 * tells what became of each file.
 */
@Export
@Version("1.0.0")
package dev.parallax.api.deploy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
