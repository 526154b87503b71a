package dev.parallax.core.internal.pipeline.elements;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSrcTest {
    @TempDir
    Path folder;

    private final Harness.Recorder output = new Harness.Recorder();
    private Source source;

    private Source start(Path file, long blockSize) throws Exception {
        source = (Source) new FileSrcFactory()
                .create(Harness.properties(
                        FileSrcFactory.DESCRIPTION, Map.of("location", file.toString(), "block-size", blockSize)));
        assertEquals(List.of(Format.BYTES), source.negotiate(List.of(), 1));
        source.start(Harness.context("filesrc0", Harness.memory()));
        return source;
    }

    @AfterEach
    void stop() throws Exception {
        output.drain();
        if (source != null) {
            source.stop();
        }
    }

    private Path file(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(folder.resolve("in-" + size), bytes);
    }

    /** Produces until the end, returning what each call answered. */
    private List<Boolean> produceAll() throws Exception {
        List<Boolean> answers = new ArrayList<>();
        boolean more = true;
        while (more) {
            more = source.produce(output);
            answers.add(more);
        }
        return answers;
    }

    @Test
    void blocks_coverTheFileInOrderWithAShortLastOne() throws Exception {
        // 150000 bytes: two whole 64 KiB blocks and a part
        Path file = file(150_000);
        start(file, 65536);
        assertEquals(List.of(true, true, false), produceAll());
        assertEquals(
                List.of(65536L, 65536L, 18928L),
                output.buffers.stream().map(Buffer::byteSize).toList());
        assertEquals(
                List.of(0L, 1L, 2L),
                output.buffers.stream().map(b -> b.metadata().sequence()).toList());
        assertArrayEquals(Files.readAllBytes(file), output.drain());
    }

    @Test
    void fileOfWholeBlocks_endsWithAnEmptyRead() throws Exception {
        Path file = file(131_072);
        start(file, 65536);
        assertEquals(List.of(true, true, false), produceAll());
        assertEquals(2, output.buffers.size());
        assertArrayEquals(Files.readAllBytes(file), output.drain());
    }

    @Test
    void blockSizeZero_readsTheWholeFileIntoOneBuffer() throws Exception {
        Path file = file(150_000);
        start(file, 0);
        assertEquals(List.of(false), produceAll());
        assertEquals(1, output.buffers.size());
        assertArrayEquals(Files.readAllBytes(file), output.drain());
    }

    @Test
    void emptyFile_endsAtOnceWithNothing() throws Exception {
        for (long blockSize : List.of(0L, 16L)) {
            start(file(0), blockSize);
            assertEquals(List.of(false), produceAll());
            assertTrue(output.buffers.isEmpty());
            source.stop();
            source = null;
        }
    }

    @Test
    void missingFile_failsAtStartNamingIt() {
        Path missing = folder.resolve("missing.bin");
        IOException e = assertThrows(IOException.class, () -> start(missing, 16));
        assertEquals("filesrc cannot read '" + missing + "': no such file", e.getMessage());
    }

    @Test
    void folder_failsAtStartNamingIt() {
        IOException e = assertThrows(IOException.class, () -> start(folder, 16));
        assertEquals("filesrc cannot read '" + folder + "': it is a folder, not a file", e.getMessage());
    }

    @Test
    void emptyLocation_isRefusedByTheFactory() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new FileSrcFactory()
                        .create(Harness.properties(FileSrcFactory.DESCRIPTION, Map.of("location", ""))));
        assertTrue(e.getMessage().contains("'location' is empty"), e.getMessage());
        assertFalse(FileSrcFactory.DESCRIPTION.example().isEmpty());
    }
}
