package dev.parallax.core.internal.pipeline.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** shmsink and shmsrc as the runtime drives them: negotiate, start, process or produce, end of stream, stop. */
@Timeout(60)
class ElementsTest {
    private static final Format GRAY8 = new Format("gray8", Map.of("width", "640", "height", "480", "stride", "640"));

    private final Path socket = Endpoints.socket("elements");

    @Test
    void descriptions_declareTheIssuesPropertiesAndDefaults() {
        assertEquals("Sink/IPC", ShmSinkFactory.DESCRIPTION.category());
        assertEquals("Source/IPC", ShmSrcFactory.DESCRIPTION.category());
        assertTrue(
                ShmSinkFactory.DESCRIPTION.property("socket-path").orElseThrow().required());
        assertTrue(
                ShmSrcFactory.DESCRIPTION.property("socket-path").orElseThrow().required());
        assertEquals(64L, defaultOf("slots"));
        assertEquals(65536L, defaultOf("slot-size"));
        assertEquals(
                "bytes",
                ShmSrcFactory.DESCRIPTION.property("format").orElseThrow().defaultValue());
        assertEquals(
                "testsrc num-buffers=1000 ! shmsink socket-path=/tmp/parallax.sock",
                ShmSinkFactory.DESCRIPTION.example());
        assertEquals("shmsrc socket-path=/tmp/parallax.sock ! fakesink", ShmSrcFactory.DESCRIPTION.example());
        assertFalse(ShmSinkFactory.DESCRIPTION.swappable(), "a running element holds its connection");
    }

    private static Object defaultOf(String property) {
        PropertySpec spec = ShmSinkFactory.DESCRIPTION.property(property).orElseThrow();
        return spec.defaultValue();
    }

    /**
     * A gray8 stream from shmsink to shmsrc: the sink negotiates gray8 on its input and announces it, the source,
     * told the same format in text, produces it; 300 buffers through 4 slots arrive intact and as views of the
     * shared slots, then the source reports the end of the stream.
     */
    @Test
    void sinkToSource_sameFormat_streamsEveryBufferThenEnds() throws Exception {
        int count = 300;
        long slotSize = 1024;
        Element sink = new ShmSinkFactory()
                .create(Elements.properties(
                        ShmSinkFactory.DESCRIPTION,
                        Map.of("socket-path", socket.toString(), "slots", 4L, "slot-size", slotSize)));
        assertEquals(List.of(), sink.negotiate(List.of(GRAY8), 0));
        sink.start(Elements.context("shmsink0", List.of(GRAY8), List.of()));
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                for (long seq = 0; seq < count; seq++) {
                    sink.process(0, new HeapBuffer(TestContent.bytes(seq, slotSize), TestContent.metadata(seq)), null);
                }
                sink.endOfStream(null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Source source = (Source) new ShmSrcFactory()
                .create(Elements.properties(
                        ShmSrcFactory.DESCRIPTION,
                        Map.of(
                                "socket-path",
                                socket.toString(),
                                "format",
                                "gray8(width=640, height=480, stride=640)")));
        try {
            assertEquals(List.of(GRAY8), source.negotiate(List.of(), 1));
            source.start(Elements.context("shmsrc0", List.of(), List.of(GRAY8)));
            Elements.Collected output = new Elements.Collected();
            long seq = 0;
            while (source.produce(output)) {
                Buffer buffer = output.buffers.removeFirst();
                assertNull(TestContent.mismatch(buffer.segment(), seq, slotSize));
                assertEquals(TestContent.metadata(seq).withFormat(GRAY8), buffer.metadata());
                buffer.release();
                seq++;
            }
            assertEquals(count, seq);
            sending.get(30, TimeUnit.SECONDS);
        } finally {
            source.stop();
            sink.stop();
        }
    }

    @Test
    void sourceWithAnotherFormat_failsAtStartNamingBoth() throws Exception {
        Element sink = new ShmSinkFactory()
                .create(Elements.properties(ShmSinkFactory.DESCRIPTION, Map.of("socket-path", socket.toString())));
        sink.negotiate(List.of(GRAY8), 0);
        sink.start(Elements.context("shmsink0", List.of(GRAY8), List.of()));
        Source source = (Source) new ShmSrcFactory()
                .create(Elements.properties(ShmSrcFactory.DESCRIPTION, Map.of("socket-path", socket.toString())));
        try {
            source.negotiate(List.of(), 1);
            IpcException e = assertThrows(
                    IpcException.class, () -> source.start(Elements.context("shmsrc0", List.of(), List.of())));
            assertTrue(
                    e.getMessage().contains("expects format bytes but the sender")
                            && e.getMessage()
                                    .endsWith("sends gray8(height=480, stride=640, width=640): set the shmsrc's format"
                                            + " property to gray8(height=480, stride=640, width=640)"),
                    e.getMessage());
            IpcException onSink = assertThrows(
                    IpcException.class,
                    () -> sink.process(0, new HeapBuffer(new byte[1], TestContent.metadata(0)), null));
            assertTrue(onSink.getMessage().contains("expects format bytes"), onSink.getMessage());
        } finally {
            source.stop();
            sink.stop();
        }
    }

    @Test
    void spinProperties_becomeTheWaitsSpinTime() {
        assertEquals(
                50_000,
                IpcProperties.spinNanos(
                        Elements.properties(ShmSrcFactory.DESCRIPTION, Map.of("socket-path", socket.toString()))));
        assertEquals(
                0,
                IpcProperties.spinNanos(Elements.properties(
                        ShmSrcFactory.DESCRIPTION, Map.of("socket-path", socket.toString(), "spin-time", 0L))));
        assertEquals(
                Backoff.BUSY_POLL,
                IpcProperties.spinNanos(Elements.properties(
                        ShmSinkFactory.DESCRIPTION,
                        Map.of("socket-path", socket.toString(), "spin-time", 0L, "busy-poll", true))));
    }

    @Test
    void sourceFormatProperty_unreadable_isRefusedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new ShmSrcFactory()
                        .create(Elements.properties(
                                ShmSrcFactory.DESCRIPTION,
                                Map.of("socket-path", socket.toString(), "format", "gray8(width=640"))));
        assertEquals(
                "Property 'format' of shmsrc is invalid: Format 'gray8(width=640' opens '(' without closing it at the"
                        + " end; write e.g. gray8(width=640)",
                e.getMessage());
    }

    @Test
    void formatText_readsWhatFormatWrites() {
        assertEquals(GRAY8, FormatText.parse(GRAY8.toString()));
        assertEquals(GRAY8, FormatText.parse(" gray8( width=640,height=480 , stride=640 ) "));
        assertEquals(Format.BYTES, FormatText.parse("bytes"));
        assertEquals(Format.of("utf8-text"), FormatText.parse("utf8-text()"));
        assertThrows(IllegalArgumentException.class, () -> FormatText.parse("gray8(width)"));
        assertThrows(IllegalArgumentException.class, () -> FormatText.parse("gray8(width=1, width=2)"));
        assertThrows(IllegalArgumentException.class, () -> FormatText.parse("Gray8"));
    }
}
