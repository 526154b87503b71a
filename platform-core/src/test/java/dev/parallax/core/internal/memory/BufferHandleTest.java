package dev.parallax.core.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.BufferFlag;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.buffer.PoolConfig;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BufferHandleTest {
    // one slot: a second loan must reuse the first loan's memory, which is what makes a stale handle dangerous
    private final MemoryPool pool =
            Pools.system().createPool(PoolConfig.of("frames", 1, 4096).failWhenExhausted());

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void release_twice_failsNamingTheBufferAndWhatHappened() throws Exception {
        Buffer buffer = pool.loan();
        buffer.release();

        IllegalStateException e = assertThrows(IllegalStateException.class, buffer::release);
        assertEquals(
                "Buffer [pool 'frames' slot 0, loan 1, bytes 0 to 4096] was already released: release each handle"
                        + " once; to keep the bytes in two places, share() the buffer",
                e.getMessage());
        assertEquals(0, pool.stats().inUse(), "the second release must not give the slot back again");
    }

    @Test
    void everyAccess_afterRelease_failsNamingTheBuffer() throws Exception {
        Buffer buffer = pool.loan();
        buffer.release();

        assertTrue(buffer.isReleased());
        IllegalStateException e = assertThrows(IllegalStateException.class, buffer::segment);
        assertTrue(
                e.getMessage()
                        .startsWith("Buffer [pool 'frames' slot 0, loan 1, bytes 0 to 4096] was released"
                                + " and cannot read"),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> buffer.slice(0, 1));
        assertThrows(IllegalStateException.class, buffer::share);
        assertThrows(IllegalStateException.class, () -> buffer.setMetadata(Metadata.EMPTY));
    }

    @Test
    void staleHandle_afterItsSlotIsLoanedAgain_failsAndNeverReadsTheNewOwnersBytes() throws Exception {
        Buffer stale = pool.loan();
        long address = stale.segment().address();
        stale.segment().fill((byte) 0x11);
        stale.release();
        Buffer owner = pool.loan();
        owner.segment().fill((byte) 0x22);

        assertEquals(address, owner.segment().address(), "the one slot was loaned again");
        IllegalStateException e = assertThrows(IllegalStateException.class, stale::segment);
        assertTrue(e.getMessage().contains("loan 1"), e.getMessage());
        assertThrows(IllegalStateException.class, stale::release);
        assertEquals(0x22, owner.segment().get(ValueLayout.JAVA_BYTE, 4095), "the new owner's bytes are intact");
        assertEquals(1, pool.stats().inUse(), "the stale release must not free the new owner's slot");
        owner.release();
    }

    @Test
    void staleSliceAndShare_afterTheSlotIsLoanedAgain_failAndLeaveTheNewLoanAlone() throws Exception {
        Buffer parent = pool.loan();
        Buffer slice = parent.slice(16, 16);
        Buffer share = parent.share();
        parent.release();
        slice.release();
        share.release(); // the last handle: the slot goes back
        Buffer owner = pool.loan();
        owner.segment().fill((byte) 0x33);

        assertThrows(IllegalStateException.class, slice::segment);
        assertThrows(IllegalStateException.class, share::segment);
        assertThrows(IllegalStateException.class, slice::release);
        assertEquals(1, pool.stats().inUse());
        assertEquals(0x33, owner.segment().get(ValueLayout.JAVA_BYTE, 20));
        owner.release();
    }

    @Test
    void sliceAndShare_seeTheSameBytesAtTheSameAddresses_withoutCopying() throws Exception {
        try (Buffer parent = pool.loan();
                Buffer slice = parent.slice(1000, 96);
                Buffer share = parent.share()) {
            MemorySegment bytes = parent.segment();

            assertEquals(bytes.address() + 1000, slice.segment().address());
            assertEquals(96, slice.byteSize());
            assertEquals(bytes.address(), share.segment().address());
            slice.segment().set(ValueLayout.JAVA_BYTE, 5, (byte) 7);
            assertEquals(7, bytes.get(ValueLayout.JAVA_BYTE, 1005), "a write through the slice is in the parent");
            share.segment().set(ValueLayout.JAVA_INT, 0, 0x01020304);
            assertEquals(0x01020304, bytes.get(ValueLayout.JAVA_INT, 0), "a write through the share is too");
        }
    }

    @Test
    void sliceOfASlice_addsOffsets_andOutOfRangeSlicesFailNamingTheRange() throws Exception {
        try (Buffer parent = pool.loan();
                Buffer outer = parent.slice(100, 200);
                Buffer inner = outer.slice(50, 10)) {
            assertEquals(parent.segment().address() + 150, inner.segment().address());
            assertTrue(inner.toString().contains("bytes 150 to 160"), inner.toString());
            // 151 bytes from offset 50 end one byte past the 200-byte outer slice
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> outer.slice(50, 151));
            assertTrue(
                    e.getMessage().startsWith("Slice of 151 bytes at offset 50 does not lie inside"), e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> outer.slice(-1, 1));
        }
    }

    /** Every order in which a parent, a slice and a share can be released. */
    static Stream<List<Integer>> releaseOrders() {
        return Stream.of(
                List.of(0, 1, 2),
                List.of(0, 2, 1),
                List.of(1, 0, 2),
                List.of(1, 2, 0),
                List.of(2, 0, 1),
                List.of(2, 1, 0));
    }

    @ParameterizedTest
    @MethodSource("releaseOrders")
    void sharedHandles_releasedInAnyOrder_returnTheSlotOnlyAfterTheLast(List<Integer> order) throws Exception {
        Buffer parent = pool.loan();
        List<Buffer> handles = List.of(parent, parent.slice(8, 8), parent.share());

        for (int i = 0; i < order.size(); i++) {
            Buffer next = handles.get(order.get(i));
            next.release();
            boolean last = i == order.size() - 1;
            assertEquals(last ? 0 : 1, pool.stats().inUse(), "after releasing " + (i + 1) + " of 3 handles");
            for (Buffer other : handles) {
                if (!other.isReleased()) {
                    other.segment().get(ValueLayout.JAVA_BYTE, 0); // still readable while the slot is ours
                }
            }
        }
        pool.loan().release(); // the slot came back exactly once
    }

    @Test
    void metadata_setOnAShare_leavesTheParentsAlone() throws Exception {
        try (Buffer parent = pool.loan();
                Buffer share = parent.share()) {
            Metadata stamped = Metadata.EMPTY
                    .withSequence(3)
                    .withTimes(40_000_000, 33_333_333)
                    .withFlags(Set.of(BufferFlag.DISCONTINUITY))
                    .withFormat(Format.of("gray8").with("width", "64").with("height", "64"));
            share.setMetadata(stamped);

            assertEquals(Metadata.EMPTY, parent.metadata());
            assertEquals(stamped, share.metadata());
            Buffer slice = share.slice(0, 1);
            assertEquals(stamped, slice.metadata(), "a slice starts with its parent's metadata");
            slice.release();
        }
    }

    @Test
    void eachLoan_isANewHandle_evenOnTheSameSlot() throws Exception {
        List<Buffer> loans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Buffer buffer = pool.loan();
            loans.add(buffer);
            buffer.release();
        }
        assertNotSame(loans.get(0), loans.get(1));
        assertFalse(loans.get(2).toString().equals(loans.get(0).toString()), "messages tell loans apart");
    }
}
