package dev.parallax.core.internal.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.buffer.SegmentKind;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBackedPoolTest {
    private final MemoryServiceImpl service = Pools.system();

    @Test
    void sharedMemoryPool_isVisibleThroughASecondMappingOfItsFile_bothWays() throws Exception {
        String name = Pools.uniqueName("shm");
        Path file = Path.of("/dev/shm", name);
        // 3 slots of 4 KiB: the second mapping must find slot 1 at its stride, not just at offset 0
        try (MemoryPool pool =
                        service.createPool(PoolConfig.of("ipc", 3, 4096).withBacking(new Backing.SharedMemory(name)));
                Buffer first = pool.loan();
                Buffer second = pool.loan();
                Arena other = Arena.ofShared();
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // mapped independently, as a second process would map the file it was told the name of
            MemorySegment peer = channel.map(FileChannel.MapMode.READ_WRITE, 0, Files.size(file), other);
            second.segment().setString(0, "hello from the pool", StandardCharsets.UTF_8);

            assertEquals(SegmentKind.SHARED_MEMORY, pool.kind());
            assertEquals(3 * 4096, Files.size(file));
            assertEquals("hello from the pool", peer.getString(4096, StandardCharsets.UTF_8));
            peer.set(ValueLayout.JAVA_LONG, 8, 0x5EED_CAFE_F00DL);
            assertEquals(0x5EED_CAFE_F00DL, first.segment().get(ValueLayout.JAVA_LONG, 8));
            assertTrue(first.segment().address() != peer.address(), "two mappings, one set of bytes");
        }
        assertFalse(Files.exists(file), "the creating pool deletes its shared memory file on close");
    }

    @Test
    void sharedMemoryPool_whoseFileExists_isRefusedNamingTheFile() throws Exception {
        String name = Pools.uniqueName("taken");
        Path file = Files.createFile(Path.of("/dev/shm", name));
        try {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> service.createPool(PoolConfig.of("ipc", 1, 64).withBacking(new Backing.SharedMemory(name))));

            assertTrue(
                    e.getMessage().startsWith("Cannot create pool 'ipc' in " + file + ": the file exists"),
                    e.getMessage());
            assertEquals(0, Files.size(file), "a file someone else owns is left alone");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void mappedFilePool_persistsWhatWasWritten_afterClose(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("frames.bin");
        // 2 slots of 100 bytes at 64-byte alignment: slot 1 starts at byte 128 of the file
        try (MemoryPool pool =
                service.createPool(PoolConfig.of("disk", 2, 100).withBacking(new Backing.MappedFile(file)))) {
            assertEquals(SegmentKind.MAPPED_FILE, pool.kind());
            try (Buffer a = pool.loan();
                    Buffer b = pool.loan()) {
                a.segment().fill((byte) 'a');
                b.segment().fill((byte) 'b');
            }
        }

        byte[] bytes = Files.readAllBytes(file);
        assertEquals(256, bytes.length);
        byte[] a = new byte[100];
        Arrays.fill(a, (byte) 'a');
        byte[] b = new byte[100];
        Arrays.fill(b, (byte) 'b');
        assertArrayEquals(a, Arrays.copyOfRange(bytes, 0, 100));
        assertArrayEquals(b, Arrays.copyOfRange(bytes, 128, 228));
    }

    @Test
    void heapPool_lendsSlotsOfTheJavaHeap() throws Exception {
        try (MemoryPool pool = service.createPool(PoolConfig.of("heap", 2, 24).withBacking(Backing.HEAP));
                Buffer buffer = pool.loan()) {
            buffer.segment().set(ValueLayout.JAVA_LONG, 16, 42);

            assertEquals(SegmentKind.HEAP, pool.kind());
            assertFalse(buffer.segment().isNative());
            assertEquals(42, buffer.segment().get(ValueLayout.JAVA_LONG, 16));
        }
    }
}
