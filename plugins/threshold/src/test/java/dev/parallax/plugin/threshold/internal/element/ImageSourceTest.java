package dev.parallax.plugin.threshold.internal.element;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.Source;
import dev.parallax.plugin.threshold.internal.codec.ImageIoCodec;
import dev.parallax.plugin.threshold.internal.kernels.Fixtures;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imagesrc}: the size from the header at negotiation, the pixels as ImageIO decodes them, then the end. */
class ImageSourceTest {
    private final ImageSourceFactory factory = new ImageSourceFactory(new ImageIoCodec());

    @TempDir
    Path dir;

    private Source create(String location) {
        return (Source) factory.create(TestProperties.of(factory.description(), "location", location));
    }

    /** What the source gives: its negotiated format and its one buffer's pixels, after checking the stream ends. */
    private record Read(Format format, byte[] pixels) {}

    private Read read(Path file) throws Exception {
        Source source = create(file.toString());
        Format format = source.negotiate(List.of(), 1).getFirst();
        Gray8Format image = Gray8Format.of("test", format);
        assertEquals(image.width(), image.stride(), "packed");
        TestRuntime.Recording output = new TestRuntime.Recording();
        source.start(new TestRuntime.Context("imagesrc0", List.of(), List.of(format)));
        try {
            assertFalse(source.produce(output), "one buffer, then the end of the stream");
            assertFalse(source.produce(output), "still the end");
            Buffer buffer = output.only();
            assertEquals(Metadata.EMPTY.withSequence(0).withFormat(format), buffer.metadata());
            return new Read(format, TestRuntime.pixels(buffer, image.width(), image.height()));
        } finally {
            source.stop();
        }
    }

    private static byte[] band0(Raster raster) {
        int[] samples = raster.getSamples(0, 0, raster.getWidth(), raster.getHeight(), 0, (int[]) null);
        byte[] bytes = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            bytes[i] = (byte) samples[i];
        }
        return bytes;
    }

    @Test
    void grayPng_hasImageIosSizeAndPixels() throws Exception {
        BufferedImage gray = new BufferedImage(37, 23, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(3);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                gray.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        Path png = dir.resolve("gray.png");
        ImageIO.write(gray, "png", png.toFile());
        Read read = read(png);
        assertEquals(new Gray8Format(37, 23, 37).format(), read.format());
        assertArrayEquals(band0(ImageIO.read(png.toFile()).getRaster()), read.pixels());
    }

    /** Colour becomes (r + 2g + b) / 4, AprilTag 3's rule, from the RGB ImageIO decodes. */
    @Test
    void colourPng_becomesGrayAsAprilTagDoes() throws Exception {
        BufferedImage rgb = new BufferedImage(13, 5, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(4);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 13; x++) {
                rgb.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        Path png = dir.resolve("colour.png");
        ImageIO.write(rgb, "png", png.toFile());
        BufferedImage decoded = ImageIO.read(png.toFile());
        byte[] want = new byte[13 * 5];
        for (int i = 0; i < want.length; i++) {
            int c = decoded.getRGB(i % 13, i / 13);
            want[i] = (byte) ((((c >> 16) & 0xff) + 2 * ((c >> 8) & 0xff) + (c & 0xff)) / 4);
        }
        Read read = read(png);
        assertEquals(new Gray8Format(13, 5, 13).format(), read.format());
        assertArrayEquals(want, read.pixels());
    }

    /** The committed photograph: ImageIO's header size and its luma plane (band 0 of the undecoded raster). */
    @Test
    void jpeg_hasImageIosSizeAndLumaPlane() throws Exception {
        Path jpeg = Files.write(dir.resolve("photo.jpg"), Fixtures.bytes("fixtures/jpeg/34139872896_defdb2f8d9_c.jpg"));
        byte[] luma;
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            width = reader.getWidth(0);
            height = reader.getHeight(0);
            luma = band0(reader.readRaster(0, null));
            reader.dispose();
        }
        Read read = read(jpeg);
        assertEquals(new Gray8Format(width, height, width).format(), read.format());
        assertArrayEquals(luma, read.pixels());
    }

    /** A PGM from AprilTag's fixtures against the test's own parser of it. */
    @Test
    void pgm_hasItsHeadersSizeAndItsBytes() throws Exception {
        Path pgm = Files.write(dir.resolve("photo3.pgm"), Fixtures.bytes("fixtures/apriltag/photo3.pgm"));
        var want = Fixtures.pgm("fixtures/apriltag/photo3.pgm");
        Read read = read(pgm);
        assertEquals(new Gray8Format(want.width(), want.height(), want.width()).format(), read.format());
        assertArrayEquals(want.toArray(), read.pixels());
    }

    @Test
    void missingFile_isRefusedAtNegotiation_namingItsFullPath() {
        String location = "no/such/image.png";
        Element source = create(location);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source.negotiate(List.of(), 1));
        assertEquals(
                "Element 'imagesrc' cannot read location 'no/such/image.png': Cannot read image "
                        + Path.of(location).toAbsolutePath() + ": the file does not exist",
                e.getMessage());
    }

    @Test
    void fileThatIsNoImage_isRefusedAtNegotiation_namingItAndItsFirstBytes() throws IOException {
        Path text = Files.write(dir.resolve("notes.png"), "hello".getBytes(StandardCharsets.US_ASCII));
        Element source = create(text.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source.negotiate(List.of(), 1));
        assertEquals(
                "Element 'imagesrc' cannot read location '" + text + "': Cannot read image " + text
                        + ": not a PNG, JPEG or PGM file (it starts with 68 65 6c 6c)",
                e.getMessage());
    }

    @Test
    void fileTruncatedAfterNegotiation_failsInProduce_namingIt_andPushesNothing() throws Exception {
        Path pgm = Files.write(dir.resolve("cut.pgm"), Fixtures.bytes("fixtures/apriltag/photo3.pgm"));
        Source source = create(pgm.toString());
        Format format = source.negotiate(List.of(), 1).getFirst();
        Files.write(pgm, "P5 161 123 255\n".getBytes(StandardCharsets.US_ASCII));
        TestRuntime.Recording output = new TestRuntime.Recording();
        source.start(new TestRuntime.Context("imagesrc0", List.of(), List.of(format)));
        try {
            IOException e = assertThrows(IOException.class, () -> source.produce(output));
            assertTrue(e.getMessage().startsWith("Cannot read image " + pgm + ": PGM data ends"), e.getMessage());
            assertTrue(output.buffers.isEmpty());
        } finally {
            source.stop();
        }
    }

    @Test
    void blankLocation_isRefusedWhenCreated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(" "));
        assertEquals("Element 'imagesrc' property 'location' is empty: give the image file to read", e.getMessage());
    }
}
