/**
 * Buffers and the memory they live in: the data that flows through a Parallax pipeline.
 *
 * <p>A {@link dev.parallax.api.buffer.Buffer} is a view over a {@link java.lang.foreign.MemorySegment} with its
 * {@link dev.parallax.api.buffer.Metadata} (sequence number, timestamps, flags and {@link
 * dev.parallax.api.buffer.Format}). Passing, slicing and sharing a buffer never copies its bytes; each handle is
 * released once, explicitly, and a handle used after its release fails with an {@link IllegalStateException} that
 * names it, never reading memory that was freed or handed to someone else.
 *
 * <p>The memory comes from a {@link dev.parallax.api.buffer.MemoryPool} (fixed-size slots, lock-free loan and
 * return, for the per-buffer path) or an {@link dev.parallax.api.buffer.Allocator} (any size, for set-up). Both are
 * obtained from the runtime's {@link dev.parallax.api.buffer.MemoryService}, over the {@link
 * dev.parallax.api.buffer.Backing} asked for: the Java heap, native memory, shared memory in {@code /dev/shm}, a
 * memory-mapped file, or huge pages where the system offers them. See {@code docs/memory.md} for the design and its
 * measured costs.
 *
 * <p>Version 1.0: held to semantic versioning by the build's baselining against the released API.
 */
@Export
@Version("1.0.0")
package dev.parallax.api.buffer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
