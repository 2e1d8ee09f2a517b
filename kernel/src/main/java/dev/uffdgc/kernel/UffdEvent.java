package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFD_EVENT_PAGEFAULT;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFD_EVENT_REMOVE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFD_PAGEFAULT_FLAG_WRITE;

/**
 * One {@code struct uffd_msg} read from a userfaultfd.
 *
 * <p>For {@code UFFD_EVENT_PAGEFAULT}: {@code flags} is {@code arg.pagefault.flags}, {@code address} the faulting
 * address (page-aligned unless UFFD_FEATURE_EXACT_ADDRESS), {@code ptid} the faulting thread's kernel tid when
 * UFFD_FEATURE_THREAD_ID was requested, else 0. For other events the same two words of the {@code arg} union are
 * kept as they are: for {@code UFFD_EVENT_REMOVE}, {@code flags} is {@code arg.remove.start} and {@code address}
 * is {@code arg.remove.end} (see {@link #removeStart()}).
 */
public record UffdEvent(int event, long flags, long address, int ptid) {

    public boolean isPagefault() {
        return event == UFFD_EVENT_PAGEFAULT;
    }

    public boolean isWrite() {
        return isPagefault() && (flags & UFFD_PAGEFAULT_FLAG_WRITE) != 0;
    }

    /** The faulting address rounded down to its base page. */
    public long pageAddress() {
        return address & -Memory.PAGE_SIZE;
    }

    /** {@code arg.remove.start} of a UFFD_EVENT_REMOVE (MADV_DONTNEED/MADV_REMOVE on a registered range). */
    public long removeStart() {
        requireEvent(UFFD_EVENT_REMOVE);
        return flags;
    }

    /** {@code arg.remove.end} of a UFFD_EVENT_REMOVE. */
    public long removeEnd() {
        requireEvent(UFFD_EVENT_REMOVE);
        return address;
    }

    private void requireEvent(int expected) {
        if (event != expected) {
            throw new IllegalStateException("event 0x" + Integer.toHexString(event) + " is not 0x"
                    + Integer.toHexString(expected));
        }
    }

    @Override
    public String toString() {
        return isPagefault()
                ? "UFFD_EVENT_PAGEFAULT(" + (isWrite() ? "write" : "read") + " 0x" + Long.toHexString(address)
                        + ", flags=0x" + Long.toHexString(flags) + ", ptid=" + ptid + ")"
                : "UffdEvent(0x" + Integer.toHexString(event) + ", 0x" + Long.toHexString(flags) + ", 0x"
                        + Long.toHexString(address) + ")";
    }
}
