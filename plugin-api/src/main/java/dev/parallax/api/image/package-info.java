/**
 * 8-bit gray images and the kernels and codecs that work on them.
 *
 * <p>{@link dev.parallax.api.image.Gray8} is a view over pixels that live elsewhere: a Java {@code byte[]}, native
 * memory or a mapped file, addressed by width, height and stride through a {@link java.lang.foreign.MemorySegment}.
 * Creating one checks once that every row fits in the segment, so a kernel never reads or writes outside it.
 *
 * <p>Kernels ({@link dev.parallax.api.image.TileThreshold}, {@link dev.parallax.api.image.MeanThreshold}, {@link
 * dev.parallax.api.image.Decimate}) are OSGi services. The caller brings the destination image, so a kernel
 * allocates nothing per frame; several implementations (SIMD, scalar) can be registered side by side, told apart by
 * {@link dev.parallax.api.image.KernelProperties#IMPL} and ranked by {@code service.ranking}. {@link
 * dev.parallax.api.image.ImageCodec} reads PNG, JPEG and PGM files into gray images and writes PNG and PGM.
 *
 * <p>Version 1.0: held to semantic versioning by the build's baselining against the released API.
 */
@Export
@Version("1.0.0")
package dev.parallax.api.image;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
