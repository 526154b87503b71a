package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.pipeline.Caps;

/**
 * The parameters of the {@code gray8(width=W, height=H, stride=S)} format: {@code H} rows of {@code S} bytes, the
 * first {@code W} of each row pixels, in a buffer of at least {@code (H - 1) * S + W} bytes.
 *
 * @param width pixels per row, 1 to {@link #MAX_SIDE}
 * @param height rows, 1 to {@link #MAX_SIDE}
 * @param stride bytes from one row to the next, at least {@code width}
 */
record Gray8Format(int width, int height, int stride) {
    /** The format's name. */
    static final String NAME = "gray8";

    /** The largest width and height the elements take: 64 Ki - 1, as a PNG decoder in practice does. */
    static final int MAX_SIDE = 65535;

    /** What the elements take: any gray8 image up to {@link #MAX_SIDE} a side, its rows any stride apart. */
    static final Caps ANY_STRIDE = Caps.parse("gray8(width=[1,65535], height=[1,65535], stride=[1,2147483647])");

    /** What the elements make: packed rows, stride = width. */
    static final Caps PACKED = Caps.parse("gray8(width=[1,65535], height=[1,65535], stride=[1,65535])");

    /** Checks the sizes, naming the rule. */
    Gray8Format {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("A gray8 image of " + width + "x" + height
                    + " is not supported: width and height must be 1 to " + MAX_SIDE);
        }
        if (stride < width) {
            throw new IllegalArgumentException("A gray8 image " + width + " pixels wide cannot have stride " + stride
                    + ": each row must fit in the stride");
        }
    }

    /** A packed image: stride = width. */
    static Gray8Format packed(int width, int height) {
        return new Gray8Format(width, height, width);
    }

    /**
     * Reads the parameters of {@code format}.
     *
     * @throws IllegalArgumentException naming {@code element}, the format and what is wrong
     */
    static Gray8Format of(String element, Format format) {
        if (!format.name().equals(NAME)) {
            throw new IllegalArgumentException(
                    "Element '" + element + "' takes gray8 images, not " + format + ": put a decoder before it");
        }
        int width = parameter(element, format, "width");
        int height = parameter(element, format, "height");
        int stride = parameter(element, format, "stride");
        try {
            return new Gray8Format(width, height, stride);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Element '" + element + "' cannot take " + format + ": " + e.getMessage());
        }
    }

    private static int parameter(String element, Format format, String key) {
        String value = format.parameters().get(key);
        if (value == null) {
            throw new IllegalArgumentException("Element '" + element + "' needs gray8 with width, height and stride;"
                    + " " + format + " has no " + key);
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Element '" + element + "' cannot take " + format + ": " + key + " '"
                    + value + "' is not a whole number");
        }
    }

    /** The format value: {@code gray8(height=H, stride=S, width=W)}. */
    Format format() {
        return Format.of(NAME)
                .with("width", Integer.toString(width))
                .with("height", Integer.toString(height))
                .with("stride", Integer.toString(stride));
    }

    /** The bytes an image spans: {@code (height - 1) * stride + width}. */
    long byteSize() {
        return (long) (height - 1) * stride + width;
    }

    /** The bytes a packed copy of the image takes: {@code width * height}. */
    long packedSize() {
        return (long) width * height;
    }

    /**
     * A view of {@code buffer}'s bytes as this image: no copy.
     *
     * @throws IllegalArgumentException if the buffer is too small, naming {@code element}, its size and the format
     */
    Gray8 view(String element, Buffer buffer) {
        if (buffer.byteSize() < byteSize()) {
            throw new IllegalArgumentException("Element '" + element + "' got a buffer of " + buffer.byteSize()
                    + " bytes for " + format() + ", which spans " + byteSize() + " bytes ((height - 1) * stride +"
                    + " width)");
        }
        return new Gray8(buffer.segment(), width, height, stride);
    }
}
