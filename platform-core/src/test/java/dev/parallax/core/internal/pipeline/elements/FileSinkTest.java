package dev.parallax.core.internal.pipeline.elements;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Allocator;
import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    @TempDir
    Path folder;

    private final Allocator heap = Harness.memory().allocator(Backing.HEAP);
    private final Harness.Recorder output = new Harness.Recorder();

    private Element start(Path file, boolean append) throws Exception {
        Element sink = new FileSinkFactory()
                .create(Harness.properties(
                        FileSinkFactory.DESCRIPTION, Map.of("location", file.toString(), "append", append)));
        assertEquals(List.of(), sink.negotiate(List.of(Format.of("utf8-text")), 0));
        sink.start(Harness.context("filesink0", Harness.memory()));
        return sink;
    }

    private Buffer text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Buffer buffer = heap.allocate(bytes.length);
        buffer.segment().copyFrom(MemorySegment.ofArray(bytes));
        return buffer;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void file_appearsWholeOnlyAtTheEndOfTheStream() throws Exception {
        Path file = folder.resolve("out.txt");
        Element sink = start(file, false);
        Buffer first = text("hello ");
        sink.process(0, first, output);
        sink.process(0, text("world"), output);
        assertTrue(first.isReleased());
        assertFalse(Files.exists(file), "nothing at the final name before the end");
        assertEquals(1, files().size());
        assertTrue(
                files().getFirst().startsWith(".out.txt.") && files().getFirst().endsWith(".part"));
        sink.endOfStream(output);
        sink.stop();
        assertEquals("hello world", Files.readString(file));
        assertEquals(List.of("out.txt"), files());
        assertTrue(output.buffers.isEmpty());
    }

    @Test
    void nativeAndHeapBuffers_areWrittenAlike() throws Exception {
        // larger than the 64 KiB staging buffer heap memory goes through, and not a multiple of it
        byte[] bytes = new byte[150_001];
        new Random(1).nextBytes(bytes);
        Path file = folder.resolve("mixed.bin");
        Element sink = start(file, false);
        for (Backing backing : List.of(Backing.HEAP, Backing.NATIVE)) {
            Buffer buffer = Harness.memory().allocator(backing).allocate(bytes.length);
            buffer.segment().copyFrom(MemorySegment.ofArray(bytes));
            sink.process(0, buffer, output);
        }
        sink.endOfStream(output);
        sink.stop();
        byte[] expected = new byte[2 * bytes.length];
        System.arraycopy(bytes, 0, expected, 0, bytes.length);
        System.arraycopy(bytes, 0, expected, bytes.length, bytes.length);
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void stopWithoutEndOfStream_leavesTheOldFileAndNoTemporary() throws Exception {
        Path file = Files.writeString(folder.resolve("out.txt"), "old");
        Element sink = start(file, false);
        sink.process(0, text("half of the new"), output);
        sink.stop();
        assertEquals("old", Files.readString(file));
        assertEquals(List.of("out.txt"), files());
    }

    @Test
    void append_addsToTheExistingBytes() throws Exception {
        Path file = Files.write(folder.resolve("log.bin"), new byte[] {1, 2, 3});
        Element sink = start(file, true);
        sink.process(0, text("\u0004"), output);
        sink.endOfStream(output);
        sink.stop();
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(file));
    }

    @Test
    void appendToNoFile_createsIt() throws Exception {
        Path file = folder.resolve("new.txt");
        Element sink = start(file, true);
        sink.process(0, text("x"), output);
        sink.endOfStream(output);
        sink.stop();
        assertEquals("x", Files.readString(file));
    }

    @Test
    void missingFolder_failsAtStartNamingIt() {
        Path file = folder.resolve("no/such/out.txt");
        IOException e = assertThrows(IOException.class, () -> start(file, false));
        assertEquals(
                "filesink cannot write '" + file + "': folder '" + file.getParent() + "' does not exist",
                e.getMessage());
    }
}
