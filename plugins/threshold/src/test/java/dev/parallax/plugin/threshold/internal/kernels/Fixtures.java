package dev.parallax.plugin.threshold.internal.kernels;

import dev.parallax.api.image.Gray8;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Reads the reference fixtures (binary PGM from the test class path) and makes test images. */
public final class Fixtures {
    private Fixtures() {}

    /** The lines of {@code fixtures/<dir>/cases.txt}, split at spaces, comments left out. */
    public static List<String[]> cases(String dir) {
        return Arrays.stream(new String(bytes("fixtures/" + dir + "/cases.txt"), StandardCharsets.US_ASCII).split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split(" "))
                .toList();
    }

    /** A binary PGM (P5, maximum 255, no comments) from the class path, packed on the heap. */
    public static Gray8 pgm(String resource) {
        byte[] data = bytes(resource);
        int[] fields = new int[3];
        int pos = 2;
        for (int i = 0; i < 3; i++) {
            while (Character.isWhitespace(data[pos])) {
                pos++;
            }
            while (!Character.isWhitespace(data[pos])) {
                fields[i] = fields[i] * 10 + (data[pos++] - '0');
            }
        }
        pos++;
        if (data[0] != 'P' || data[1] != '5' || fields[2] != 255) {
            throw new IllegalStateException(resource + " is not a binary 8-bit PGM");
        }
        return Gray8.wrap(Arrays.copyOfRange(data, pos, pos + fields[0] * fields[1]), fields[0], fields[1]);
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of {@code image} in native memory whose rows are {@code padding} bytes longer than the width, the padding
     * filled with 0x5A so that a kernel reading it would show.
     */
    public static Gray8 padded(Arena arena, Gray8 image, int padding) {
        Gray8 copy = Gray8.allocate(arena, image.width(), image.height(), image.width() + padding);
        copy.pixels().fill((byte) 0x5A);
        image.copyTo(copy);
        return copy;
    }

    /** A destination like {@link #padded}: rows {@code padding} longer, everything 0x5A to start with. */
    public static Gray8 canvas(Arena arena, int width, int height, int padding) {
        Gray8 image = Gray8.allocate(arena, width, height, width + padding);
        image.pixels().fill((byte) 0x5A);
        return image;
    }

    /** Whether every padding byte of {@code image} (between width and stride) is still 0x5A. */
    public static boolean paddingIntact(Gray8 image) {
        for (int y = 0; y < image.height(); y++) {
            for (int x = image.width();
                    x < image.stride()
                            && (long) y * image.stride() + x < image.pixels().byteSize();
                    x++) {
                if (image.pixels().get(java.lang.foreign.ValueLayout.JAVA_BYTE, (long) y * image.stride() + x)
                        != 0x5A) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A random image mixing the boundary values 0, 1, 127, 128, 254 and 255 (where unsigned/signed and rounding
     * mistakes show), flat patches (low contrast) and noise.
     */
    public static Gray8 random(int width, int height, long seed) {
        byte[] edge = {0, 1, 127, (byte) 128, (byte) 254, (byte) 255};
        Random random = new Random(seed);
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int region = ((x / 9) + (y / 7)) % 3;
                pixels[y * width + x] = switch (region) {
                    case 0 -> edge[random.nextInt(edge.length)];
                    case 1 -> (byte) (200 + random.nextInt(3));
                    default -> (byte) random.nextInt(256);
                };
            }
        }
        return Gray8.wrap(pixels, width, height);
    }
}
