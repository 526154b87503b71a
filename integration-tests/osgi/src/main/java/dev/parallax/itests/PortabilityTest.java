package dev.parallax.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/** The platform bundles use only standard OSGi API, so any R8 framework can embed them. */
@ExtendWith(BundleContextExtension.class)
class PortabilityTest {
    /** The JDK's packages, the OSGi specifications' and Parallax's own: anything else is one framework's. */
    private static final Pattern STANDARD = Pattern.compile("(java|javax|jdk|org\\.osgi|dev\\.parallax)\\.");

    @InjectBundleContext
    BundleContext context;

    @Test
    void suite_runsInTheFrameworkItsRunFileNames() {
        String expected = context.getProperty("parallax.itest.framework");
        String vendor = context.getProperty(Constants.FRAMEWORK_VENDOR);
        switch (expected) {
            case "felix" -> assertEquals("Apache Software Foundation", vendor);
            case "equinox" -> assertEquals("Eclipse", vendor);
            default -> throw new AssertionError("Unknown framework in the run file: " + expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.parallax.api", "dev.parallax.core"})
    void platformBundle_isActiveAndWiredOnlyToStandardAndParallaxPackages(String symbolicName) {
        Bundle bundle = bundle(symbolicName);
        assertEquals(Bundle.ACTIVE, bundle.getState(), symbolicName + " is not active");
        List<String> foreign = new ArrayList<>();
        for (BundleWire wire : bundle.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            String name = (String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            if (!STANDARD.matcher(name).lookingAt()) {
                foreign.add(name);
            }
        }
        assertTrue(foreign.isEmpty(), symbolicName + " imports framework-specific packages: " + foreign);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("No bundle " + symbolicName);
    }
}
