package dev.parallax.api.buffer;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The memory a pool or allocator is asked to hand out: one of the records below.
 *
 * <p>A provider type: the interface is sealed, so only this package defines backings; a new kind would be a new
 * record here, which consumers that switch over backings must learn about.
 */
@ProviderType
public sealed interface Backing {
    /** The Java heap. */
    Backing HEAP = new Heap();

    /** Native memory. */
    Backing NATIVE = new Native();

    /** Huge pages where the system offers them, otherwise native memory and a log line saying why. */
    Backing HUGE_PAGES = new HugePages();

    /** The kind of memory this backing asks for. */
    SegmentKind kind();

    /** The Java heap: no native memory, nothing to release but the garbage collector's. */
    record Heap() implements Backing {
        @Override
        public SegmentKind kind() {
            return SegmentKind.HEAP;
        }
    }

    /** Native memory from a shared {@link java.lang.foreign.Arena}, usable from any thread. */
    record Native() implements Backing {
        @Override
        public SegmentKind kind() {
            return SegmentKind.NATIVE;
        }
    }

    /**
     * Huge pages from a hugetlbfs mount. When none is mounted, or it has too few free pages, the memory is ordinary
     * native memory and the runtime logs one line that says why and how to enable huge pages; {@link
     * MemoryService#hugePages()} tells in advance.
     */
    record HugePages() implements Backing {
        @Override
        public SegmentKind kind() {
            return SegmentKind.HUGE_PAGES;
        }
    }

    /**
     * A new file {@code /dev/shm/<name>}, mapped; another process maps the same file to see the same bytes. The
     * creator owns the file: it is deleted when the pool is closed.
     *
     * @param name the file's name: letters, digits, dots, hyphens and underscores, not starting with a dot
     */
    record SharedMemory(String name) implements Backing {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}");

        /** Checks that the name is a plain file name. */
        public SharedMemory {
            Objects.requireNonNull(name, "SharedMemory name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Shared memory name '" + name
                        + "' must be 1 to 201 letters, digits, dots, hyphens or underscores, not starting with a dot");
            }
        }

        @Override
        public SegmentKind kind() {
            return SegmentKind.SHARED_MEMORY;
        }
    }

    /**
     * A file mapped into memory, created or grown to the size needed; what is written reaches the file, and the
     * file stays when the pool is closed.
     *
     * @param path the file
     */
    record MappedFile(Path path) implements Backing {
        /** Checks that there is a path. */
        public MappedFile {
            Objects.requireNonNull(path, "MappedFile path");
        }

        @Override
        public SegmentKind kind() {
            return SegmentKind.MAPPED_FILE;
        }
    }
}
