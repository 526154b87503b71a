package dev.parallax.plugin.threshold.internal.element;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.image.TileThresholdParams;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.Source;
import dev.parallax.plugin.threshold.internal.codec.ImageIoCodec;
import dev.parallax.plugin.threshold.internal.kernels.Kernels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented pipeline, {@code imagesrc ! threshold ! pngenc ! filesink}, driven element by element on the
 * committed photograph (filesink's part played by writing the buffer's bytes to a file); and the descriptions
 * every element publishes, with their examples in docs/threshold.md.
 */
class ExamplePipelineTest {
    /** The repository root: tests run in plugins/threshold. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    private final ImageIoCodec codec = new ImageIoCodec();

    @TempDir
    Path dir;

    /** Runs imagesrc ! threshold(properties) ! pngenc on the example image; returns the PNG file's bytes. */
    private byte[] pipeline(Kernels kernels, Object... properties) throws Exception {
        ImageSourceFactory sources = new ImageSourceFactory(codec);
        ThresholdElementFactory thresholds = ThresholdRun.factory(kernels);
        PngEncoderFactory encoders = new PngEncoderFactory();
        Source source = (Source) sources.create(TestProperties.of(
                sources.description(),
                "location",
                ROOT.resolve(ThresholdElementFactory.EXAMPLE_IMAGE).toString()));
        Element threshold = thresholds.create(TestProperties.of(thresholds.description(), properties));
        Element encoder = encoders.create(TestProperties.of(encoders.description()));
        Format image = source.negotiate(List.of(), 1).getFirst();
        Format binary = threshold.negotiate(List.of(image), 1).getFirst();
        Format file = encoder.negotiate(List.of(binary), 1).getFirst();
        source.start(new TestRuntime.Context("imagesrc0", List.of(), List.of(image)));
        threshold.start(new TestRuntime.Context("threshold0", List.of(image), List.of(binary)));
        encoder.start(new TestRuntime.Context("pngenc0", List.of(binary), List.of(file)));
        TestRuntime.Recording decoded = new TestRuntime.Recording();
        TestRuntime.Recording thresholded = new TestRuntime.Recording();
        TestRuntime.Recording encoded = new TestRuntime.Recording();
        try {
            assertFalse(source.produce(decoded));
            threshold.process(0, decoded.only(), thresholded);
            threshold.endOfStream(thresholded);
            encoder.process(0, thresholded.only(), encoded);
            encoder.endOfStream(encoded);
            Path out = dir.resolve("threshold.png");
            try (Buffer png = encoded.only();
                    FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.write(png.segment().asByteBuffer());
            }
            return Files.readAllBytes(out);
        } finally {
            encoder.stop();
            threshold.stop();
            source.stop();
        }
    }

    private static byte[] pixels(byte[] png) throws Exception {
        return toBytes(ImageIO.read(new ByteArrayInputStream(png)));
    }

    private static byte[] toBytes(BufferedImage image) {
        int[] samples = image.getRaster().getSamples(0, 0, image.getWidth(), image.getHeight(), 0, (int[]) null);
        byte[] bytes = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            bytes[i] = (byte) samples[i];
        }
        return bytes;
    }

    @Test
    void examplePipeline_writesThePhotographThresholded() throws Exception {
        Gray8 photo = codec.read(ROOT.resolve(ThresholdElementFactory.EXAMPLE_IMAGE));
        for (Kernels kernels : ThresholdRun.kernels()) {
            assertArrayEquals(
                    ThresholdRun.direct(kernels, photo, "tile", TileThresholdParams.APRILTAG, false),
                    pixels(pipeline(kernels)),
                    "defaults");
            assertArrayEquals(
                    ThresholdRun.direct(kernels, photo, "mean", new MeanThresholdParams(15, 5), true),
                    pixels(pipeline(kernels, "method", "mean", "decimate", true)),
                    "mean, decimated");
        }
    }

    @Test
    void everyElement_isDescribedInFull_andSwappable() {
        List<ElementFactory> factories =
                List.of(new ImageSourceFactory(codec), ThresholdRun.factory(Kernels.scalar()), new PngEncoderFactory());
        assertEquals(
                List.of("imagesrc", "threshold", "pngenc"),
                factories.stream().map(f -> f.description().name()).toList());
        for (ElementFactory factory : factories) {
            var description = factory.description();
            assertFalse(description.summary().isBlank(), description.name());
            assertFalse(description.category().isBlank(), description.name());
            assertFalse(description.pads().isEmpty(), description.name());
            assertTrue(description.example().contains(description.name() + " "), description.example());
            assertTrue(description.swappable(), description.name());
            for (PropertySpec property : description.properties()) {
                assertFalse(property.description().isBlank(), description.name() + " " + property.name());
            }
        }
        assertEquals(
                List.of("method", "tile-size", "min-white-black-diff", "block-size", "c", "decimate"),
                factories.get(1).description().properties().stream()
                        .map(PropertySpec::name)
                        .toList());
        assertEquals(
                List.of("tile", 4L, 5L, 15L, 5.0, false),
                factories.get(1).description().properties().stream()
                        .map(PropertySpec::defaultValue)
                        .toList());
    }

    /** docs/threshold.md shows each element's example as its "Example pipeline" line, with an image that exists. */
    @Test
    void docs_showEveryExamplePipeline_onAnImageThatExists() throws Exception {
        String docs = Files.readString(ROOT.resolve("docs/threshold.md"), StandardCharsets.UTF_8);
        for (ElementFactory factory : List.of(
                new ImageSourceFactory(codec), ThresholdRun.factory(Kernels.scalar()), new PngEncoderFactory())) {
            String example = factory.description().example();
            assertTrue(docs.contains("Example pipeline: `" + example + "`"), "docs lack: " + example);
        }
        assertTrue(Files.isRegularFile(ROOT.resolve(ThresholdElementFactory.EXAMPLE_IMAGE)));
    }
}
