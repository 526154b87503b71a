package dev.parallax.plugin.threshold.internal.codec;

import dev.parallax.api.image.Gray8;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Portable graymap: binary (P5) and plain (P2) with a maximum value up to 255 (values are scaled to 0..255, rounded);
 * written as P5 with maximum 255. Header comments ({@code #} to the end of the line) are skipped.
 */
final class Pgm {
    private Pgm() {}

    /** A parsed header; the stream it was read from is left at the first pixel. */
    record Header(boolean binary, int width, int height, int maxValue) {}

    static Header header(Path path, InputStream in) throws IOException {
        int m1 = in.read();
        int m2 = in.read();
        if (m1 != 'P' || (m2 != '5' && m2 != '2')) {
            throw Codec.error(path, "not a PGM file: it does not start with P5 or P2");
        }
        int width = number(path, in, "width");
        int height = number(path, in, "height");
        int max = number(path, in, "maximum value");
        if (width < 1 || height < 1) {
            throw Codec.error(path, "PGM size " + width + "x" + height + " is empty");
        }
        if (max < 1 || max > 255) {
            throw Codec.error(path, "PGM maximum value " + max + " is not supported: only 8-bit PGM (1 to 255)");
        }
        return new Header(m2 == '5', width, height, max);
    }

    static void read(Path path, Gray8 dst) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            Header h = header(path, in);
            Codec.checkSize(path, h.width(), h.height(), dst);
            byte[] row = new byte[h.width()];
            for (int y = 0; y < h.height(); y++) {
                if (h.binary()) {
                    int n = in.readNBytes(row, 0, row.length);
                    if (n < row.length) {
                        throw Codec.error(
                                path,
                                "PGM data ends after " + ((long) y * h.width() + n) + " of "
                                        + (long) h.width() * h.height() + " pixels");
                    }
                } else {
                    for (int x = 0; x < row.length; x++) {
                        row[x] = (byte) number(path, in, "pixel (" + x + ", " + y + ")");
                    }
                }
                if (h.maxValue() != 255) {
                    for (int x = 0; x < row.length; x++) {
                        row[x] = (byte) ((Byte.toUnsignedInt(row[x]) * 255 + h.maxValue() / 2) / h.maxValue());
                    }
                }
                Gray8.wrap(row, h.width(), 1).copyTo(dst.region(0, y, h.width(), 1));
            }
        }
    }

    static void write(Gray8 image, Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            out.write(("P5\n" + image.width() + " " + image.height() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[image.width()];
            for (int y = 0; y < image.height(); y++) {
                image.region(0, y, image.width(), 1).copyTo(Gray8.wrap(row, image.width(), 1));
                out.write(row);
            }
        }
    }

    /** Reads a decimal number after whitespace and comments, and the one whitespace byte that ends it. */
    private static int number(Path path, InputStream in, String what) throws IOException {
        int c = in.read();
        while (c == '#' || Character.isWhitespace(c)) {
            if (c == '#') {
                while (c != '\n' && c != '\r' && c != -1) {
                    c = in.read();
                }
            }
            c = in.read();
        }
        if (c < '0' || c > '9') {
            throw Codec.error(path, "PGM " + what + " is missing or not a number");
        }
        long value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            if (value > Integer.MAX_VALUE) {
                throw Codec.error(path, "PGM " + what + " is too large");
            }
            c = in.read();
        }
        return (int) value;
    }
}
