package dev.parallax.plugin.threshold.internal.codec;

import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.ImageCodec;
import dev.parallax.api.image.ImageFormat;
import dev.parallax.api.image.ImageInfo;
import dev.parallax.api.image.KernelProperties;
import dev.parallax.api.plugin.ParallaxPlugin;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * PNG and JPEG through {@code javax.imageio}, PGM by hand ({@link Pgm}). The format comes from the file's first
 * bytes, never its name. Colour becomes gray as AprilTag 3 does: {@code (r + 2g + b) / 4} for PNG (its PNM rule),
 * the luma plane for JPEG (its {@code pjpeg_to_u8_baseline}), read without colour conversion.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ImageCodec.class)
@ParallaxPlugin(
        id = "threshold.codec",
        capability = KernelProperties.IMAGE_CODEC,
        description = "Reads PNG, JPEG and PGM into gray8; writes PNG and PGM",
        license = "Apache-2.0")
public final class ImageIoCodec implements ImageCodec {

    @Override
    public ImageInfo probe(Path path) throws IOException {
        ImageFormat format = format(path);
        if (format == ImageFormat.PGM) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
                Pgm.Header h = Pgm.header(path, in);
                return new ImageInfo(h.width(), h.height(), format);
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            ImageReader reader = reader(path, format, in);
            try {
                return new ImageInfo(reader.getWidth(0), reader.getHeight(0), format);
            } catch (IOException | RuntimeException e) {
                throw Codec.error(path, "corrupt " + format + " header (" + e.getMessage() + ")");
            } finally {
                reader.dispose();
            }
        }
    }

    @Override
    public Gray8 read(Path path) throws IOException {
        ImageInfo info = probe(path);
        Gray8 image = Gray8.allocate(info.width(), info.height());
        read(path, image);
        return image;
    }

    @Override
    public void read(Path path, Gray8 dst) throws IOException {
        ImageFormat format = format(path);
        if (format == ImageFormat.PGM) {
            Pgm.read(path, dst);
            return;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            ImageReader reader = reader(path, format, in);
            try {
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw Codec.error(path, "corrupt " + format + " header (" + e.getMessage() + ")");
                }
                Codec.checkSize(path, width, height, dst);
                List<String> warnings = new ArrayList<>(1);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                try {
                    if (format == ImageFormat.JPEG) {
                        copyBand(reader.readRaster(0, null), dst); // the JPEG's own colour space: band 0 is luma
                    } else {
                        toGray(reader.read(0), dst);
                    }
                } catch (IOException | RuntimeException e) {
                    throw Codec.error(path, "corrupt " + format + " data (" + e.getMessage() + ")");
                }
                if (!warnings.isEmpty()) { // e.g. "Premature end of JPEG file": the pixels read are incomplete
                    throw Codec.error(path, "corrupt " + format + " data (" + warnings.getFirst() + ")");
                }
            } finally {
                reader.dispose();
            }
        }
    }

    @Override
    public void write(Gray8 image, Path path, ImageFormat format) throws IOException {
        switch (format) {
            case PGM -> Pgm.write(image, path);
            case PNG -> {
                try (PngWriter png = new PngWriter(image.width(), image.height());
                        OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
                    png.write(image, out);
                } catch (IllegalStateException e) {
                    throw new IOException("Cannot write image " + path + ": " + e.getMessage(), e);
                }
            }
            case JPEG ->
                throw new IllegalArgumentException(
                        "Cannot write image " + path + " as JPEG: JPEG is lossy; write PNG or PGM");
        }
    }

    private static ImageFormat format(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(4);
        } catch (NoSuchFileException e) {
            throw Codec.error(path, "the file does not exist");
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return ImageFormat.PNG;
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return ImageFormat.JPEG;
        }
        if (head.length >= 2 && head[0] == 'P' && (head[1] == '5' || head[1] == '2')) {
            return ImageFormat.PGM;
        }
        throw Codec.error(
                path,
                "not a PNG, JPEG or PGM file (it starts with "
                        + HexFormat.ofDelimiter(" ").formatHex(head) + ")");
    }

    private static ImageReader reader(Path path, ImageFormat format, ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers =
                ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw Codec.error(path, "this JVM has no " + format + " reader");
        }
        ImageReader reader = readers.next();
        reader.setInput(in, true, true);
        return reader;
    }

    private static void copyBand(Raster raster, Gray8 dst) {
        int w = raster.getWidth();
        int[] row = new int[w];
        int max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                dst.set(x, y, max == 255 ? row[x] : (row[x] * 255 + max / 2) / max);
            }
        }
    }

    private static void toGray(BufferedImage image, Gray8 dst) {
        boolean colour = image.getColorModel() instanceof IndexColorModel
                || image.getRaster().getNumBands() >= 3;
        if (!colour) {
            copyBand(image.getRaster(), dst); // gray, with or without alpha
            return;
        }
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                dst.set(x, y, (((rgb >> 16) & 0xff) + 2 * ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 4);
            }
        }
    }
}
