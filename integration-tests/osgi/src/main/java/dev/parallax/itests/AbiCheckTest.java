package dev.parallax.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.Diagnosis;
import dev.parallax.api.plugin.Diagnostics;
import dev.parallax.api.plugin.PluginEvent;
import dev.parallax.api.plugin.PluginEvent.Type;
import dev.parallax.api.plugin.PluginProperties;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.Rejection;
import dev.parallax.itests.greeter.Greeter;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The ABI is checked when the framework resolves a plugin and again when its service appears. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class AbiCheckTest {
    @InjectBundleContext
    BundleContext context;

    @InjectService
    PluginRegistry registry;

    @InjectService
    Diagnostics diagnostics;

    Fixtures fixtures;
    RecordingListener listener;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(context);
        listener = new RecordingListener(context);
    }

    @AfterEach
    void tearDown() throws Exception {
        listener.close();
        fixtures.close();
    }

    @Test
    void runtime_providesTheAbiCapability() {
        Bundle core = bundle("dev.parallax.core");
        List<BundleCapability> abi = core.adapt(BundleRevision.class).getDeclaredCapabilities(Abi.NAMESPACE);
        assertEquals(1, abi.size());
        assertEquals(
                Version.parseVersion(Abi.VERSION),
                abi.getFirst().getAttributes().get("version"));
        assertEquals(Version.parseVersion(Abi.VERSION), registry.abi());
    }

    @Test
    void abiMajorMismatch_isRefusedAtResolveTime_withDiagnosis() throws Exception {
        Bundle future = fixtures.install(Fixtures.ABI_NEXT);

        BundleException refused = assertThrows(BundleException.class, future::start);
        assertEquals(BundleException.RESOLVE_ERROR, refused.getType());
        assertEquals(Bundle.INSTALLED, future.getState());

        Diagnosis diagnosis = diagnostics.diagnose(future.getBundleId());
        assertEquals("INSTALLED", diagnosis.state());
        assertEquals(1, diagnosis.problems().size(), diagnosis.render());
        Diagnosis.Problem problem = diagnosis.problems().getFirst();
        assertEquals("Parallax ABI [2.0.0,3.0.0)", problem.requirement());
        assertTrue(problem.available().startsWith("Parallax ABI 1.0.0 from dev.parallax.core"), problem.available());
        assertTrue(problem.fix().startsWith("Rebuild the plugin against plugin-api 1.x"), problem.fix());
        String screen = diagnosis.render();
        assertTrue(screen.lines().count() <= 24, screen);
        assertTrue(screen.contains("dev.parallax.itests.abinext 2.0.0"), screen);
    }

    @Test
    void abiMajorMismatch_isRejectedAtRunTime_withReason() throws Exception {
        ServiceRegistration<Greeter> registration = register("future", "greeter", "[2.0.0,3.0.0)");
        try {
            PluginEvent event = listener.await(
                    "REJECTED future",
                    e -> e.type() == Type.REJECTED && e.rejection().pluginId().equals("future"));
            String message = event.rejection().message();
            assertTrue(message.startsWith("Plugin 'future' "), message);
            assertTrue(message.contains("was built for Parallax ABI [2.0.0,3.0.0)"), message);
            assertTrue(message.contains("but this runtime provides ABI 1.0.0"), message);
            assertTrue(message.contains("Fix: Rebuild the plugin against plugin-api 1.x"), message);

            assertTrue(registry.find(PluginQuery.id("future")).isEmpty());
            assertEquals(
                    List.of("future"),
                    registry.rejections().stream().map(Rejection::pluginId).toList());
            Diagnosis diagnosis = diagnostics.diagnose(context.getBundle().getBundleId());
            assertFalse(diagnosis.healthy());
            assertTrue(diagnosis.render().contains("was built for Parallax ABI [2.0.0,3.0.0)"), diagnosis.render());
        } finally {
            registration.unregister();
        }
        assertTrue(registry.rejections().isEmpty(), "a rejection goes away with its service");
    }

    @Test
    void badDeclarations_areRejectedNamingValueAndRule() throws Exception {
        ServiceRegistration<Greeter> noAbi = register("plain", "greeter", null);
        ServiceRegistration<Greeter> badId = register("Bad Id", "greeter", Abi.RANGE);
        ServiceRegistration<Greeter> badRange = register("ranged", "greeter", "one-ish");
        try {
            assertTrue(awaitRejection("plain").contains("declares no ABI range"));
            assertTrue(
                    awaitRejection("Bad Id").contains("Plugin id 'Bad Id'"),
                    registry.rejections().toString());
            assertTrue(awaitRejection("Bad Id").contains("use lowercase letters, digits"));
            assertTrue(awaitRejection("ranged")
                    .contains("declares ABI range 'one-ish', which is not an OSGi version range"));
            assertTrue(
                    registry.plugins().stream()
                            .noneMatch(p -> List.of("plain", "Bad Id", "ranged").contains(p.id())),
                    registry.plugins().toString());
        } finally {
            noAbi.unregister();
            badId.unregister();
            badRange.unregister();
        }
    }

    @Test
    void diagnosisOfUnknownBundle_namesTheId() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> diagnostics.diagnose(99_999));
        assertEquals("No bundle has id 99999: it was never installed or has been uninstalled", error.getMessage());
    }

    private String awaitRejection(String id) throws InterruptedException {
        return listener.await(
                        "REJECTED " + id,
                        e -> e.type() == Type.REJECTED
                                && e.rejection().pluginId().equals(id))
                .rejection()
                .message();
    }

    private ServiceRegistration<Greeter> register(String id, String capability, String abi) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PluginProperties.ID, id);
        properties.put(PluginProperties.CAPABILITY, capability);
        if (abi != null) {
            properties.put(PluginProperties.ABI, abi);
        }
        return context.registerService(Greeter.class, name -> "Hello, " + name, properties);
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
