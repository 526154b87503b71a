package dev.parallax.core.internal.memory;

import dev.parallax.api.buffer.HugePageSupport;
import java.nio.file.Path;

/** Test helpers: a memory service over the real system, and one with a made-up huge page report. */
final class Pools {
    private Pools() {}

    /** The service as the runtime builds it by default: /dev/shm and the system's huge page report. */
    static MemoryServiceImpl system() {
        return MemoryServiceImpl.withDefaults();
    }

    /** A service whose huge page probe always reports {@code support}. */
    static MemoryServiceImpl withHugePages(HugePageSupport support) {
        return new MemoryServiceImpl(Path.of("/dev/shm"), () -> support);
    }

    /** A name no other test run uses, for shared memory files. */
    static String uniqueName(String what) {
        return "parallax-test-" + what + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }
}
