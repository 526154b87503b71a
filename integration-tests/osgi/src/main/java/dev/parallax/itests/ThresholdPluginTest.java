package dev.parallax.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.KernelProperties;
import dev.parallax.api.image.TileThreshold;
import dev.parallax.api.image.TileThresholdParams;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineState;
import dev.parallax.api.pipeline.Pipelines;
import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginProperties;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.PluginService;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The threshold plugin inside a real framework, with the Vector API module (felix, equinox) and without it
 * (felix-novector, as in an embedding framework that does not add the module): SIMD and scalar kernels are ranked
 * plugin services, the registry chooses SIMD where it exists, and both give the same bytes.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class ThresholdPluginTest {
    /** Whether this JVM has the Vector API module. */
    private static final boolean VECTOR =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    @InjectBundleContext
    BundleContext context;

    @InjectService
    PluginRegistry registry;

    @InjectService
    Pipelines pipelines;

    @Test
    void run_hasTheVectorModuleExactlyWhenItsRunFileSaysSo() {
        assertEquals(Boolean.parseBoolean(context.getProperty("parallax.itest.vector")), VECTOR);
    }

    @Test
    void tileKernels_areRankedPlugins_simdFirstOnlyWithTheVectorModule() {
        List<String> ids = registry.find(PluginQuery.capability(KernelProperties.TILE_THRESHOLD)).stream()
                .map(PluginInfo::id)
                .toList();
        assertEquals(
                VECTOR ? List.of("threshold.tile.simd", "threshold.tile.scalar") : List.of("threshold.tile.scalar"),
                ids);
    }

    @Test
    void chosenTileKernel_givesTheScalarKernelsBytes() {
        // 207 x 13: an odd width around the vector lengths, partial tiles at both edges; a diagonal gradient with a
        // dark block gives every tile some contrast and some tiles none (127).
        int width = 207;
        int height = 13;
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value = (x * 5 + y * 11) % 256;
                pixels[y * width + x] = (byte) (x > 60 && x < 90 ? 20 : x > 150 ? 200 : value);
            }
        }
        Gray8 image = Gray8.wrap(pixels, width, height);
        byte[] chosen = threshold(PluginQuery.capability(KernelProperties.TILE_THRESHOLD), image);
        byte[] scalar = threshold(PluginQuery.id("threshold.tile.scalar"), image);

        assertArrayEquals(scalar, chosen);
        boolean black = false;
        boolean white = false;
        boolean unknown = false;
        for (byte value : chosen) {
            black |= value == 0;
            white |= value == (byte) 255;
            unknown |= value == 127;
        }
        assertTrue(black && white && unknown, "the output has black, white and unknown pixels");
    }

    /**
     * What an operator gets by deploying a bundle with a faster tile kernel: a kernel service ranked above the
     * bundled ones (registered here from the test bundle, as that bundle's component would register it) is the one
     * the registry chooses and the one the {@code threshold} element then runs; unregistered, the bundled kernel
     * serves again.
     */
    @Test
    void higherRankedKernel_isChosen_byTheRegistryAndTheElement() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        try (PluginService<TileThreshold> scalar = registry.acquire(
                        PluginQuery.id("threshold.tile.scalar"), TileThreshold.class)
                .orElseThrow()) {
            TileThreshold counting = new TileThreshold() {
                @Override
                public void threshold(Gray8 src, Gray8 dst, TileThresholdParams params) {
                    calls.incrementAndGet();
                    scalar.get().threshold(src, dst, params);
                }

                @Override
                public KernelImpl impl() {
                    return KernelImpl.SCALAR;
                }
            };
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(PluginProperties.ID, "threshold.tile.deployed");
            properties.put(PluginProperties.CAPABILITY, KernelProperties.TILE_THRESHOLD);
            properties.put(PluginProperties.ABI, Abi.RANGE);
            properties.put(KernelProperties.IMPL, KernelImpl.SCALAR.propertyValue());
            properties.put(Constants.SERVICE_RANKING, KernelProperties.SIMD_RANKING + 1);
            ServiceRegistration<TileThreshold> deployed =
                    context.registerService(TileThreshold.class, counting, properties);
            try {
                assertEquals(
                        "threshold.tile.deployed",
                        registry.best(PluginQuery.capability(KernelProperties.TILE_THRESHOLD))
                                .orElseThrow()
                                .id());
                assertEquals(PipelineState.FINISHED, runThreshold());
                assertEquals(5, calls.get(), "the element ran the deployed kernel once per frame");
            } finally {
                deployed.unregister();
            }
            assertEquals(PipelineState.FINISHED, runThreshold());
            assertEquals(5, calls.get(), "after it left, the bundled kernel serves");
        }
    }

    private PipelineState runThreshold() throws InterruptedException {
        try (Pipeline pipeline = pipelines.parse(
                "testsrc num-buffers=5 format=gray8 width=64 height=48 pattern=ramp ! threshold method=tile ! fakesink")) {
            pipeline.start();
            return pipeline.await(Duration.ofSeconds(30));
        }
    }

    private byte[] threshold(PluginQuery query, Gray8 image) {
        Gray8 out = Gray8.allocate(image.width(), image.height());
        try (PluginService<TileThreshold> kernel =
                registry.acquire(query, TileThreshold.class).orElseThrow()) {
            kernel.get().threshold(image, out, TileThresholdParams.APRILTAG);
        }
        return out.toArray();
    }
}
