package dev.parallax.api.image;

import java.util.Locale;
import java.util.Optional;

/** The image file formats an {@link ImageCodec} knows. */
public enum ImageFormat {
    /** Portable Network Graphics: read and written. */
    PNG,
    /** JPEG (JFIF): read only; the luma plane is taken, as AprilTag 3 does. */
    JPEG,
    /** Binary (P5) or plain (P2) portable graymap with at most 8 bits: read and written (P5). */
    PGM;

    /** The format a file name's extension says ({@code .png}, {@code .jpg}, {@code .jpeg}, {@code .pgm}). */
    public static Optional<ImageFormat> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return Optional.of(PNG);
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return Optional.of(JPEG);
        }
        if (name.endsWith(".pgm")) {
            return Optional.of(PGM);
        }
        return Optional.empty();
    }
}
