package dev.parallax.plugin.threshold.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.ImageFormat;
import dev.parallax.api.image.ImageInfo;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing images: round trips, a real JPEG against AprilTag's own decoder, errors naming the file. */
class ImageIoCodecTest {
    private final ImageIoCodec codec = new ImageIoCodec();

    @TempDir
    Path dir;

    /** 37x23: odd sizes; every byte value appears. */
    private static Gray8 sample() {
        byte[] pixels = new byte[37 * 23];
        new Random(5).nextBytes(pixels);
        for (int i = 0; i < 256; i++) {
            pixels[i] = (byte) i;
        }
        return Gray8.wrap(pixels, 37, 23);
    }

    @Test
    void pngAndPgm_roundTripExactly_fromAPaddedNativeImage() throws IOException {
        Gray8 image = sample();
        try (Arena arena = Arena.ofConfined()) {
            Gray8 padded = Gray8.allocate(arena, 37, 23, 41);
            image.copyTo(padded);
            for (ImageFormat format : new ImageFormat[] {ImageFormat.PNG, ImageFormat.PGM}) {
                Path file = dir.resolve("round." + format.name().toLowerCase());
                codec.write(padded, file, format);
                assertEquals(new ImageInfo(37, 23, format), codec.probe(file));
                assertArrayEquals(image.toArray(), codec.read(file).toArray(), format.name());
                Gray8 into = Gray8.allocate(arena, 37, 23, 64);
                codec.read(file, into);
                assertArrayEquals(image.toArray(), into.toArray(), format.name() + " into a strided image");
            }
        }
    }

    @Test
    void plainPgmWithCommentsAndSmallMaximum_isScaledTo255() throws IOException {
        Path file = dir.resolve("plain.pgm");
        Files.writeString(file, "P2\n# a comment\n3 1\n# another\n15\n0 7 15\n", StandardCharsets.US_ASCII);
        assertArrayEquals(
                new byte[] {0, (byte) 119, (byte) 255}, codec.read(file).toArray());
    }

    /**
     * The JPEG's luma, read without colour conversion, against AprilTag 3's own decoder (pjpeg) on the same file:
     * the photo3 fixture is its crop at (280, 280). Two IDCTs may differ by a grey level here and there, no more.
     */
    @Test
    void jpeg_readsTheLumaPlaneLikeAprilTag() throws IOException {
        Path jpeg = dir.resolve("photo.jpg");
        try (InputStream in = resource("fixtures/jpeg/34139872896_defdb2f8d9_c.jpg")) {
            Files.copy(in, jpeg);
        }
        assertEquals(new ImageInfo(799, 533, ImageFormat.JPEG), codec.probe(jpeg));
        Gray8 image = codec.read(jpeg);
        Path pgm = dir.resolve("photo3.pgm");
        try (InputStream in = resource("fixtures/apriltag/photo3.pgm")) {
            Files.copy(in, pgm);
        }
        byte[] april = codec.read(pgm).toArray();
        byte[] ours = image.region(280, 280, 161, 123).toArray();
        int worst = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs(Byte.toUnsignedInt(ours[i]) - Byte.toUnsignedInt(april[i])));
        }
        assertTrue(worst <= 1, "largest difference from AprilTag's decoder: " + worst);
    }

    @Test
    void missingFile_isReportedWithItsPath() {
        Path missing = dir.resolve("nope.png");
        IOException e = assertThrows(IOException.class, () -> codec.read(missing));
        assertEquals("Cannot read image " + missing + ": the file does not exist", e.getMessage());
    }

    @Test
    void unknownContent_isReportedWithItsPathAndFirstBytes() throws IOException {
        Path file = Files.write(dir.resolve("text.png"), "hello".getBytes(StandardCharsets.US_ASCII));
        IOException e = assertThrows(IOException.class, () -> codec.read(file));
        assertEquals(
                "Cannot read image " + file + ": not a PNG, JPEG or PGM file (it starts with 68 65 6c 6c)",
                e.getMessage());
    }

    @Test
    void truncatedPngJpegAndPgm_areReportedWithTheirPath() throws IOException {
        Gray8 image = sample();
        Path png = dir.resolve("full.png");
        codec.write(image, png, ImageFormat.PNG);
        Path pgm = dir.resolve("full.pgm");
        codec.write(image, pgm, ImageFormat.PGM);
        Path jpeg = dir.resolve("full.jpg");
        try (InputStream in = resource("fixtures/jpeg/34139872896_defdb2f8d9_c.jpg")) {
            Files.copy(in, jpeg);
        }
        for (Path full : new Path[] {png, pgm, jpeg}) {
            byte[] bytes = Files.readAllBytes(full);
            Path cut = Files.write(dir.resolve("cut-" + full.getFileName()), Arrays.copyOf(bytes, bytes.length / 2));
            IOException e = assertThrows(IOException.class, () -> codec.read(cut), full.toString());
            assertTrue(e.getMessage().startsWith("Cannot read image " + cut + ": "), e.getMessage());
        }
    }

    @Test
    void sixteenBitPgmAndWrongDestination_areRefusedWithTheRule() throws IOException {
        Path deep = Files.write(dir.resolve("deep.pgm"), "P5 2 2 65535\n".getBytes(StandardCharsets.US_ASCII));
        IOException e = assertThrows(IOException.class, () -> codec.read(deep));
        assertEquals(
                "Cannot read image " + deep + ": PGM maximum value 65535 is not supported: only 8-bit PGM (1 to 255)",
                e.getMessage());

        Path png = dir.resolve("small.png");
        codec.write(sample(), png, ImageFormat.PNG);
        IllegalArgumentException wrong =
                assertThrows(IllegalArgumentException.class, () -> codec.read(png, Gray8.allocate(10, 10)));
        assertEquals(
                "Image " + png + " is 37x23 but the destination is 10x10; they must be the same size",
                wrong.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> codec.write(sample(), dir.resolve("x.jpg"), ImageFormat.JPEG));
    }

    private static InputStream resource(String name) {
        return ImageIoCodecTest.class.getClassLoader().getResourceAsStream(name);
    }
}
