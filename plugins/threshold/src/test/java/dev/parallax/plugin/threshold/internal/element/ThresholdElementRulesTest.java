package dev.parallax.plugin.threshold.internal.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import dev.parallax.api.image.TileThreshold;
import dev.parallax.api.image.TileThresholdParams;
import dev.parallax.api.pipeline.Element;
import dev.parallax.plugin.threshold.internal.kernels.Fixtures;
import dev.parallax.plugin.threshold.internal.kernels.Kernels;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The {@code threshold} element's formats, metadata, checks and messages, and which kernels it calls. */
class ThresholdElementRulesTest {
    private final ThresholdElementFactory factory = ThresholdRun.factory(Kernels.scalar());

    private Element create(Object... properties) {
        return factory.create(TestProperties.of(factory.description(), properties));
    }

    private static Format gray8(int width, int height, int stride) {
        return new Gray8Format(width, height, stride).format();
    }

    @Test
    void negotiate_packsTheOutput_andDecimateHalvesItRoundingUp() {
        assertEquals(List.of(gray8(13, 7, 13)), create().negotiate(List.of(gray8(13, 7, 20)), 1));
        assertEquals(List.of(gray8(7, 4, 7)), create("decimate", true).negotiate(List.of(gray8(13, 7, 20)), 1));
        assertEquals(List.of(gray8(1, 1, 1)), create("decimate", true).negotiate(List.of(gray8(1, 1, 5)), 1));
        assertTrue(factory.description().pads().getLast().caps().accepts(gray8(7, 4, 7)));
        assertTrue(factory.description().pads().getFirst().caps().accepts(gray8(13, 7, 20)));
    }

    @Test
    void evenBlockSize_isRefusedNamingOpenCvsRule() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> create("method", "mean", "block-size", 16));
        assertEquals(
                "Element 'threshold' property 'block-size' must be odd, as OpenCV's adaptiveThreshold requires (the"
                        + " window is centred on the pixel): 16",
                e.getMessage());
    }

    @Test
    void valuesOutsideTheDescribedRanges_areRefusedByTheDescription() {
        IllegalArgumentException tile = assertThrows(IllegalArgumentException.class, () -> create("tile-size", 65));
        assertEquals("Property 'tile-size' value 65 is out of range [1, 64]", tile.getMessage());
        IllegalArgumentException method =
                assertThrows(IllegalArgumentException.class, () -> create("method", "median"));
        assertEquals("Property 'method' value 'median' is not one of tile, mean", method.getMessage());
        assertThrows(IllegalArgumentException.class, () -> create("block-size", 1));
        assertThrows(IllegalArgumentException.class, () -> create("c", 256.0));
    }

    @Test
    void nonGray8OrIncompleteInputs_areRefusedNamingTheFormat() {
        Element element = create();
        assertEquals(
                "Element 'threshold' takes gray8 images, not bytes: put a decoder before it",
                assertThrows(IllegalArgumentException.class, () -> element.negotiate(List.of(Format.BYTES), 1))
                        .getMessage());
        Format noStride = Format.of("gray8").with("width", "4").with("height", "4");
        assertEquals(
                "Element 'threshold' needs gray8 with width, height and stride; gray8(height=4, width=4) has no stride",
                assertThrows(IllegalArgumentException.class, () -> element.negotiate(List.of(noStride), 1))
                        .getMessage());
        Format narrow = noStride.with("stride", "3");
        assertEquals(
                "Element 'threshold' cannot take gray8(height=4, stride=3, width=4): A gray8 image 4 pixels wide"
                        + " cannot have stride 3: each row must fit in the stride",
                assertThrows(IllegalArgumentException.class, () -> element.negotiate(List.of(narrow), 1))
                        .getMessage());
    }

    @Test
    void process_keepsSequenceAndTimes_stampsTheOutputFormat_andReleasesTheInput() throws Exception {
        Element element = create("decimate", true);
        Format in = gray8(9, 5, 12);
        Format out = element.negotiate(List.of(in), 1).getFirst();
        TestRuntime.Recording output = new TestRuntime.Recording();
        element.start(new TestRuntime.Context("threshold0", List.of(in), List.of(out)));
        try {
            // more frames than the pool has slots, each released by the next element: the slots come back
            for (int i = 0; i < 3 * ThresholdElement.POOL_SLOTS; i++) {
                Buffer buffer = TestRuntime.gray8(Fixtures.random(9, 5, i), 3, 40 + i);
                buffer.setMetadata(buffer.metadata().withTimes(1_000L * i, 1_000));
                element.process(0, buffer, output);
                assertTrue(buffer.isReleased(), "input released");
                try (Buffer result = output.only()) {
                    assertEquals(
                            Metadata.EMPTY
                                    .withSequence(40 + i)
                                    .withTimes(1_000L * i, 1_000)
                                    .withFormat(out),
                            result.metadata());
                    assertEquals(5 * 3, result.byteSize());
                }
            }
        } finally {
            element.stop();
        }
    }

    @Test
    void bufferSmallerThanItsFormat_isRefusedNamingBoth_andNothingIsPushed() throws Exception {
        Element element = create();
        Format in = gray8(10, 10, 11);
        Format out = element.negotiate(List.of(in), 1).getFirst();
        TestRuntime.Recording output = new TestRuntime.Recording();
        element.start(new TestRuntime.Context("threshold0", List.of(in), List.of(out)));
        try {
            Buffer small = TestRuntime.MEMORY.allocator(Backing.NATIVE).allocate(100);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> element.process(0, small, output));
            assertEquals(
                    "Element 'threshold0' got a buffer of 100 bytes for gray8(height=10, stride=11, width=10), which"
                            + " spans 109 bytes ((height - 1) * stride + width)",
                    e.getMessage());
            assertTrue(small.isReleased(), "input released");
            assertTrue(output.buffers.isEmpty(), "nothing pushed");
        } finally {
            element.stop();
        }
    }

    @Test
    void imageSmallerThanATile_isWarnedAboutAtStart() throws Exception {
        Element element = create("tile-size", 8, "decimate", true);
        Format in = gray8(13, 40, 13);
        Format out = element.negotiate(List.of(in), 1).getFirst();
        TestRuntime.Context context = new TestRuntime.Context("threshold0", List.of(in), List.of(out));
        element.start(context);
        element.stop();
        assertEquals(
                List.of("Element 'threshold0' thresholds 7x20 images, smaller than one 8x8 tile: every pixel becomes"
                        + " 127 (unknown); lower tile-size"),
                context.warnings);
        Element mean = create("method", "mean");
        mean.negotiate(List.of(in), 1);
        TestRuntime.Context quiet = new TestRuntime.Context("threshold1", List.of(in), List.of(out));
        mean.start(quiet);
        mean.stop();
        assertEquals(List.of(), quiet.warnings);
    }

    /** The element calls the kernel service it was given, once per buffer, and looks nothing up. */
    @Test
    void injectedKernel_isTheOneCalled_oncePerBuffer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TileThreshold scalar = Kernels.scalar().tile();
        TileThreshold counting = new TileThreshold() {
            @Override
            public void threshold(Gray8 src, Gray8 dst, TileThresholdParams params) {
                calls.incrementAndGet();
                scalar.threshold(src, dst, params);
            }

            @Override
            public KernelImpl impl() {
                return KernelImpl.SIMD;
            }
        };
        ThresholdElementFactory countingFactory = new ThresholdElementFactory(
                counting, Kernels.scalar().mean(), Kernels.scalar().decimate());
        assertEquals("threshold element factory (SIMD tile, SCALAR mean, SCALAR decimate)", countingFactory.toString());
        Element element = countingFactory.create(TestProperties.of(countingFactory.description()));
        Format in = gray8(16, 16, 16);
        Format out = element.negotiate(List.of(in), 1).getFirst();
        TestRuntime.Recording output = new TestRuntime.Recording();
        element.start(new TestRuntime.Context("threshold0", List.of(in), List.of(out)));
        try {
            for (int i = 0; i < 3; i++) {
                element.process(0, TestRuntime.gray8(Fixtures.random(16, 16, i), 0, i), output);
                output.only().release();
            }
        } finally {
            element.stop();
        }
        assertEquals(3, calls.get());
    }
}
