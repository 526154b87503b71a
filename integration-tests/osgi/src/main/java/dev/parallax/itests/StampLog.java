package dev.parallax.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code filesink} wrote after the stamp fixture's elements: one 32-byte line per buffer, the sequence number
 * then, per element, the version that handled the buffer (see the fixture's StampRecord).
 */
public record StampLog(List<String> lines) {
    private static final int RECORD = 32;
    private static final int FIELD = 9;

    public static StampLog of(byte[] file) {
        assertEquals(0, file.length % RECORD, "the file holds whole 32-byte records: " + file.length + " bytes");
        List<String> lines = new ArrayList<>();
        for (int at = 0; at < file.length; at += RECORD) {
            lines.add(new String(file, at, RECORD - 1, StandardCharsets.US_ASCII));
        }
        return new StampLog(lines);
    }

    /** Asserts that the buffers 0 to {@code count - 1} arrived each once, in order: none lost or duplicated. */
    public void assertEveryBufferOnceInOrder(int count) {
        List<Long> sequences = lines.stream()
                .map(line -> Long.parseLong(line.substring(0, 10)))
                .toList();
        List<Long> expected = new ArrayList<>();
        for (long sequence = 0; sequence < count; sequence++) {
            expected.add(sequence);
        }
        assertEquals(expected, sequences, "every buffer once, in order");
    }

    /**
     * Asserts that field {@code slot} reads {@code from} up to one buffer and {@code to} from it on, with the switch
     * strictly inside the stream, and returns the first buffer {@code to} handled.
     */
    public int switchPoint(int slot, String from, String to) {
        List<String> versions = lines.stream()
                .map(line -> line.substring(11 + slot * (FIELD + 1), 11 + slot * (FIELD + 1) + FIELD)
                        .strip())
                .toList();
        int first = versions.indexOf(to);
        if (first < 0) {
            fail("No buffer of field " + slot + " was handled by version " + to + ": " + versions);
        }
        assertTrue(first > 0, "the first buffer was already handled by " + to + ": the swap was not mid-stream");
        for (int i = 0; i < versions.size(); i++) {
            assertEquals(i < first ? from : to, versions.get(i), "field " + slot + " of buffer " + i);
        }
        return first;
    }
}
