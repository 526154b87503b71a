package dev.parallax.core.internal.pipeline.elements;

import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.Source;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** A {@code filesrc}: reads blocks into slots of a small pool, or the whole file into one buffer. */
final class FileSrc implements Source {
    /** Blocks in flight at once; more only wait on the consumer. */
    private static final int SLOTS = 8;

    private final Path location;
    private final long blockSize;
    private ElementContext context;
    private FileChannel channel;
    private MemoryPool pool;
    private long sequence;

    FileSrc(Path location, long blockSize) {
        this.location = location;
        this.blockSize = blockSize;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        if (!inputs.isEmpty() || outputs != 1) {
            throw new IllegalArgumentException(
                    "filesrc has no input and one output, not " + inputs.size() + " and " + outputs);
        }
        return List.of(Format.BYTES);
    }

    @Override
    public void start(ElementContext context) throws IOException {
        this.context = context;
        if (Files.isDirectory(location)) {
            throw new IOException("filesrc cannot read '" + location + "': it is a folder, not a file");
        }
        try {
            channel = FileChannel.open(location, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new IOException("filesrc cannot read '" + location + "': no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("filesrc cannot read '" + location + "': permission denied", e);
        }
        sequence = 0;
        if (blockSize > 0) {
            pool = context.memory().createPool(Slots.config(context, SLOTS, blockSize));
        }
    }

    @Override
    public boolean produce(Output output) throws IOException, InterruptedException {
        if (blockSize == 0) {
            long size = channel.size();
            if (size > 0) {
                Buffer whole = context.memory().allocator(Backing.NATIVE).allocate(size);
                push(output, whole, read(whole));
            }
            return false;
        }
        Buffer block = pool.loan();
        long read = read(block);
        if (read == 0) {
            block.release();
            return false;
        }
        if (read < blockSize) {
            Buffer part = block.slice(0, read);
            block.release();
            block = part;
        }
        push(output, block, read);
        return read == blockSize;
    }

    private void push(Output output, Buffer buffer, long read) throws IOException {
        if (read < buffer.byteSize()) {
            buffer.release();
            throw new IOException("filesrc: '" + location + "' shrank while it was read");
        }
        buffer.setMetadata(Metadata.EMPTY.withSequence(sequence++));
        output.push(buffer);
    }

    /** Reads until the buffer is full or the file ends; the bytes read. */
    private long read(Buffer buffer) throws IOException {
        MemorySegment segment = buffer.segment();
        long done = 0;
        try {
            while (done < segment.byteSize()) {
                long piece = Math.min(segment.byteSize() - done, FileSrcFactory.MAX_BLOCK);
                int read = channel.read(segment.asSlice(done, piece).asByteBuffer());
                if (read < 0) {
                    break;
                }
                done += read;
            }
        } catch (IOException e) {
            buffer.release();
            throw new IOException("filesrc cannot read '" + location + "': " + e.getMessage(), e);
        }
        return done;
    }

    @Override
    public void stop() throws IOException {
        if (pool != null) {
            pool.close();
            pool = null;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
