package dev.parallax.api.image;

import java.util.Objects;

/**
 * What an image file holds, read from its header.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param format the file format, recognized from the content, not the name
 */
public record ImageInfo(int width, int height, ImageFormat format) {

    /** Checks that the format is there. */
    public ImageInfo {
        Objects.requireNonNull(format, "format");
    }
}
