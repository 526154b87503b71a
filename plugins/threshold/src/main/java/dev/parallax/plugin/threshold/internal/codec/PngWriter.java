package dev.parallax.plugin.threshold.internal.codec;

import dev.parallax.api.image.Gray8;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes gray images of one size as 8-bit gray PNG, again and again: the {@code javax.imageio} writer and the image
 * it encodes from are made once, so a frame costs a copy of its pixels and the encoding.
 *
 * <p>Not thread-safe: one per caller.
 */
public final class PngWriter implements AutoCloseable {
    private final int width;
    private final int height;
    private final BufferedImage gray;
    private final Gray8 pixels;
    private final ImageWriter writer;

    /**
     * A writer of {@code width x height} images.
     *
     * @throws IllegalStateException if this JVM has no PNG writer
     */
    public PngWriter(int width, int height) {
        this.width = width;
        this.height = height;
        this.gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        this.pixels = Gray8.wrap(((DataBufferByte) gray.getRaster().getDataBuffer()).getData(), width, height);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("This JVM has no PNG writer (javax.imageio)");
        }
        this.writer = writers.next();
    }

    /**
     * Writes {@code image} to {@code out} as a whole PNG file; {@code out} is left open.
     *
     * @throws IllegalArgumentException if the image is not this writer's size
     */
    public void write(Gray8 image, OutputStream out) throws IOException {
        if (image.width() != width || image.height() != height) {
            throw new IllegalArgumentException("PNG writer for " + width + "x" + height + " images was given a "
                    + image.width() + "x" + image.height() + " one");
        }
        image.copyTo(pixels);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(gray);
        } finally {
            writer.setOutput(null);
        }
    }

    /** Frees the writer's resources. */
    @Override
    public void close() {
        writer.dispose();
    }
}
