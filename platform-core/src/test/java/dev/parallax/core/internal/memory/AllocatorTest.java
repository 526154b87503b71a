package dev.parallax.core.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Allocator;
import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.buffer.SegmentKind;
import java.lang.annotation.Annotation;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocatorTest {
    private final MemoryServiceImpl service = Pools.system();

    @Test
    void nativeAllocation_isZeroedAndAligned() {
        Allocator allocator = service.allocator(Backing.NATIVE);
        // an odd size and a page alignment: neither comes for free from malloc
        try (Buffer buffer = allocator.allocate(4099, 4096)) {
            assertEquals(SegmentKind.NATIVE, allocator.kind());
            assertEquals(4099, buffer.byteSize());
            assertEquals(0, buffer.segment().address() % 4096);
            assertEquals(-1, buffer.segment().mismatch(MemorySegment.ofArray(new byte[4099])));
        }
    }

    @Test
    void segmentKeptPastTheLastRelease_failsInsteadOfReadingFreedMemory() {
        Buffer buffer = service.allocator(Backing.NATIVE).allocate(64);
        Buffer share = buffer.share();
        MemorySegment escaped = buffer.segment();
        buffer.release();

        assertEquals(0, escaped.get(ValueLayout.JAVA_BYTE, 0), "the share keeps the memory alive");
        share.release();
        assertThrows(IllegalStateException.class, () -> escaped.get(ValueLayout.JAVA_BYTE, 0));
        IllegalStateException e = assertThrows(IllegalStateException.class, share::release);
        assertTrue(e.getMessage().startsWith("Buffer [native allocation "), e.getMessage());
    }

    @Test
    void heapAllocation_isOnTheHeap() {
        try (Buffer buffer = service.allocator(Backing.HEAP).allocate(10)) {
            assertTrue(!buffer.segment().isNative());
            assertEquals(10, buffer.byteSize());
        }
    }

    @Test
    void allocatorOverAFile_isRefusedWithTheWayToDoIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> service.allocator(new Backing.MappedFile(Path.of("x.bin"))));

        assertEquals(
                "Backing MappedFile[path=x.bin] names one file, but an allocator hands out many independent"
                        + " buffers: build a pool over the file with createPool instead",
                e.getMessage());
    }

    @Test
    void badSizesAndAlignments_areRefusedNamingTheValue() {
        Allocator allocator = service.allocator(Backing.NATIVE);

        assertEquals(
                "Buffer size must be at least 1 byte: 0",
                assertThrows(IllegalArgumentException.class, () -> allocator.allocate(0))
                        .getMessage());
        assertEquals(
                "Buffer alignment must be a power of two: 48",
                assertThrows(IllegalArgumentException.class, () -> allocator.allocate(8, 48))
                        .getMessage());
    }

    @Test
    void poolTooLargeForTheAddressSpace_isRefusedBeforeAllocating() {
        // 2^20 slots of 2^62 bytes overflow 64 bits
        PoolConfig huge = PoolConfig.of("vast", PoolConfig.MAX_SLOTS, 1L << 62);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> service.createPool(huge));
        assertTrue(e.getMessage().startsWith("Pool 'vast' of 1048576 slots of"), e.getMessage());
    }

    @Test
    void hugePageAllocator_onThisSystem_givesWorkingMemoryOfTheKindItReports() {
        Allocator allocator = service.allocator(Backing.HUGE_PAGES);
        // without huge pages the allocator says NATIVE, and the buffer still works
        SegmentKind expected = service.hugePages().available() ? SegmentKind.HUGE_PAGES : SegmentKind.NATIVE;
        try (Buffer buffer = allocator.allocate(3000)) {
            buffer.segment().set(ValueLayout.JAVA_INT, 2996, 9);

            assertEquals(expected, allocator.kind());
            assertEquals(9, buffer.segment().get(ValueLayout.JAVA_INT, 2996));
        }
    }

    @Test
    void serviceBuiltFromItsComponentConfiguration_usesTheConfiguredSharedMemoryFolder(@TempDir Path dir)
            throws Exception {
        // a folder of our own stands in for /dev/shm: the pool's file must appear there
        MemoryServiceImpl configured = new MemoryServiceImpl(new MemoryServiceImpl.Config() {
            @Override
            public String shm() {
                return dir.toString();
            }

            @Override
            public String hugetlbfs() {
                return "";
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return MemoryServiceImpl.Config.class;
            }
        });
        try (MemoryPool pool =
                configured.createPool(PoolConfig.of("ipc", 1, 64).withBacking(new Backing.SharedMemory("frames")))) {
            assertTrue(Files.exists(dir.resolve("frames")));
        }
        assertTrue(Files.notExists(dir.resolve("frames")));
    }
}
