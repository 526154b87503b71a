package dev.parallax.plugin.threshold.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parallax.api.image.Gray8;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** The image type checks its geometry once, at creation, and is a zero-copy view of heap or native memory. */
class Gray8ValidationTest {

    @Test
    void rowsBeyondTheSegment_areRejectedNamingSizes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Gray8(MemorySegment.ofArray(new byte[100]), 10, 10, 11));
        assertEquals("Gray8 10x10 with stride 11 spans 109 bytes, but its segment holds only 100", e.getMessage());
    }

    @Test
    void strideBelowWidth_isRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Gray8.wrap(new byte[100], 0, 10, 5, 9));
        assertEquals("Gray8 stride 9 is less than its width 10: each row must fit in the stride", e.getMessage());
    }

    @Test
    void nonPositiveSizesAndBadOffsets_areRejected() {
        assertEquals(
                "Gray8 width must be at least 1: 0",
                assertThrows(IllegalArgumentException.class, () -> Gray8.wrap(new byte[1], 0, 1))
                        .getMessage());
        assertEquals(
                "Gray8 offset 101 is outside the array of 100 bytes",
                assertThrows(IllegalArgumentException.class, () -> Gray8.wrap(new byte[100], 101, 1, 1, 1))
                        .getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> Gray8.allocate(3, 3).get(3, 0));
    }

    @Test
    void lastRowNeedsOnlyItsWidth_notAWholeStride() {
        Gray8 image = Gray8.wrap(new byte[2 * 16 + 10], 0, 10, 3, 16);
        assertEquals(42, image.byteSize());
    }

    @Test
    void wrapAndRegion_shareThePixels() {
        byte[] array = new byte[6 * 4];
        Gray8 image = Gray8.wrap(array, 6, 4);
        image.region(2, 1, 3, 2).set(1, 1, 200);
        assertEquals((byte) 200, array[2 * 6 + 3]);
        try (Arena arena = Arena.ofConfined()) {
            Gray8 native_ = Gray8.allocate(arena, 6, 4, 8);
            image.copyTo(native_);
            assertArrayEquals(array, native_.toArray());
        }
    }
}
