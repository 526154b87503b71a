package dev.parallax.core.internal.memory;

import dev.parallax.api.buffer.Allocator;
import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.HugePageSupport;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.buffer.PoolConfig;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The runtime's {@link MemoryService}: builds pools and allocators over the backings. Registered whether or not it
 * is configured; the configuration (PID {@code dev.parallax.memory}) only moves the shared memory folder or names a
 * hugetlbfs mount.
 */
@Component(configurationPid = MemoryServiceImpl.PID)
@Designate(ocd = MemoryServiceImpl.Config.class)
public final class MemoryServiceImpl implements MemoryService {
    static final String PID = "dev.parallax.memory";

    private static final System.Logger LOG = System.getLogger(MemoryServiceImpl.class.getName());

    /** The memory service's settings. */
    @ObjectClassDefinition(
            id = PID,
            name = "Parallax memory",
            description = "Where shared memory files and huge pages come from.")
    public @interface Config {
        @AttributeDefinition(
                name = "Shared memory folder",
                description = "The folder of shared memory files, a tmpfs that other processes can map.")
        String shm() default "/dev/shm";

        @AttributeDefinition(
                name = "hugetlbfs mount",
                description = "The hugetlbfs mount point for huge pages; empty to find one in /proc/mounts.",
                required = false)
        String hugetlbfs() default "";
    }

    private final Regions regions;

    @Activate
    public MemoryServiceImpl(Config config) {
        this(Path.of(config.shm()), HugePageProbe.system(config.hugetlbfs())::probe);
    }

    /**
     * A service configured as by default ({@code /dev/shm}, huge pages found in {@code /proc/mounts}): for what runs
     * the engine outside a framework, such as benchmarks and tests.
     */
    public static MemoryServiceImpl withDefaults() {
        return new MemoryServiceImpl(Path.of("/dev/shm"), HugePageProbe.system("")::probe);
    }

    MemoryServiceImpl(Path shmDirectory, Supplier<HugePageSupport> hugePages) {
        this.regions = new Regions(shmDirectory, hugePages);
    }

    @Override
    public MemoryPool createPool(PoolConfig config) {
        long stride = SlotPool.stride(config);
        long size;
        try {
            size = Math.multiplyExact(stride, (long) config.slots());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Pool '" + config.name() + "' of " + config.slots() + " slots of "
                    + stride + " bytes does not fit in a 64-bit address space");
        }
        Region region = regions.open(config.backing(), size, config.alignment(), "pool '" + config.name() + "'");
        if (!region.note().isEmpty()) {
            LOG.log(System.Logger.Level.INFO, region.note());
        }
        return new SlotPool(config, region, stride);
    }

    @Override
    public Allocator allocator(Backing backing) {
        if (backing instanceof Backing.SharedMemory || backing instanceof Backing.MappedFile) {
            throw new IllegalArgumentException("Backing " + backing + " names one file, but an allocator hands out"
                    + " many independent buffers: build a pool over the file with createPool instead");
        }
        return new StandaloneAllocator(regions, backing);
    }

    @Override
    public HugePageSupport hugePages() {
        return regions.hugePages();
    }
}
