package dev.parallax.benchmarks.threshold;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.image.TileThresholdParams;
import dev.parallax.plugin.threshold.internal.kernels.Kernels;
import dev.parallax.plugin.threshold.internal.kernels.VectorProbe;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One frame through each kernel, side by side: our tile and mean thresholds (scalar and Vector API), OpenCV's
 * adaptiveThreshold with MEAN_C and a 15 px block, and a plain copy of the frame, the memory-bandwidth bound.
 */
// time per frame: the figure a pipeline budget is written in
@BenchmarkMode(Mode.AverageTime)
// frames take from tens of microseconds (640x480 SIMD) to tens of milliseconds (4K scalar)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// one thread, as the issue asks: kernels are single-threaded; parallelism belongs to the pipeline
@Threads(1)
// each thread its own frames
@State(Scope.Thread)
// C2 needs a few seconds to compile and scalar-replace the vector code
@Warmup(iterations = 5, time = 1)
// enough iterations for a median on a noisy machine
@Measurement(iterations = 5, time = 1)
// the Vector API module must be in the forked JVM; OpenCV loads a native library
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class ThresholdBenchmark {
    private static final TileThresholdParams TILE = TileThresholdParams.APRILTAG;
    private static final int BLOCK = 15;
    private static final double C = 5;
    private static final MeanThresholdParams MEAN = new MeanThresholdParams(BLOCK, C);

    // VGA, full HD and 4K: from a webcam to a machine-vision camera
    @Param({"640x480", "1920x1080", "3840x2160"})
    public String size;

    private Kernels scalar;
    private Kernels vector;
    private Gray8 src;
    private Gray8 dst;
    private Mat cvSrc;
    private Mat cvDst;

    @Setup
    public void setUp() {
        nu.pattern.OpenCV.loadLocally();
        VectorProbe probe = VectorProbe.probe();
        if (!probe.available()) {
            throw new IllegalStateException(probe.message());
        }
        scalar = Kernels.scalar();
        vector = Kernels.vector(probe);
        int width = Integer.parseInt(size.substring(0, size.indexOf('x')));
        int height = Integer.parseInt(size.substring(size.indexOf('x') + 1));
        src = Gray8.wrap(frame(width, height), width, height);
        dst = Gray8.allocate(width, height);
        cvSrc = new Mat(height, width, CvType.CV_8UC1);
        cvSrc.put(0, 0, src.toArray());
        cvDst = new Mat(height, width, CvType.CV_8UC1);
        checkResultsOnce(width, height);
    }

    @TearDown
    public void tearDown() {
        cvSrc.release();
        cvDst.release();
    }

    /** A camera-like frame: a lit gradient, dark squares (tag-like edges) and sensor noise. */
    private static byte[] frame(int width, int height) {
        Random random = new Random(42);
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int light = 60 + 120 * x / width + 40 * y / height;
                boolean square = ((x / 48) + (y / 48)) % 3 == 0 && (x % 48) > 8 && (y % 48) > 8;
                int v = (square ? light / 4 : light) + random.nextInt(9) - 4;
                pixels[y * width + x] = (byte) Math.clamp(v, 0, 255);
            }
        }
        return pixels;
    }

    /** So that no benchmark measures a bug: SIMD equals scalar, and our mean equals OpenCV's, on this frame. */
    private void checkResultsOnce(int width, int height) {
        Gray8 expected = Gray8.allocate(width, height);
        scalar.tile().threshold(src, expected, TILE);
        vector.tile().threshold(src, dst, TILE);
        require(Arrays.equals(expected.toArray(), dst.toArray()), "SIMD tile threshold differs from scalar");
        scalar.mean().threshold(src, expected, MEAN);
        vector.mean().threshold(src, dst, MEAN);
        require(Arrays.equals(expected.toArray(), dst.toArray()), "SIMD mean threshold differs from scalar");
        Imgproc.adaptiveThreshold(cvSrc, cvDst, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY, BLOCK, C);
        byte[] opencv = new byte[width * height];
        cvDst.get(0, 0, opencv);
        require(Arrays.equals(expected.toArray(), opencv), "our mean threshold differs from OpenCV's");
        src.copyTo(dst);
        require(Arrays.equals(src.toArray(), dst.toArray()), "copy differs");
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException(problem);
        }
    }

    @Benchmark
    public Gray8 tileScalar() {
        scalar.tile().threshold(src, dst, TILE);
        return dst;
    }

    @Benchmark
    public Gray8 tileVector() {
        vector.tile().threshold(src, dst, TILE);
        return dst;
    }

    @Benchmark
    public Gray8 meanScalar() {
        scalar.mean().threshold(src, dst, MEAN);
        return dst;
    }

    @Benchmark
    public Gray8 meanVector() {
        vector.mean().threshold(src, dst, MEAN);
        return dst;
    }

    @Benchmark
    public Mat meanOpenCv() {
        Imgproc.adaptiveThreshold(cvSrc, cvDst, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY, BLOCK, C);
        return cvDst;
    }

    @Benchmark
    public Gray8 copyBound() {
        src.copyTo(dst);
        return dst;
    }
}
