package dev.parallax.api.buffer;

import java.util.Objects;

/**
 * Whether this system offers huge pages to {@link Backing#HUGE_PAGES}, and if not, why and how to change that.
 *
 * @param available whether a hugetlbfs is mounted with free huge pages
 * @param pageSize the huge page size in bytes (2 MiB on most x86-64 systems), or 0 when unknown
 * @param freePages the free huge pages reported by the system
 * @param mount the hugetlbfs mount point, or an empty string when none is mounted
 * @param reason when unavailable, what is missing and how to enable it; otherwise a short description
 */
public record HugePageSupport(boolean available, long pageSize, long freePages, String mount, String reason) {
    /** Checks that the texts are present. */
    public HugePageSupport {
        Objects.requireNonNull(mount, "HugePageSupport mount");
        Objects.requireNonNull(reason, "HugePageSupport reason");
    }
}
