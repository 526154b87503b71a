package dev.parallax.core.internal.memory;

import dev.parallax.api.buffer.SegmentKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One block of memory of some kind, with what it takes to free it: close its arena, write a mapped file back,
 * delete a shared memory file.
 *
 * @param segment the memory
 * @param kind what it is (native when huge pages were asked for but unavailable)
 * @param arena the arena that frees or unmaps it, or null for heap memory
 * @param deleteOnClose a file to delete once unmapped (shared memory), or null
 * @param note why the kind differs from the one asked for, or an empty string
 */
record Region(MemorySegment segment, SegmentKind kind, Arena arena, Path deleteOnClose, String note) {
    /** Frees the memory; for a mapped file, writes it back first. Each region is closed once. */
    void close() {
        if (arena == null) {
            return; // heap: the garbage collector frees it
        }
        if (kind == SegmentKind.MAPPED_FILE) {
            segment.force();
        }
        arena.close();
        if (deleteOnClose != null) {
            try {
                Files.deleteIfExists(deleteOnClose);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete shared memory file " + deleteOnClose, e);
            }
        }
    }
}
