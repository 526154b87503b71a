package dev.parallax.core.internal.memory;

import dev.parallax.api.buffer.HugePageSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds out whether this system offers huge pages: a hugetlbfs mount in {@code /proc/mounts} and free pages in
 * {@code /proc/meminfo}. Reads the files each time it is asked, since an administrator can reserve pages at any
 * time.
 */
final class HugePageProbe {
    private static final String ENABLE = "to enable: sysctl vm.nr_hugepages=<pages> and"
            + " mount -t hugetlbfs none /dev/hugepages (writable by this user)";

    private final Path mounts;
    private final Path meminfo;
    private final String override;

    /**
     * @param mounts the mount table, {@code /proc/mounts} on Linux
     * @param meminfo the memory report, {@code /proc/meminfo} on Linux
     * @param override a hugetlbfs mount point to use instead of searching the mount table, or an empty string
     */
    HugePageProbe(Path mounts, Path meminfo, String override) {
        this.mounts = mounts;
        this.meminfo = meminfo;
        this.override = override;
    }

    /** The system's files: {@code /proc/mounts} and {@code /proc/meminfo}. */
    static HugePageProbe system(String override) {
        return new HugePageProbe(Path.of("/proc/mounts"), Path.of("/proc/meminfo"), override);
    }

    HugePageSupport probe() {
        List<String> memory;
        try {
            memory = Files.readAllLines(meminfo);
        } catch (IOException e) {
            return new HugePageSupport(
                    false, 0, 0, "", "cannot read " + meminfo + " (" + e.getMessage() + "): huge pages need Linux");
        }
        long pageSize = field(memory, "Hugepagesize:") * 1024; // reported in kB
        long free = field(memory, "HugePages_Free:");
        String mount = override.isEmpty() ? findMount() : override;
        if (mount.isEmpty() && free <= 0) {
            return new HugePageSupport(
                    false,
                    pageSize,
                    free,
                    "",
                    "no hugetlbfs is mounted (none in " + mounts + ") and no huge pages are free (HugePages_Free "
                            + free + " in " + meminfo + "); " + ENABLE);
        }
        if (mount.isEmpty()) {
            return new HugePageSupport(
                    false,
                    pageSize,
                    free,
                    "",
                    free + " huge pages are free but no hugetlbfs is" + " mounted (none in " + mounts + "); " + ENABLE);
        }
        if (free <= 0) {
            return new HugePageSupport(
                    false,
                    pageSize,
                    free,
                    mount,
                    "hugetlbfs is mounted at " + mount + " but no huge pages are free (HugePages_Free " + free + " in "
                            + meminfo + "); " + ENABLE);
        }
        return new HugePageSupport(
                true, pageSize, free, mount, free + " free huge pages of " + pageSize + " bytes at " + mount);
    }

    private String findMount() {
        try {
            for (String line : Files.readAllLines(mounts)) {
                String[] fields = line.split(" ");
                if (fields.length > 2 && fields[2].equals("hugetlbfs")) {
                    return fields[1];
                }
            }
        } catch (IOException e) {
            return ""; // no mount table, no mount: the reason then says where it looked
        }
        return "";
    }

    /** The number after {@code key} on its line, or 0 when the line is missing. */
    private static long field(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                String[] words = line.substring(key.length()).trim().split("\\s+");
                try {
                    return Long.parseLong(words[0]);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
