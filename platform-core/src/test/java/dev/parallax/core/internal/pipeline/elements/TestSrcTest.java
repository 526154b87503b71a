package dev.parallax.core.internal.pipeline.elements;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.Source;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestSrcTest {
    private final MemoryService memory = Harness.memory();
    private final Harness.Recorder output = new Harness.Recorder();
    private Source source;

    private Source start(Map<String, ?> properties) throws Exception {
        source = (Source) new TestSrcFactory().create(Harness.properties(TestSrcFactory.DESCRIPTION, properties));
        source.start(Harness.context("testsrc0", memory));
        return source;
    }

    @AfterEach
    void stop() throws Exception {
        output.drain();
        if (source != null) {
            source.stop();
        }
    }

    @Test
    void counter_stampsSequenceNumbersIntoReusedSlots() throws Exception {
        // two slots for five buffers: slots are reused, and each reuse must carry the new number
        start(Map.of("num-buffers", 5, "size", 16, "pattern", "counter", "pool-size", 2));
        for (long sequence = 0; sequence < 5; sequence++) {
            assertEquals(sequence < 4, source.produce(output));
            Buffer buffer = output.take();
            assertEquals(sequence, buffer.metadata().sequence());
            assertEquals(Format.BYTES, buffer.metadata().format());
            ByteBuffer bytes = ByteBuffer.wrap(buffer.segment().toArray(ValueLayout.JAVA_BYTE))
                    .order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(sequence, bytes.getLong(0));
            assertEquals(0, bytes.getLong(8));
            buffer.release();
        }
        assertFalse(source.produce(output));
        assertTrue(output.buffers.isEmpty());
    }

    @Test
    void counter_inABufferSmallerThanALong_keepsTheLowBytes() throws Exception {
        start(Map.of("size", 3, "pattern", "counter"));
        for (int i = 0; i < 0x10203; i++) {
            source.produce(output);
            output.take().release();
        }
        source.produce(output); // sequence 0x10203
        assertArrayEquals(new byte[] {3, 2, 1}, output.drain());
    }

    @Test
    void numBuffersZero_endsAtOnce() throws Exception {
        start(Map.of("num-buffers", 0));
        assertFalse(source.produce(output));
        assertTrue(output.buffers.isEmpty());
    }

    @Test
    void numBuffersMinusOne_neverEnds() throws Exception {
        start(Map.of("num-buffers", -1, "pool-size", 1));
        for (int i = 0; i < 1000; i++) {
            assertTrue(source.produce(output));
            output.take().release();
        }
    }

    @Test
    void gray8Ramp_isXPlusYModulo256WithStrideWidth() throws Exception {
        // 300 columns: rows longer than 256 wrap; 5 rows: each row starts one higher
        start(Map.of("format", "gray8", "width", 300, "height", 5, "pattern", "ramp"));
        assertEquals(
                List.of(new Format("gray8", Map.of("width", "300", "height", "5", "stride", "300"))),
                source.negotiate(List.of(), 1));
        source.produce(output);
        Buffer image = output.take();
        assertEquals(
                new Format("gray8", Map.of("width", "300", "height", "5", "stride", "300")),
                image.metadata().format());
        byte[] expected = new byte[300 * 5];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 300; x++) {
                expected[y * 300 + x] = (byte) (x + y);
            }
        }
        assertArrayEquals(expected, image.segment().toArray(ValueLayout.JAVA_BYTE));
        image.release();
    }

    @Test
    void bytesRamp_longerThanTheTable_continuesModulo256() throws Exception {
        // 70001 bytes: beyond the 64 KiB table, and not a multiple of 256
        start(Map.of("size", 70001, "pattern", "ramp", "pool-size", 1));
        source.produce(output);
        byte[] bytes = output.drain();
        for (int i = 0; i < bytes.length; i++) {
            assertEquals((byte) i, bytes[i], "byte " + i);
        }
    }

    @Test
    void random_isSplitMix64OfSeedAndSequence() throws Exception {
        // 20 bytes: two whole longs and a 4-byte tail from a third
        start(Map.of("size", 20, "pattern", "random", "seed", 42, "num-buffers", 3));
        for (long sequence = 0; sequence < 3; sequence++) {
            source.produce(output);
            // the JDK's SplittableRandom is SplitMix64: an independent reference
            SplittableRandom reference = new SplittableRandom(42 ^ (sequence * 0xD1B54A32D192ED03L));
            ByteBuffer expected = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            expected.putLong(reference.nextLong()).putLong(reference.nextLong()).putLong(reference.nextLong());
            assertArrayEquals(Arrays.copyOf(expected.array(), 20), output.drain());
        }
    }

    @Test
    void random_differsBySeed() throws Exception {
        start(Map.of("size", 64, "pattern", "random", "seed", 1));
        source.produce(output);
        byte[] one = output.drain();
        source.stop();
        start(Map.of("size", 64, "pattern", "random", "seed", 2));
        source.produce(output);
        assertNotEquals(Arrays.toString(one), Arrays.toString(output.drain()));
    }

    @Test
    void patternsWrittenOncePerSlot_keepWhatDownstreamWrote_unlessRefill() throws Exception {
        // one slot: the second buffer is the first one's slot again
        for (boolean refill : List.of(false, true)) {
            start(Map.of("size", 8, "pattern", "zero", "pool-size", 1, "refill", refill));
            source.produce(output);
            Buffer first = output.take();
            first.segment().fill((byte) 0x7F);
            first.release();
            source.produce(output);
            byte[] expected = new byte[8];
            Arrays.fill(expected, refill ? 0 : (byte) 0x7F);
            assertArrayEquals(expected, output.drain(), "refill=" + refill);
            source.stop();
            source = null;
        }
    }

    @Test
    void stop_closesThePool() throws Exception {
        start(Map.of("size", 8));
        source.produce(output);
        Buffer kept = output.take();
        source.stop();
        source = null;
        assertThrows(IllegalStateException.class, kept::segment);
        kept.release();
    }

    @Test
    void negotiate_refusesInputs() throws Exception {
        start(Map.of());
        assertThrows(IllegalArgumentException.class, () -> source.negotiate(List.of(Format.BYTES), 1));
        assertThrows(IllegalArgumentException.class, () -> source.negotiate(List.of(), 2));
    }
}
