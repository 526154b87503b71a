package dev.parallax.api.image;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads PNG, JPEG and PGM files into gray images and writes PNG and PGM.
 *
 * <p>Colour becomes gray as AprilTag 3 does it: {@code (r + 2g + b) / 4} for PNG, the luma plane for JPEG. The
 * format is recognized from the file's content. Every error names the file and what is wrong with it.
 *
 * <p>A provider type: codec bundles implement it, consumers call it.
 */
@ProviderType
public interface ImageCodec {
    /** Reads only the header of {@code path}: its size and format. */
    ImageInfo probe(Path path) throws IOException;

    /**
     * Reads {@code path} into {@code dst}, which must have the file's width and height (see {@link #probe}).
     *
     * @throws IllegalArgumentException if {@code dst} has another size or is read-only
     */
    void read(Path path, Gray8 dst) throws IOException;

    /** Reads {@code path} into a new packed image on the Java heap. */
    Gray8 read(Path path) throws IOException;

    /**
     * Writes {@code image} to {@code path} in {@code format}, replacing the file.
     *
     * @throws IllegalArgumentException if the format cannot be written (JPEG)
     */
    void write(Gray8 image, Path path, ImageFormat format) throws IOException;
}
