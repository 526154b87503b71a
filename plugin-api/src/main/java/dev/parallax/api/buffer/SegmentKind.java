package dev.parallax.api.buffer;

/** The kind of memory under a pool's or allocator's buffers. */
public enum SegmentKind {
    /** Java heap ({@code byte[]}), moved and freed by the garbage collector; never shared with another process. */
    HEAP,
    /** Native memory from an {@link java.lang.foreign.Arena}, outside the heap, at a fixed address. */
    NATIVE,
    /** A file in {@code /dev/shm} mapped into memory: another process that maps the same file sees the same bytes. */
    SHARED_MEMORY,
    /** A file on disk mapped into memory: its bytes are written back to the file. */
    MAPPED_FILE,
    /** Native memory on huge pages (a file on a hugetlbfs mount): fewer TLB misses over large buffers. */
    HUGE_PAGES
}
