package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.image.Decimate;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.image.TileThresholdParams;
import dev.parallax.api.pipeline.Element;
import dev.parallax.plugin.threshold.internal.kernels.Kernels;
import dev.parallax.plugin.threshold.internal.kernels.VectorProbe;
import java.util.ArrayList;
import java.util.List;

/** Drives a {@code threshold} element the way the runtime does, and computes what the kernels give directly. */
final class ThresholdRun {
    private ThresholdRun() {}

    /** The scalar kernels, and the SIMD ones where this JVM has the Vector API. */
    static List<Kernels> kernels() {
        List<Kernels> kernels = new ArrayList<>(List.of(Kernels.scalar()));
        VectorProbe probe = VectorProbe.probe();
        if (probe.available()) {
            kernels.add(Kernels.vector(probe));
        }
        return kernels;
    }

    static ThresholdElementFactory factory(Kernels kernels) {
        return new ThresholdElementFactory(kernels.tile(), kernels.mean(), kernels.decimate());
    }

    /**
     * Negotiates, starts and stops an element made with {@code properties}, sending each image in a buffer whose rows
     * are {@code padding} bytes longer than the width; returns the output pixels, packed, one array per image.
     */
    static List<byte[]> run(Kernels kernels, List<Gray8> images, int padding, Object... properties) throws Exception {
        ThresholdElementFactory factory = factory(kernels);
        Element element = factory.create(TestProperties.of(factory.description(), properties));
        Gray8 first = images.getFirst();
        Format in = new Gray8Format(first.width(), first.height(), first.width() + padding).format();
        Format out = element.negotiate(List.of(in), 1).getFirst();
        Gray8Format result = Gray8Format.of("test", out);
        TestRuntime.Recording output = new TestRuntime.Recording();
        List<byte[]> pixels = new ArrayList<>();
        element.start(new TestRuntime.Context("threshold0", List.of(in), List.of(out)));
        try {
            for (int i = 0; i < images.size(); i++) {
                Buffer buffer = TestRuntime.gray8(images.get(i), padding, i);
                element.process(0, buffer, output);
                pixels.add(TestRuntime.pixels(output.only(), result.width(), result.height()));
            }
            element.endOfStream(output);
        } finally {
            element.stop();
        }
        return pixels;
    }

    /** The kernels called directly on a packed heap copy: the decimation first if asked, then the threshold. */
    static byte[] direct(Kernels kernels, Gray8 image, String method, Object params, boolean decimate) {
        Gray8 src = image;
        if (decimate) {
            src = Gray8.allocate(Decimate.halfSize(image.width()), Decimate.halfSize(image.height()));
            kernels.decimate().decimate2(image, src);
        }
        Gray8 dst = Gray8.allocate(src.width(), src.height());
        if (method.equals("tile")) {
            kernels.tile().threshold(src, dst, (TileThresholdParams) params);
        } else {
            kernels.mean().threshold(src, dst, (MeanThresholdParams) params);
        }
        return dst.toArray();
    }
}
