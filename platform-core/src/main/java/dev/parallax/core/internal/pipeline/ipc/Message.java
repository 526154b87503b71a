package dev.parallax.core.internal.pipeline.ipc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A message on a transport's control socket. On the wire: a 4-byte length (of what follows), a 1-byte type and the
 * fields in {@link DataOutputStream} form.
 */
sealed interface Message {
    /** The largest frame a side accepts: set-up and errors are short. */
    int MAX_FRAME = 1 << 16;

    /**
     * Sender to receiver, first: what to map and what the bytes mean.
     *
     * @param version the protocol version
     * @param pid the sender's process id
     * @param shmName the shared memory file's name in {@code /dev/shm}
     * @param slots the number of slots
     * @param slotSize the bytes in a slot
     * @param format the negotiated format, as {@code Format.toString()} writes it
     */
    record Hello(int version, long pid, String shmName, int slots, long slotSize, String format) implements Message {}

    /**
     * Receiver to sender, after mapping the file: buffers may flow.
     *
     * @param version the protocol version
     * @param pid the receiver's process id
     */
    record Ready(int version, long pid) implements Message {}

    /**
     * Sender to receiver: the stream ends after {@code buffers} buffers in all.
     *
     * @param buffers how many buffers were sent
     */
    record Eos(long buffers) implements Message {}

    /**
     * Either way: the side failed, or refuses the other's set-up; the connection ends.
     *
     * @param text what happened
     */
    record Failure(String text) implements Message {}

    /** Either way: the side closes the connection on purpose. */
    record Bye() implements Message {}

    /** Either way: the other side asked to be woken (it parked waiting on a ring), and there is work now. */
    record Wake() implements Message {}

    /** This message as one frame, ready to write. */
    default ByteBuffer encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0); // the length, filled in below
            switch (this) {
                case Hello hello -> {
                    out.writeByte(1);
                    out.writeInt(hello.version());
                    out.writeLong(hello.pid());
                    out.writeUTF(hello.shmName());
                    out.writeInt(hello.slots());
                    out.writeLong(hello.slotSize());
                    out.writeUTF(hello.format());
                }
                case Ready ready -> {
                    out.writeByte(2);
                    out.writeInt(ready.version());
                    out.writeLong(ready.pid());
                }
                case Eos eos -> {
                    out.writeByte(3);
                    out.writeLong(eos.buffers());
                }
                case Failure failure -> {
                    out.writeByte(4);
                    String text = failure.text();
                    out.writeUTF(text.length() > 4000 ? text.substring(0, 4000) + "..." : text);
                }
                case Bye bye -> out.writeByte(5);
                case Wake wake -> out.writeByte(6);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        ByteBuffer frame = ByteBuffer.wrap(bytes.toByteArray());
        frame.putInt(0, frame.capacity() - Integer.BYTES);
        return frame;
    }

    /**
     * Reads a message from a frame's body (type and fields).
     *
     * @throws IOException if the body is not a known message
     */
    static Message decode(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        int type = in.readUnsignedByte();
        Message message = switch (type) {
            case 1 -> new Hello(in.readInt(), in.readLong(), in.readUTF(), in.readInt(), in.readLong(), in.readUTF());
            case 2 -> new Ready(in.readInt(), in.readLong());
            case 3 -> new Eos(in.readLong());
            case 4 -> new Failure(in.readUTF());
            case 5 -> new Bye();
            case 6 -> new Wake();
            default -> throw new IOException("unknown message type " + type);
        };
        if (in.available() > 0) {
            throw new IOException("message type " + type + " has " + in.available() + " bytes too many");
        }
        return message;
    }
}
