package dev.parallax.plugin.threshold.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.image.TileThresholdParams;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad images and parameters are refused before any pixel is touched, with messages naming the value and rule. */
class KernelErrorsTest {
    private static final List<Kernels> KERNELS = AprilTagCompatibilityTest.kernels();

    @Test
    void destinationOfAnotherSize_isRejectedNamingBothSizes() {
        for (Kernels k : KERNELS) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> k.tile().threshold(Gray8.allocate(8, 8), Gray8.allocate(8, 9), TileThresholdParams.APRILTAG));
            assertEquals(
                    "Tile threshold: the destination is 8x9 but the source is 8x8; they must be the same size",
                    e.getMessage());
            e = assertThrows(
                    IllegalArgumentException.class,
                    () -> k.decimate().decimate2(Gray8.allocate(7, 5), Gray8.allocate(3, 3)));
            assertEquals("Decimate: the destination is 3x3 but decimating a 7x5 source by 2 gives 4x3", e.getMessage());
        }
    }

    @Test
    void overlappingOrReadOnlyDestination_isRejected() {
        byte[] shared = new byte[200];
        Gray8 src = Gray8.wrap(shared, 0, 10, 10, 10);
        Gray8 overlapping = Gray8.wrap(shared, 50, 10, 10, 10);
        Gray8 readOnly = new Gray8(MemorySegment.ofArray(new byte[100]).asReadOnly(), 10, 10, 10);
        for (Kernels k : KERNELS) {
            MeanThresholdParams params = new MeanThresholdParams(3, 0);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> k.mean().threshold(src, overlapping, params));
            assertTrue(e.getMessage().contains("overlaps the source"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> k.mean().threshold(src, readOnly, params));
            assertTrue(e.getMessage().endsWith("is read-only"), e.getMessage());
        }
    }

    @Test
    void badParameters_areRejectedNamingTheValue() {
        assertEquals(
                "block-size must be odd and between 3 and 1023: 4",
                assertThrows(IllegalArgumentException.class, () -> new MeanThresholdParams(4, 0))
                        .getMessage());
        assertEquals(
                "tile-size must be between 1 and 64: 0",
                assertThrows(IllegalArgumentException.class, () -> new TileThresholdParams(0, 5))
                        .getMessage());
        assertEquals(
                "min-white-black-diff must be between 0 and 255: 256",
                assertThrows(IllegalArgumentException.class, () -> new TileThresholdParams(4, 256))
                        .getMessage());
        assertEquals(4, new MeanThresholdParams(3, 3.2).delta(), "OpenCV takes ceil(c)");
    }
}
