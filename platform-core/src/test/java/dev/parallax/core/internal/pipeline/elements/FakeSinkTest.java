package dev.parallax.core.internal.pipeline.elements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Allocator;
import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.pipeline.Element;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeSinkTest {
    private final Allocator heap = Harness.memory().allocator(Backing.HEAP);
    private final Harness.Recorder output = new Harness.Recorder();

    @Test
    void silent_releasesEveryBufferAndPushesNothing() throws Exception {
        Element sink = new FakeSinkFactory().create(Harness.properties(FakeSinkFactory.DESCRIPTION, Map.of()));
        assertEquals(List.of(), sink.negotiate(List.of(Format.of("utf8-text")), 0));
        Buffer buffer = heap.allocate(16);
        sink.process(0, buffer, output);
        assertTrue(buffer.isReleased());
        assertTrue(output.buffers.isEmpty());
    }

    @Test
    void notSilent_printsALinePerBuffer() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FakeSink sink = new FakeSink(false, new PrintStream(printed, true, StandardCharsets.UTF_8));
        sink.start(Harness.context("sink", Harness.memory()));
        Buffer buffer = heap.allocate(16);
        buffer.setMetadata(Metadata.EMPTY.withSequence(3).withFormat(Format.of("utf8-text")));
        sink.process(0, buffer, output);
        assertEquals(
                "sink: buffer 3, 16 bytes, utf8-text" + System.lineSeparator(),
                printed.toString(StandardCharsets.UTF_8));
        assertTrue(buffer.isReleased());
    }

    @Test
    void negotiate_wantsOneInputAndNoOutput() {
        Element sink = new FakeSinkFactory().create(Harness.properties(FakeSinkFactory.DESCRIPTION, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> sink.negotiate(List.of(Format.BYTES), 1));
    }
}
