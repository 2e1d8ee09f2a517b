package dev.uffdgc.kernel.uapi;

import static dev.uffdgc.kernel.uapi.Userfaultfd.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The computed uapi numbers and layouts against the values C's headers give on x86_64. */
@Timeout(60)
class UserfaultfdUapiTest {

    @Test
    void ioctlNumbersMatchTheKnownX86Values() {
        assertEquals(0xC018AA3FL, UFFDIO_API);
        assertEquals(0xC020AA00L, UFFDIO_REGISTER);
        assertEquals(0x8010AA01L, UFFDIO_UNREGISTER);
        assertEquals(0x8010AA02L, UFFDIO_WAKE);
        assertEquals(0xC028AA03L, UFFDIO_COPY);
        assertEquals(0xC020AA04L, UFFDIO_ZEROPAGE);
        assertEquals(0xC028AA05L, UFFDIO_MOVE);
        assertEquals(0xC018AA06L, UFFDIO_WRITEPROTECT);
        assertEquals(0xC020AA07L, UFFDIO_CONTINUE);
        assertEquals(0xC020AA08L, UFFDIO_POISON);
        assertEquals(0xAA00L, USERFAULTFD_IOC_NEW);
    }

    @Test
    void ioctlEncodingMirrorsAsmGeneric() {
        // _IOC(dir, type, nr, size) = dir << 30 | size << 16 | type << 8 | nr
        assertEquals(3L << 30 | 40L << 16 | 0xAA << 8 | 5, Ioctl._IOWR(0xAA, 5, 40));
        assertEquals(2L << 30 | 16L << 16 | 0xAA << 8 | 2, Ioctl._IOR(0xAA, 2, 16));
        assertEquals(1L << 30 | 8L << 16 | 0x12 << 8 | 3, Ioctl._IOW(0x12, 3, 8));
    }

    @Test
    void structSizesMatchC() {
        assertEquals(24, uffdio_api.LAYOUT.byteSize());
        assertEquals(16, uffdio_range.LAYOUT.byteSize());
        assertEquals(32, uffdio_register.LAYOUT.byteSize());
        assertEquals(40, uffdio_copy.LAYOUT.byteSize());
        assertEquals(32, uffdio_zeropage.LAYOUT.byteSize());
        assertEquals(40, uffdio_move.LAYOUT.byteSize());
        assertEquals(24, uffdio_writeprotect.LAYOUT.byteSize());
        assertEquals(32, uffdio_continue.LAYOUT.byteSize());
        assertEquals(32, uffdio_poison.LAYOUT.byteSize());
        assertEquals(32, uffd_msg.LAYOUT.byteSize());
        assertEquals(8, Poll.pollfd.LAYOUT.byteSize());
    }

    @Test
    void fieldOffsetsMatchC() {
        assertEquals(32, uffdio_move.LAYOUT.byteOffset(groupElement("move")));
        assertEquals(24, uffdio_register.LAYOUT.byteOffset(groupElement("ioctls")));
        assertEquals(8, uffd_msg.LAYOUT.byteOffset(groupElement("arg")));
        assertEquals(16, uffd_msg.LAYOUT.byteOffset(groupElement("arg"), groupElement("pagefault"),
                groupElement("address")));
        assertEquals(24, uffd_msg.LAYOUT.byteOffset(groupElement("arg"), groupElement("pagefault"),
                groupElement("feat"), groupElement("ptid")));
    }

    @Test
    void uffdMsgAccessorsReadTheRightBytes() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(uffd_msg.LAYOUT);
            m.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 0, (byte) UFFD_EVENT_PAGEFAULT);
            m.set(java.lang.foreign.ValueLayout.JAVA_LONG, 8, UFFD_PAGEFAULT_FLAG_WRITE);
            m.set(java.lang.foreign.ValueLayout.JAVA_LONG, 16, 0x7f0012345000L);
            m.set(java.lang.foreign.ValueLayout.JAVA_INT, 24, 4242);
            assertEquals(UFFD_EVENT_PAGEFAULT, uffd_msg.event(m));
            assertEquals(UFFD_PAGEFAULT_FLAG_WRITE, uffd_msg.arg_pagefault_flags(m));
            assertEquals(0x7f0012345000L, uffd_msg.arg_pagefault_address(m));
            assertEquals(4242, uffd_msg.arg_pagefault_feat_ptid(m));
            assertEquals(UFFD_PAGEFAULT_FLAG_WRITE, uffd_msg.arg_remove_start(m)); // same union bytes
        }
    }

    @Test
    void featureConstantsMatchTheHeader() {
        assertEquals(1L << 16, UFFD_FEATURE_MOVE);
        assertEquals(1L << 8, UFFD_FEATURE_THREAD_ID);
        assertEquals(0x1ffffL, UFFD_API_FEATURES);
        assertEquals(1L, UFFDIO_MOVE_MODE_DONTWAKE);
        assertEquals(2L, UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES);
    }
}
