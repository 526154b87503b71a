package dev.parallax.core.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.BufferFlag;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.buffer.PoolConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The API's value types: checked on construction, immutable, readable in messages. */
class ApiValuesTest {
    @Test
    void format_sortsAndFreezesItsParameters_andReadsWell() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("width", "640");
        parameters.put("height", "480");
        Format format = new Format("gray8", parameters);
        parameters.put("stride", "768");

        assertEquals("gray8(height=480, width=640)", format.toString());
        assertEquals(format, Format.of("gray8").with("width", "640").with("height", "480"));
        assertThrows(
                UnsupportedOperationException.class, () -> format.parameters().put("x", "y"));
    }

    @Test
    void format_badNameOrKey_isRefusedNamingIt() {
        assertEquals(
                "Format name 'Gray 8' is not lowercase letters, digits and hyphens starting with a letter"
                        + " (e.g. gray8)",
                assertThrows(IllegalArgumentException.class, () -> Format.of("Gray 8"))
                        .getMessage());
        assertEquals(
                "Format 'gray8' parameter key 'tile_size' is not lowercase letters, digits and hyphens"
                        + " starting with a letter (e.g. tile-size)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Format.of("gray8").with("tile_size", "4"))
                        .getMessage());
    }

    @Test
    void metadata_negativeTimes_areRefused_andFlagsAreFrozen() {
        assertEquals(
                "Metadata ptsNanos must be at least 0, or NONE (-1) when unknown: -2",
                assertThrows(IllegalArgumentException.class, () -> Metadata.EMPTY.withTimes(-2, 0))
                        .getMessage());
        EnumSet<BufferFlag> flags = EnumSet.of(BufferFlag.GAP);
        Metadata metadata = Metadata.EMPTY.withFlags(flags);
        flags.add(BufferFlag.HEADER);

        assertEquals(Set.of(BufferFlag.GAP), metadata.flags());
        assertEquals(true, metadata.has(BufferFlag.GAP));
    }

    @Test
    void poolConfig_badValues_areRefusedNamingThePoolAndTheRule() {
        assertEquals(
                "Pool 'p' slots must be 1 to 1048576: 0",
                assertThrows(IllegalArgumentException.class, () -> PoolConfig.of("p", 0, 1))
                        .getMessage());
        assertEquals(
                "Pool 'p' slot size must be at least 1 byte: 0",
                assertThrows(IllegalArgumentException.class, () -> PoolConfig.of("p", 1, 0))
                        .getMessage());
        assertEquals(
                "Pool 'p' alignment must be a power of two: 96",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PoolConfig.of("p", 1, 1).withAlignment(96))
                        .getMessage());
        assertEquals(
                "Pool 'p' wait timeout must be positive: PT0S",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PoolConfig.of("p", 1, 1).waitWhenExhausted(Duration.ZERO))
                        .getMessage());
    }

    @Test
    void sharedMemoryName_withASlash_isRefused() {
        assertEquals(
                "Shared memory name '../etc' must be 1 to 201 letters, digits, dots, hyphens or underscores,"
                        + " not starting with a dot",
                assertThrows(IllegalArgumentException.class, () -> new Backing.SharedMemory("../etc"))
                        .getMessage());
    }
}
