package dev.parallax.core.internal.pipeline.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.core.internal.memory.MemoryServiceImpl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeeElementTest {
    /** An output that keeps what is pushed to it, pad by pad, and may refuse one pad. */
    private static final class Recording implements Output {
        final List<List<Buffer>> pushed = new ArrayList<>();
        final int refused;

        Recording(int pads, int refused) {
            for (int i = 0; i < pads; i++) {
                pushed.add(new ArrayList<>());
            }
            this.refused = refused;
        }

        @Override
        public void push(Buffer buffer) {
            push(0, buffer);
        }

        @Override
        public void push(int pad, Buffer buffer) {
            if (pad == refused) {
                buffer.release(); // a push takes the buffer even when it fails
                throw new IllegalStateException("pad " + pad + " is gone");
            }
            pushed.get(pad).add(buffer);
        }

        @Override
        public int pads() {
            return pushed.size();
        }
    }

    static MemoryPool pool() {
        MemoryServiceImpl memory = MemoryServiceImpl.withDefaults();
        return memory.createPool(PoolConfig.of("tee-test", 4, 64));
    }

    @Test
    void description_isAnyToRequestPads_withARunnableExample() {
        ElementDescription description = new TeeElementFactory().description();
        assertEquals("tee", description.name());
        assertEquals(
                List.of(PadTemplate.input("sink", Caps.ANY), PadTemplate.outputs("src_%u", Caps.ANY)),
                description.pads());
        assertTrue(description.example().startsWith("testsrc ")
                && description.example().contains("fakesink"));
        assertTrue(description.swappable());
        assertTrue(new TeeElementFactory().create(null) instanceof TeeElement);
    }

    @Test
    void negotiate_givesTheInputFormatToEveryOutput_andNeedsOne() {
        Format gray = Format.of("gray8").with("width", "4");
        assertEquals(List.of(gray, gray, gray), new TeeElement().negotiate(List.of(gray), 3));
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new TeeElement().negotiate(List.of(gray), 0));
        assertTrue(error.getMessage().contains("at least one output"), error.getMessage());
    }

    @Test
    void process_pushesSharesToAllButTheLastPad_andTheBufferItselfToTheLast() throws Exception {
        try (MemoryPool pool = pool()) {
            Buffer buffer = pool.loan();
            Recording output = new Recording(3, -1);
            new TeeElement().process(0, buffer, output);
            assertSame(buffer, output.pushed.get(2).getFirst());
            assertNotSame(buffer, output.pushed.get(0).getFirst());
            assertNotSame(output.pushed.get(0).getFirst(), output.pushed.get(1).getFirst());
            assertEquals(
                    buffer.segment().address(),
                    output.pushed.get(0).getFirst().segment().address(),
                    "no copy");
            output.pushed.forEach(pad -> pad.getFirst().release());
            assertEquals(0, pool.stats().inUse());
        }
    }

    @Test
    void failedPush_releasesTheBufferStillHeld() throws Exception {
        try (MemoryPool pool = pool()) {
            Recording output = new Recording(3, 1);
            assertThrows(IllegalStateException.class, () -> new TeeElement().process(0, pool.loan(), output));
            output.pushed.getFirst().getFirst().release();
            assertEquals(0, pool.stats().inUse(), "nothing leaked");
        }
    }
}
