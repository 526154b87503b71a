package dev.parallax.core.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.HugePageSupport;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.buffer.SegmentKind;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HugePagesTest {
    private static final long TWO_MIB = 2 << 20;

    @TempDir
    Path dir;

    private HugePageSupport probe(String mounts, String meminfo) throws Exception {
        Path mountFile = Files.writeString(dir.resolve("mounts"), mounts);
        Path meminfoFile = Files.writeString(dir.resolve("meminfo"), meminfo);
        return new HugePageProbe(mountFile, meminfoFile, "").probe();
    }

    // the lines as Linux writes them; only the hugetlbfs line and the HugePages_Free/Hugepagesize lines matter
    private static final String TMPFS = "tmpfs /dev/shm tmpfs rw,relatime 0 0\n";
    private static final String HUGETLBFS = "hugetlbfs /dev/hugepages hugetlbfs rw,relatime,pagesize=2M 0 0\n";

    private static String meminfo(long free) {
        return "MemTotal:       16384000 kB\nHugePages_Total:      " + free + "\nHugePages_Free:       " + free
                + "\nHugepagesize:       2048 kB\n";
    }

    @Test
    void probe_noMountAndNoFreePages_saysBothAndHowToEnable() throws Exception {
        HugePageSupport support = probe(TMPFS, meminfo(0));

        assertFalse(support.available());
        assertEquals(TWO_MIB, support.pageSize());
        assertTrue(
                support.reason()
                        .startsWith("no hugetlbfs is mounted (none in " + dir.resolve("mounts")
                                + ") and no huge pages are free (HugePages_Free 0 in "),
                support.reason());
        assertTrue(support.reason().contains("sysctl vm.nr_hugepages=<pages>"), support.reason());
    }

    @Test
    void probe_mountedButNoFreePages_namesTheMount() throws Exception {
        HugePageSupport support = probe(TMPFS + HUGETLBFS, meminfo(0));

        assertFalse(support.available());
        assertTrue(
                support.reason().startsWith("hugetlbfs is mounted at /dev/hugepages but no huge pages are free"),
                support.reason());
    }

    @Test
    void probe_freePagesButNoMount_saysToMountOne() throws Exception {
        HugePageSupport support = probe(TMPFS, meminfo(16));

        assertFalse(support.available());
        assertTrue(support.reason().startsWith("16 huge pages are free but no hugetlbfs is mounted"), support.reason());
    }

    @Test
    void probe_mountAndFreePages_isAvailable() throws Exception {
        HugePageSupport support = probe(TMPFS + HUGETLBFS, meminfo(16));

        assertEquals(
                new HugePageSupport(
                        true, TWO_MIB, 16, "/dev/hugepages", "16 free huge pages of 2097152 bytes at /dev/hugepages"),
                support);
    }

    @Test
    void probe_noMeminfo_saysHugePagesNeedLinux() {
        HugePageSupport support = new HugePageProbe(dir.resolve("none"), dir.resolve("none"), "").probe();

        assertFalse(support.available());
        assertTrue(support.reason().startsWith("cannot read " + dir.resolve("none")), support.reason());
    }

    @Test
    void hugePagePool_onThisSystem_usesHugePagesOrReportsWhyNot() throws Exception {
        MemoryServiceImpl service = Pools.system();
        HugePageSupport support = service.hugePages();
        // 3 MiB: more than one 2 MiB page, so a huge page pool needs two pages
        try (SlotPool pool = (SlotPool)
                        service.createPool(PoolConfig.of("huge", 3, 1 << 20).withBacking(Backing.HUGE_PAGES));
                Buffer buffer = pool.loan()) {
            buffer.segment().set(ValueLayout.JAVA_LONG, 0, 7);

            if (support.available()) {
                assertEquals(SegmentKind.HUGE_PAGES, pool.kind(), support.reason());
            } else {
                assertEquals(SegmentKind.NATIVE, pool.kind());
                assertEquals(
                        "Huge pages unavailable for pool 'huge': " + support.reason()
                                + "; using ordinary native memory",
                        pool.note());
                // aligned to the huge page size, so that transparent huge pages can still back it
                assertEquals(0, buffer.segment().address() % Math.max(support.pageSize(), 64));
            }
            assertEquals(7, buffer.segment().get(ValueLayout.JAVA_LONG, 0));
        }
    }

    @Test
    void hugePagePool_whenAvailable_mapsAPageMultipleOnTheMountAndLeavesNoFile() throws Exception {
        // a plain folder stands in for the hugetlbfs mount: the mapping path is the same, the pages are not huge
        MemoryServiceImpl service = Pools.withHugePages(new HugePageSupport(true, TWO_MIB, 4, dir.toString(), "test"));
        try (SlotPool pool = (SlotPool)
                        service.createPool(PoolConfig.of("huge", 3, 1 << 20).withBacking(Backing.HUGE_PAGES));
                Buffer buffer = pool.loan()) {
            buffer.segment().fill((byte) 1);

            assertEquals(SegmentKind.HUGE_PAGES, pool.kind());
            assertEquals("", pool.note());
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(0, files.count(), "the file is deleted once mapped");
            }
        }
    }

    @Test
    void hugePagePool_needingMorePagesThanAreFree_fallsBackSayingHowMany() throws Exception {
        MemoryServiceImpl service = Pools.withHugePages(new HugePageSupport(true, TWO_MIB, 1, dir.toString(), "test"));
        // 3 slots of 1 MiB need two pages; one is free
        try (SlotPool pool =
                (SlotPool) service.createPool(PoolConfig.of("huge", 3, 1 << 20).withBacking(Backing.HUGE_PAGES))) {
            assertEquals(SegmentKind.NATIVE, pool.kind());
            assertEquals(
                    "Huge pages unavailable for pool 'huge': pool 'huge' needs 2 huge pages of 2097152 bytes"
                            + " but only 1 are free; raise vm.nr_hugepages; using ordinary native memory",
                    pool.note());
        }
    }

    @Test
    void hugePagePool_whoseMountCannotBeMapped_fallsBackSayingWhatFailed() throws Exception {
        // a mount point that does not exist: the probe said yes, the mapping says no
        Path missing = dir.resolve("gone");
        MemoryServiceImpl service = Pools.withHugePages(new HugePageSupport(true, TWO_MIB, 4, missing.toString(), "t"));
        try (SlotPool pool =
                (SlotPool) service.createPool(PoolConfig.of("huge", 1, 4096).withBacking(Backing.HUGE_PAGES))) {
            assertEquals(SegmentKind.NATIVE, pool.kind());
            assertTrue(
                    pool.note()
                            .startsWith(
                                    "Huge pages unavailable for pool 'huge': mapping " + missing.resolve("parallax-")),
                    pool.note());
            assertTrue(pool.note().endsWith("; using ordinary native memory"), pool.note());
        }
    }
}
