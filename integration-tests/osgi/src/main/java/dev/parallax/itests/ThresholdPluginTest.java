package dev.parallax.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelProperties;
import dev.parallax.api.image.TileThreshold;
import dev.parallax.api.image.TileThresholdParams;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.PluginService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
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

    private byte[] threshold(PluginQuery query, Gray8 image) {
        Gray8 out = Gray8.allocate(image.width(), image.height());
        try (PluginService<TileThreshold> kernel =
                registry.acquire(query, TileThreshold.class).orElseThrow()) {
            kernel.get().threshold(image, out, TileThresholdParams.APRILTAG);
        }
        return out.toArray();
    }
}
