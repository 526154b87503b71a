package dev.parallax.core.internal.memory;

import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.HugePageSupport;
import dev.parallax.api.buffer.SegmentKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.channels.FileChannel.MapMode;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Opens memory of each {@link Backing}: heap arrays, native memory and mapped files, each native or mapped block
 * in its own shared {@link Arena} so that closing it frees exactly that block and makes every view of it fail.
 */
final class Regions {
    private static final long HEAP_LIMIT = (long) (Integer.MAX_VALUE - 8) * Long.BYTES;
    private static final Set<OpenOption> NEW_FILE =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    private static final Set<OpenOption> ANY_FILE =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);

    private final Path shmDirectory;
    private final Supplier<HugePageSupport> hugePages;
    private final AtomicLong hugeFiles = new AtomicLong();

    /**
     * @param shmDirectory the folder of shared memory files
     * @param hugePages tells, when asked, whether huge pages are available
     */
    Regions(Path shmDirectory, Supplier<HugePageSupport> hugePages) {
        this.shmDirectory = shmDirectory;
        this.hugePages = hugePages;
    }

    HugePageSupport hugePages() {
        return hugePages.get();
    }

    /** Where a shared memory backing's file lives. */
    Path shmFile(Backing.SharedMemory backing) {
        return shmDirectory.resolve(backing.name());
    }

    /**
     * Opens {@code byteSize} bytes of {@code backing}, the first byte aligned to {@code alignment}.
     *
     * @param what names the pool or allocation in messages
     */
    Region open(Backing backing, long byteSize, long alignment, String what) {
        return switch (backing) {
            case Backing.Heap heap -> heap(byteSize, what);
            case Backing.Native n -> nativeMemory(byteSize, alignment, "");
            case Backing.HugePages h -> hugePages(byteSize, alignment, what);
            case Backing.SharedMemory shm -> {
                Path file = shmFile(shm);
                yield map(file, NEW_FILE, byteSize, SegmentKind.SHARED_MEMORY, file, what);
            }
            case Backing.MappedFile mapped ->
                map(mapped.path(), ANY_FILE, byteSize, SegmentKind.MAPPED_FILE, null, what);
        };
    }

    private static Region heap(long byteSize, String what) {
        if (byteSize > HEAP_LIMIT) {
            throw new IllegalArgumentException(what + " needs " + byteSize + " bytes, more than a heap array holds ("
                    + HEAP_LIMIT + "): use native memory");
        }
        // a long[] gives 8-byte alignment, enough for every Java value layout
        long[] words = new long[(int) ((byteSize + Long.BYTES - 1) / Long.BYTES)];
        return new Region(MemorySegment.ofArray(words).asSlice(0, byteSize), SegmentKind.HEAP, null, null, "");
    }

    private static Region nativeMemory(long byteSize, long alignment, String note) {
        Arena arena = Arena.ofShared();
        try {
            return new Region(arena.allocate(byteSize, alignment), SegmentKind.NATIVE, arena, null, note);
        } catch (RuntimeException | OutOfMemoryError e) {
            arena.close();
            throw e;
        }
    }

    private Region hugePages(long byteSize, long alignment, String what) {
        HugePageSupport support = hugePages.get();
        String reason;
        if (support.available()) {
            long pages = (byteSize + support.pageSize() - 1) / support.pageSize();
            if (pages <= support.freePages()) {
                Path file = Path.of(support.mount())
                        .resolve("parallax-" + ProcessHandle.current().pid() + "-" + hugeFiles.incrementAndGet());
                Region region = null;
                try {
                    region = map(file, NEW_FILE, pages * support.pageSize(), SegmentKind.HUGE_PAGES, null, what);
                    // the mapping keeps the pages; deleting the file at once leaves nothing behind after a crash
                    Files.deleteIfExists(file);
                    return new Region(region.segment().asSlice(0, byteSize), region.kind(), region.arena(), null, "");
                } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                    if (region != null) {
                        region.close();
                    }
                    reason = "mapping " + file + " failed (" + e.getMessage() + ")";
                }
            } else {
                reason = what + " needs " + pages + " huge pages of " + support.pageSize() + " bytes but only "
                        + support.freePages() + " are free; raise vm.nr_hugepages";
            }
        } else {
            reason = support.reason();
        }
        // aligned to the huge page size, so that transparent huge pages (when set to 'always') can back it
        long pageAlignment = Math.max(alignment, support.pageSize() > 0 ? support.pageSize() : alignment);
        return nativeMemory(
                byteSize,
                pageAlignment,
                "Huge pages unavailable for " + what + ": " + reason + "; using ordinary native memory");
    }

    private static Region map(
            Path file, Set<OpenOption> options, long byteSize, SegmentKind kind, Path deleteOnClose, String what) {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, options)) {
            // the mapping outlives the channel; it is undone when the arena closes
            MemorySegment segment = channel.map(MapMode.READ_WRITE, 0, byteSize, arena);
            return new Region(segment, kind, arena, deleteOnClose, "");
        } catch (FileAlreadyExistsException e) {
            arena.close();
            throw new IllegalArgumentException("Cannot create " + what + " in " + file
                    + ": the file exists, so another pool or process may own it; choose another name, or delete the"
                    + " file if it is left over from a crash");
        } catch (IOException e) {
            arena.close();
            throw new UncheckedIOException("Cannot map " + file + " for " + what + ": " + e.getMessage(), e);
        }
    }
}
