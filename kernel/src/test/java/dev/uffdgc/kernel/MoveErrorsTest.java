package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * UFFDIO_MOVE's strictness, as mm/userfaultfd.c move_pages() defines it: holes, populated destinations,
 * partial moves and bad arguments. No thread faults here, so the test thread may issue every ioctl itself.
 */
class MoveErrorsTest {
    private static final int PAGES = 8;

    private Uffd uffd;
    private MemorySegment src;
    private MemorySegment dst;

    @BeforeEach
    void map() {
        uffd = Uffds.openWithMove(0);
        src = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        dst = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        uffd.register(dst, UFFDIO_REGISTER_MODE_MISSING);
    }

    @AfterEach
    void unmap() {
        uffd.close();
        Memory.munmap(dst);
        Memory.munmap(src);
    }

    @Test
    @Timeout(30)
    void sourceHoleIsEnoent() {
        KernelException e = assertThrows(KernelException.class, () -> uffd.move(addr(dst, 0), addr(src, 0), PAGE_SIZE, 0));
        assertTrue(e.is(Errno.ENOENT), e.getMessage());
        assertTrue(e.getMessage().contains("a source page is a hole; pass UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES"), e.getMessage());
        assertEquals("ioctl(UFFDIO_MOVE)", e.call());
    }

    @Test
    @Timeout(30)
    void allowSrcHolesSkipsHolesAndLeavesTheirDestinationMissing() {
        Pages.fill(Pages.page(src, 0), 1);
        Pages.fill(Pages.page(src, 2), 2);
        long moved = uffd.move(addr(dst, 0), addr(src, 0), 4 * PAGE_SIZE, UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES);
        assertEquals(4 * PAGE_SIZE, moved, "holes count as moved");
        assertArrayEquals(new boolean[] {true, false, true, false, false, false, false, false}, Memory.mincore(dst));
        assertEquals(-1, Pages.firstMismatch(Pages.page(dst, 0), 1, 0));
        assertEquals(-1, Pages.firstMismatch(Pages.page(dst, 2), 2, 0));
        assertTrue(Pages.allZero(src.asSlice(0, 4 * PAGE_SIZE)), "the source is empty afterwards");
    }

    @Test
    @Timeout(30)
    void populatedDestinationIsEexistAndLeftAlone() {
        fillDstPageByCopy(3, 9);
        Pages.fill(src, 4);
        KernelException e = assertThrows(KernelException.class, () -> uffd.move(addr(dst, 3), addr(src, 3), PAGE_SIZE, 0));
        assertTrue(e.is(Errno.EEXIST), e.getMessage());
        assertTrue(e.getMessage().contains("a destination page is already populated"), e.getMessage());
        assertEquals(-1, Pages.firstMismatch(Pages.page(dst, 3), 9, 0), "the populated page is untouched");
        assertEquals(-1, Pages.firstMismatch(src, 4, 0), "nothing left the source");
    }

    /**
     * A populated page in the middle of the destination: move_pages() moves the pages before it, then stops
     * with EEXIST; because some pages moved, the ioctl reports EAGAIN with uffdio_move.move = bytes moved, which
     * move() returns. The ioctl on the rest then reports the EEXIST itself.
     */
    @Test
    @Timeout(30)
    void partialMoveReturnsTheBytesMovedBeforeTheObstacle() {
        Pages.fill(src, 5);
        fillDstPageByCopy(5, 9);
        long moved = uffd.move(addr(dst, 0), addr(src, 0), PAGES * PAGE_SIZE, 0);
        assertEquals(5 * PAGE_SIZE, moved);
        assertEquals(-1, Pages.firstMismatch(dst.asSlice(0, 5 * PAGE_SIZE), 5, 0));
        assertTrue(Pages.allZero(src.asSlice(0, 5 * PAGE_SIZE)));
        assertEquals(-1, Pages.firstMismatch(src.asSlice(5 * PAGE_SIZE, 3 * PAGE_SIZE), 5, 5));

        KernelException rest = assertThrows(KernelException.class,
                () -> uffd.moveFully(addr(dst, 5), addr(src, 5), 3 * PAGE_SIZE, 0));
        assertTrue(rest.is(Errno.EEXIST), rest.getMessage());
        assertArrayEquals(new boolean[] {true, true, true, true, true, true, false, false}, Memory.mincore(dst));

        assertEquals(1, uffd.moveFully(addr(dst, 6), addr(src, 6), 2 * PAGE_SIZE, 0));
        assertEquals(-1, Pages.firstMismatch(dst.asSlice(6 * PAGE_SIZE, 2 * PAGE_SIZE), 5, 6));
    }

    @Test
    @Timeout(30)
    void sourceHoleAfterSomePagesIsAPartialMoveToo() {
        Pages.fill(src.asSlice(0, 2 * PAGE_SIZE), 6);
        assertEquals(2 * PAGE_SIZE, uffd.move(addr(dst, 0), addr(src, 0), 4 * PAGE_SIZE, 0));
        KernelException e = assertThrows(KernelException.class,
                () -> uffd.move(addr(dst, 2), addr(src, 2), 2 * PAGE_SIZE, 0));
        assertTrue(e.is(Errno.ENOENT), e.getMessage());
    }

    @Test
    @Timeout(30)
    void misalignedArgumentsAreEinvalWithAClearMessage() {
        Pages.fill(src, 1);
        KernelException e = assertThrows(KernelException.class, () -> uffd.move(addr(dst, 0) + 8, addr(src, 0), PAGE_SIZE, 0));
        assertTrue(e.is(Errno.EINVAL), e.getMessage());
        assertTrue(e.getMessage().contains("ranges not page-aligned, dst not registered, or VMAs not private anonymous"),
                e.getMessage());
        assertTrue(e.getMessage().contains("not page-aligned here: dst"), e.getMessage());
        KernelException len = assertThrows(KernelException.class, () -> uffd.move(addr(dst, 0), addr(src, 0), 100, 0));
        assertTrue(len.getMessage().contains("not page-aligned here: len"), len.getMessage());
    }

    @Test
    @Timeout(30)
    void unregisteredDestinationIsEinval() {
        Pages.fill(src, 1);
        MemorySegment other = Memory.mmapAnonymous(PAGE_SIZE);
        try {
            KernelException e = assertThrows(KernelException.class, () -> uffd.move(other.address(), addr(src, 0), PAGE_SIZE, 0));
            assertTrue(e.is(Errno.EINVAL), e.getMessage());
            assertTrue(e.getMessage().contains("dst not registered"), e.getMessage());
        } finally {
            Memory.munmap(other);
        }
    }

    @Test
    @Timeout(30)
    void unknownModeBitIsEinval() {
        Pages.fill(src, 1);
        KernelException e = assertThrows(KernelException.class, () -> uffd.move(addr(dst, 0), addr(src, 0), PAGE_SIZE, 1L << 7));
        assertTrue(e.is(Errno.EINVAL), e.getMessage());
    }

    /** Populates one registered destination page with UFFDIO_COPY (a direct write would fault). */
    private void fillDstPageByCopy(int page, long tag) {
        MemorySegment buf = Memory.mmapAnonymous(PAGE_SIZE);
        try {
            Pages.fill(buf, tag);
            assertEquals(PAGE_SIZE, uffd.copy(addr(dst, page), buf.address(), PAGE_SIZE, 0));
        } finally {
            Memory.munmap(buf);
        }
    }

    private static long addr(MemorySegment seg, int page) {
        return seg.address() + page * PAGE_SIZE;
    }
}
