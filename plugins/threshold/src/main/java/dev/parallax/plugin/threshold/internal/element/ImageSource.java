package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.buffer.Allocator;
import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.image.ImageCodec;
import dev.parallax.api.image.ImageInfo;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.Source;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code imagesrc}: the file's header is read at {@link #negotiate} (its size makes the gray8 format), its
 * pixels at the one {@link #produce}, into a packed buffer of their own.
 */
final class ImageSource implements Source {
    private final ImageCodec codec;
    private final String location;

    private Path path;
    private Gray8Format image;
    private Format format;
    private Allocator allocator;
    private boolean done;

    ImageSource(ImageCodec codec, String location) {
        this.codec = codec;
        this.location = location;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        try {
            path = Path.of(location).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Element 'imagesrc' property 'location' value '" + location
                    + "' is not a file path: " + e.getMessage());
        }
        ImageInfo info;
        try {
            info = codec.probe(path);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Element 'imagesrc' cannot read location '" + location + "': " + e.getMessage(), e);
        }
        try {
            image = Gray8Format.packed(info.width(), info.height());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Element 'imagesrc' cannot read location '" + location + "': " + e.getMessage());
        }
        format = image.format();
        return List.of(format);
    }

    @Override
    public void start(ElementContext context) {
        allocator = context.memory().allocator(Backing.NATIVE);
    }

    @Override
    public boolean produce(Output output) throws IOException {
        if (done) {
            return false;
        }
        done = true;
        Buffer buffer = allocator.allocate(image.packedSize());
        try {
            codec.read(path, image.view("imagesrc", buffer));
            buffer.setMetadata(Metadata.EMPTY.withSequence(0).withFormat(format));
        } catch (IOException | RuntimeException e) {
            buffer.release();
            throw e;
        }
        output.push(buffer);
        return false;
    }
}
