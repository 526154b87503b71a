package dev.parallax.api.image;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * An 8-bit gray image: {@code height} rows of {@code width} unsigned bytes, row {@code y} starting at byte {@code y
 * * stride} of {@code pixels}.
 *
 * <p>A view, never a copy: the pixels stay where they are (a {@code byte[]}, native memory, a mapped file). The
 * constructor checks once that every row fits in the segment; kernels rely on that and check nothing per pixel, so
 * a bad stride is an {@link IllegalArgumentException} naming the value and the rule, never a JVM crash or a read
 * outside the image. Bytes between {@code width} and {@code stride} are padding: kernels neither read nor write
 * them.
 *
 * @param pixels the memory holding the pixels; pixel (0, 0) is its first byte
 * @param width the number of pixels in a row, at least 1
 * @param height the number of rows, at least 1
 * @param stride the distance in bytes from the start of a row to the start of the next, at least {@code width}
 */
public record Gray8(MemorySegment pixels, int width, int height, int stride) {

    /** Checks that the dimensions are positive and that every row lies inside {@code pixels}. */
    public Gray8 {
        Objects.requireNonNull(pixels, "Gray8 pixels");
        if (width < 1) {
            throw new IllegalArgumentException("Gray8 width must be at least 1: " + width);
        }
        if (height < 1) {
            throw new IllegalArgumentException("Gray8 height must be at least 1: " + height);
        }
        if (stride < width) {
            throw new IllegalArgumentException("Gray8 stride " + stride + " is less than its width " + width
                    + ": each row must fit in the stride");
        }
        long span = (long) (height - 1) * stride + width;
        if (span > pixels.byteSize()) {
            throw new IllegalArgumentException("Gray8 " + width + "x" + height + " with stride " + stride + " spans "
                    + span + " bytes, but its segment holds only " + pixels.byteSize());
        }
    }

    /** A view of a packed {@code width * height} array (stride = width); writes go to the array. */
    public static Gray8 wrap(byte[] array, int width, int height) {
        return wrap(array, 0, width, height, width);
    }

    /**
     * A view of {@code array} whose pixel (0, 0) is at {@code offset}; writes go to the array.
     *
     * @throws IllegalArgumentException if the offset is outside the array or the rows do not fit, naming the value
     */
    public static Gray8 wrap(byte[] array, int offset, int width, int height, int stride) {
        Objects.requireNonNull(array, "Gray8 array");
        if (offset < 0 || offset > array.length) {
            throw new IllegalArgumentException(
                    "Gray8 offset " + offset + " is outside the array of " + array.length + " bytes");
        }
        return new Gray8(MemorySegment.ofArray(array).asSlice(offset), width, height, stride);
    }

    /** A new zeroed, packed image on the Java heap. */
    public static Gray8 allocate(int width, int height) {
        if (width < 1 || height < 1 || (long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Gray8 " + width + "x" + height
                    + " cannot be allocated on the heap: width and height must be at least 1 and their product"
                    + " below 2^31");
        }
        return wrap(new byte[width * height], width, height);
    }

    /** A new zeroed image in native memory owned by {@code arena}, its rows {@code stride} bytes apart. */
    public static Gray8 allocate(Arena arena, int width, int height, int stride) {
        if (width < 1 || height < 1 || stride < width) {
            throw new IllegalArgumentException("Gray8 " + width + "x" + height + " with stride " + stride
                    + " cannot be allocated: width and height must be at least 1 and the stride at least the width");
        }
        return new Gray8(arena.allocate((long) height * stride, 64), width, height, stride);
    }

    /** The number of bytes the image spans in its segment, from pixel (0, 0) to the last pixel of the last row. */
    public long byteSize() {
        return (long) (height - 1) * stride + width;
    }

    /** Whether the pixels can only be read. */
    public boolean isReadOnly() {
        return pixels.isReadOnly();
    }

    /** Whether {@code other} has this image's width and height. */
    public boolean sameSize(Gray8 other) {
        return width == other.width && height == other.height;
    }

    /**
     * Whether the bytes this image spans and those {@code other} spans share any byte. Allocates nothing unless the
     * two segments overlap (then it compares the spans).
     */
    public boolean overlaps(Gray8 other) {
        if (pixels.asOverlappingSlice(other.pixels).isEmpty()) {
            return false; // different arrays or disjoint native memory: Optional.empty() is a shared instance
        }
        // the same array or address range: address() is the native address, or for a heap segment its array offset
        long a = pixels.address();
        long b = other.pixels.address();
        return a < b + other.byteSize() && b < a + byteSize();
    }

    /** The offset in {@link #pixels} of pixel ({@code x}, {@code y}), checked against the width and height. */
    public long offset(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException(
                    "Pixel (" + x + ", " + y + ") is outside the " + width + "x" + height + " image");
        }
        return (long) y * stride + x;
    }

    /** The value of pixel ({@code x}, {@code y}), 0 to 255. */
    public int get(int x, int y) {
        return Byte.toUnsignedInt(pixels.get(ValueLayout.JAVA_BYTE, offset(x, y)));
    }

    /** Sets pixel ({@code x}, {@code y}) to the low 8 bits of {@code value}. */
    public void set(int x, int y, int value) {
        pixels.set(ValueLayout.JAVA_BYTE, offset(x, y), (byte) value);
    }

    /** A view of the {@code w x h} rectangle whose top-left pixel is ({@code x}, {@code y}); shares the pixels. */
    public Gray8 region(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w < 1 || h < 1 || (long) x + w > width || (long) y + h > height) {
            throw new IllegalArgumentException("Region " + w + "x" + h + " at (" + x + ", " + y
                    + ") does not lie inside the " + width + "x" + height + " image");
        }
        return new Gray8(pixels.asSlice((long) y * stride + x), w, h, stride);
    }

    /** Copies the pixels row by row into {@code dst}, which must have the same width and height. */
    public void copyTo(Gray8 dst) {
        if (!sameSize(dst)) {
            throw new IllegalArgumentException("Cannot copy a " + width + "x" + height + " image into a " + dst.width
                    + "x" + dst.height + " one: the sizes must be equal");
        }
        if (stride == width && dst.stride == width) {
            MemorySegment.copy(pixels, 0, dst.pixels, 0, (long) width * height);
            return;
        }
        for (int y = 0; y < height; y++) {
            MemorySegment.copy(pixels, (long) y * stride, dst.pixels, (long) y * dst.stride, width);
        }
    }

    /** Sets every pixel to the low 8 bits of {@code value}, leaving the padding alone. */
    public void fill(int value) {
        for (int y = 0; y < height; y++) {
            pixels.asSlice((long) y * stride, width).fill((byte) value);
        }
    }

    /** The pixels, packed row after row into a new array of {@code width * height} bytes. */
    public byte[] toArray() {
        byte[] packed = new byte[Math.multiplyExact(width, height)];
        copyTo(wrap(packed, width, height));
        return packed;
    }

    @Override
    public String toString() {
        return "Gray8[" + width + "x" + height + ", stride " + stride + (pixels.isNative() ? ", native" : ", heap")
                + "]";
    }
}
