package dev.parallax.core.internal.pipeline.elements;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A {@code filesink}: writes to {@code .<name>.<pid>-<n>.part} beside the file and renames it over the file at the
 * end of the stream, so that the file is either as it was or complete. To append, the file is copied first.
 */
final class FileSink implements Element {
    /** The staging buffer for heap memory: large enough that a write costs more than the copy. */
    private static final int STAGING = 64 * 1024;

    private final Path location;
    private final boolean append;
    private Path temporary;
    private FileChannel channel;
    private ByteBuffer staging;
    private MemorySegment stagingSegment;

    FileSink(Path location, boolean append) {
        this.location = location.toAbsolutePath();
        this.append = append;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        if (inputs.size() != 1 || outputs != 0) {
            throw new IllegalArgumentException(
                    "filesink has one input and no output, not " + inputs.size() + " and " + outputs);
        }
        return List.of();
    }

    @Override
    public void start(ElementContext context) throws IOException {
        Path folder = location.getParent();
        if (!Files.isDirectory(folder)) {
            throw new IOException("filesink cannot write '" + location + "': folder '" + folder + "' does not exist");
        }
        if (Files.isDirectory(location)) {
            throw new IOException("filesink cannot write '" + location + "': it is a folder");
        }
        staging = ByteBuffer.allocateDirect(STAGING);
        stagingSegment = MemorySegment.ofBuffer(staging);
        temporary = folder.resolve(
                "." + location.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".part");
        try {
            channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (append && Files.exists(location)) {
                try (FileChannel existing = FileChannel.open(location, StandardOpenOption.READ)) {
                    long size = existing.size();
                    for (long done = 0; done < size; ) {
                        done += existing.transferTo(done, size - done, channel);
                    }
                }
            }
        } catch (IOException e) {
            throw new IOException("filesink cannot write '" + location + "': " + e, e);
        }
    }

    @Override
    public void process(int input, Buffer buffer, Output output) throws IOException {
        try {
            MemorySegment segment = buffer.segment();
            // native memory is written in place; heap memory (a long[] for alignment, which a ByteBuffer cannot
            // view) is copied through a direct staging buffer
            long most = segment.isNative() ? FileSrcFactory.MAX_BLOCK : staging.capacity();
            for (long done = 0; done < segment.byteSize(); ) {
                int piece = (int) Math.min(segment.byteSize() - done, most);
                ByteBuffer bytes;
                if (segment.isNative()) {
                    bytes = segment.asSlice(done, piece).asByteBuffer();
                } else {
                    MemorySegment.copy(segment, done, stagingSegment, 0, piece);
                    bytes = staging.clear().limit(piece);
                }
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                done += piece;
            }
        } catch (IOException e) {
            throw new IOException("filesink cannot write '" + location + "': " + e.getMessage(), e);
        } finally {
            buffer.release();
        }
    }

    /** Makes the bytes durable, then renames the temporary file over the file. */
    @Override
    public void endOfStream(Output output) throws IOException {
        channel.force(false);
        channel.close();
        channel = null;
        try {
            Files.move(temporary, location, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, location, StandardCopyOption.REPLACE_EXISTING);
        }
        temporary = null;
    }

    /** Deletes the temporary file if the stream did not end: the file stays as it was. */
    @Override
    public void stop() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        if (temporary != null) {
            Files.deleteIfExists(temporary);
            temporary = null;
        }
    }
}
