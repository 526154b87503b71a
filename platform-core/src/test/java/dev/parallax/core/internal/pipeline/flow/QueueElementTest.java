package dev.parallax.core.internal.pipeline.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyType;
import dev.parallax.api.pipeline.PropertyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueElementTest {
    @Test
    void description_declaresMaxSizeBuffers_64_in1To65536() {
        ElementDescription description = new QueueElementFactory().description();
        assertEquals("queue", description.name());
        assertEquals(
                List.of(PadTemplate.input("sink", Caps.ANY), PadTemplate.output("src", Caps.ANY)), description.pads());
        PropertySpec size = description.property("max-size-buffers").orElseThrow();
        assertEquals(PropertyType.INTEGER, size.type());
        assertEquals(List.of(64L, 1L, 65536L), List.of(size.defaultValue(), size.min(), size.max()));
        assertThrows(IllegalArgumentException.class, () -> size.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> size.parse("65537"));
        assertTrue(description.example().startsWith("testsrc ")
                && description.example().endsWith("fakesink"));
    }

    @Test
    void create_takesTheCapacityFromItsProperty() {
        PropertyValues values = new PropertyValues() {
            @Override
            public Map<String, Object> asMap() {
                return Map.of("max-size-buffers", 3L);
            }

            @Override
            public long integer(String name) {
                return (Long) asMap().get(name);
            }

            @Override
            public double decimal(String name) {
                throw new IllegalArgumentException(name);
            }

            @Override
            public boolean bool(String name) {
                throw new IllegalArgumentException(name);
            }

            @Override
            public String string(String name) {
                throw new IllegalArgumentException(name);
            }
        };
        assertEquals(3, ((QueueElement) new QueueElementFactory().create(values)).capacity());
    }

    @Test
    void negotiate_passesTheFormatOn_andTakesOneInputAndOutput() {
        Format text = Format.of("utf8-text");
        assertEquals(List.of(text), new QueueElement(1).negotiate(List.of(text), 1));
        assertThrows(IllegalArgumentException.class, () -> new QueueElement(1).negotiate(List.of(text), 2));
        assertThrows(IllegalArgumentException.class, () -> new QueueElement(0));
    }

    @Test
    void process_pushesTheSameBufferOn() throws Exception {
        List<Buffer> pushed = new ArrayList<>();
        Output output = new Output() {
            @Override
            public void push(Buffer buffer) {
                pushed.add(buffer);
            }

            @Override
            public void push(int pad, Buffer buffer) {
                pushed.add(buffer);
            }

            @Override
            public int pads() {
                return 1;
            }
        };
        try (MemoryPool pool = TeeElementTest.pool()) {
            Buffer buffer = pool.loan();
            new QueueElement(4).process(0, buffer, output);
            assertSame(buffer, pushed.getFirst());
            buffer.release();
        }
    }
}
