package dev.parallax.plugin.threshold.internal.element;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.pipeline.Element;
import dev.parallax.plugin.threshold.internal.kernels.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@code pngenc}: each gray8 buffer becomes a whole PNG file that ImageIO decodes to the same pixels. */
class PngEncoderTest {
    private final PngEncoderFactory factory = new PngEncoderFactory();

    /** Decodes a PNG file with ImageIO, which must see 8-bit gray. */
    private static byte[] decode(byte[] png, int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        byte[] pixels = new byte[width * height];
        int[] samples = image.getRaster().getSamples(0, 0, width, height, 0, (int[]) null);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) samples[i];
        }
        return pixels;
    }

    /**
     * 1x1 (the smallest PNG), 37x23 and 207x13 with odd row padding (the encoder must skip it); three different
     * frames through one element, since the writer and its image are reused.
     */
    @Test
    void frames_roundTripThroughImageIo_withTheirMetadata() throws Exception {
        int[][] sizes = {{1, 1, 0}, {37, 23, 4}, {207, 13, 13}};
        for (int[] size : sizes) {
            int width = size[0];
            int height = size[1];
            Element element = factory.create(TestProperties.of(factory.description()));
            Format in = new Gray8Format(width, height, width + size[2]).format();
            assertEquals(List.of(Format.BYTES), element.negotiate(List.of(in), 1));
            TestRuntime.Recording output = new TestRuntime.Recording();
            element.start(new TestRuntime.Context("pngenc0", List.of(in), List.of(Format.BYTES)));
            try {
                for (int i = 0; i < 3; i++) {
                    Gray8 frame = Fixtures.random(width, height, 100 + i);
                    Buffer buffer = TestRuntime.gray8(frame, size[2], i);
                    element.process(0, buffer, output);
                    assertTrue(buffer.isReleased(), "input released");
                    try (Buffer png = output.only()) {
                        assertEquals(Metadata.EMPTY.withSequence(i).withFormat(Format.BYTES), png.metadata());
                        byte[] bytes = png.segment().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                        assertEquals((byte) 0x89, bytes[0]);
                        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
                        assertArrayEquals(
                                frame.toArray(), decode(bytes, width, height), width + "x" + height + " frame " + i);
                    }
                }
            } finally {
                element.stop();
            }
        }
    }
}
