package dev.parallax.core.internal.pipeline.elements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Allocator;
import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityTest {
    private final Allocator heap = Harness.memory().allocator(Backing.HEAP);
    private final Harness.Recorder output = new Harness.Recorder();

    private static Element identity(Map<String, ?> properties) {
        return new IdentityFactory().create(Harness.properties(IdentityFactory.DESCRIPTION, properties));
    }

    @Test
    void buffers_passThroughUnchangedInFormat() throws Exception {
        Element identity = identity(Map.of());
        Format gray = Format.of("gray8").with("width", "4");
        assertEquals(List.of(gray), identity.negotiate(List.of(gray), 1));
        Buffer buffer = heap.allocate(16);
        identity.process(0, buffer, output);
        assertSame(buffer, output.take());
        buffer.release();
    }

    @Test
    void errorAfter_throwsOnThatBufferAndLeavesItToTheRuntime() throws Exception {
        Element identity = identity(Map.of("error-after", 3));
        identity.process(0, heap.allocate(1), output);
        identity.process(0, heap.allocate(1), output);
        Buffer third = heap.allocate(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> identity.process(0, third, output));
        assertEquals("identity fails on buffer 3 as asked (error-after=3)", e.getMessage());
        assertFalse(third.isReleased());
        third.release();
        identity.process(0, heap.allocate(1), output);
        assertEquals(3, output.buffers.size(), "only the third failed");
        output.drain();
    }

    @Test
    void sleepTime_sleepsPerBuffer() throws Exception {
        Element identity = identity(Map.of("sleep-time", 2000));
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            identity.process(0, heap.allocate(1), output);
        }
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= 10_000_000, "5 x 2 ms took " + elapsed + " ns");
        output.drain();
    }

    @Test
    void dropProbability_dropsThatShareTheSameOnEveryRun() throws Exception {
        List<List<Long>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Element identity = identity(Map.of("drop-probability", 0.5));
            List<Buffer> sent = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                Buffer buffer = heap.allocate(1);
                buffer.setMetadata(buffer.metadata().withSequence(i));
                sent.add(buffer);
                identity.process(0, buffer, output);
            }
            for (Buffer buffer : sent) {
                assertTrue(buffer.isReleased() != output.buffers.contains(buffer), "dropped means released");
            }
            runs.add(output.buffers.stream().map(b -> b.metadata().sequence()).toList());
            output.drain();
        }
        // binomial(2000, 0.5): standard deviation 22, so 800 to 1200 is 9 deviations wide
        assertTrue(
                runs.get(0).size() > 800 && runs.get(0).size() < 1200,
                "kept " + runs.get(0).size());
        assertEquals(runs.get(0), runs.get(1));
    }

    @Test
    void dropProbabilityOne_dropsEverything() throws Exception {
        Element identity = identity(Map.of("drop-probability", 1.0));
        Buffer buffer = heap.allocate(1);
        identity.process(0, buffer, output);
        assertTrue(buffer.isReleased());
        assertTrue(output.buffers.isEmpty());
    }

    @Test
    void negotiate_wantsOneInputAndOneOutput() {
        Element identity = identity(Map.of());
        assertThrows(IllegalArgumentException.class, () -> identity.negotiate(List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> identity.negotiate(List.of(Format.BYTES), 2));
    }
}
