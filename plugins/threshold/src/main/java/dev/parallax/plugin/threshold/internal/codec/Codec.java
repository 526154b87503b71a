package dev.parallax.plugin.threshold.internal.codec;

import dev.parallax.api.image.Gray8;
import java.io.IOException;
import java.nio.file.Path;

/** Error messages that name the file. */
final class Codec {
    private Codec() {}

    static IOException error(Path path, String problem) {
        return new IOException("Cannot read image " + path + ": " + problem);
    }

    static void checkSize(Path path, int width, int height, Gray8 dst) {
        if (dst.width() != width || dst.height() != height) {
            throw new IllegalArgumentException("Image " + path + " is " + width + "x" + height
                    + " but the destination is " + dst.width() + "x" + dst.height() + "; they must be the same size");
        }
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("Cannot read image " + path + " into " + dst + ": it is read-only");
        }
    }
}
