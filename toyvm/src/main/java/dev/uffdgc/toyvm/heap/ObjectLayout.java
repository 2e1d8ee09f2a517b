package dev.uffdgc.toyvm.heap;

/**
 * The one place that defines how a guest object looks in the heap. Everything else asks this class.
 *
 * <pre>
 * heap region: [0, 8)  reserved, always zero, so that the reference 0 is null
 *              [8, top) objects, back to back, each 8-byte aligned; the heap is parseable by walking sizes
 *              [top, end) zero bytes (the allocator relies on it; the collector re-zeroes what it frees)
 *
 * every object:  +0  int  class id (index into the VM's class table; 0 never used, 1 = filler)
 *                +4  int  identity hash, 0 until first asked for (never 0 once assigned);
 *                         for a filler: its total size in 8-byte granules, unsigned ({@link #fillerBytes})
 * instance:      +8  fields: superclass fields first, then this class's fields grouped by size
 *                    (8, 4, 2, 1 bytes), each naturally aligned. Size rounded up to 8.
 * array:         +8  int  length
 *                +16 elements (1, 2, 4 or 8 bytes each). Size = 16 + length * elemSize, rounded up to 8.
 * reference:     32 bits, unsigned: the byte offset from the heap's start shifted right by {@link #REF_SHIFT} (3),
 *                as HotSpot's compressed oops with a zero base: objects are 8-aligned, so 32 bits name every
 *                object of a heap up to 32 GiB. Offsets, not addresses, so a reference survives any remapping of
 *                the region to the same address. 0 is null (no object starts at 0). Java code holds references as
 *                {@code int} and turns one into a byte offset only through {@link #offset} (and back through
 *                {@link #ref}); above 16 GiB a reference is a negative int, so never compare two with {@code <}.
 * </pre>
 *
 * Objects of {@link #LARGE_OBJECT_BYTES} or more start page-aligned, so a compactor can move their pages
 * wholesale; the gap in front of one is a filler object. GC metadata (mark bits, forwarding) is never in a
 * header: collectors keep it in side tables. Neither are monitors: the header has no lock bits; a monitor in
 * use lives in a side table keyed by the object's offset, which collectors update as a root kind (see
 * dev.uffdgc.toyvm.thread.Monitors), so moving an object never needs to touch a lock word.
 */
public final class ObjectLayout {
    private ObjectLayout() {
    }

    public static final int CLASS_ID_OFFSET = 0;
    public static final int HASH_OFFSET = 4;
    public static final int HEADER_BYTES = 8;
    public static final int ARRAY_LENGTH_OFFSET = 8;
    public static final int ARRAY_BASE_OFFSET = 16;
    public static final int ALIGNMENT = 8;
    public static final int REFERENCE_BYTES = 4;
    /** The first byte an object may occupy. */
    public static final long FIRST_OBJECT = 8;
    /** The page: what the kernel maps, moves and protects; every collector's page tables use it. */
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    public static final long LARGE_OBJECT_BYTES = PAGE_SIZE;
    /**
     * How many bits a reference is shifted left to give its byte offset (HotSpot's compressed oops). Objects are
     * 8-aligned, so the low 3 bits of an offset are always 0 and a 32-bit reference spans 32 GiB. Always 3, also
     * for small heaps (HotSpot uses unshifted references below 4 GiB): a site that uses a reference as an offset
     * without {@link #offset} then breaks every test at once, not only in heaps beyond 4 GiB.
     */
    public static final int REF_SHIFT = 3;

    /** Largest heap every object of which a reference can name: 2^32 references of 8 bytes, less a page. */
    public static final long MAX_HEAP_BYTES = (1L << (32 + REF_SHIFT)) - PAGE_SIZE;

    /** Class id 0 is never assigned: a zero header means "not an object". */
    public static final int NO_CLASS_ID = 0;
    /** The filler pseudo-class: a dead gap whose size is in the hash word. */
    public static final int FILLER_CLASS_ID = 1;

    /** The byte offset from the heap's start of the object a (non-null or null) reference names. */
    public static long offset(int ref) {
        return (ref & 0xFFFF_FFFFL) << REF_SHIFT;
    }

    /** The reference that names the object at this byte offset (8-aligned, below {@link #MAX_HEAP_BYTES}). */
    public static int ref(long offset) {
        return (int) (offset >>> REF_SHIFT);
    }

    /**
     * A filler's hash word: its size in 8-byte granules, unsigned, so one filler can span any dead gap of a 32 GiB
     * heap (a collector writes one filler over each run of whole dead regions it releases).
     */
    public static int fillerWord(long bytes) {
        return (int) (bytes >>> 3);
    }

    /** The size in bytes of a filler whose hash word is {@code word}. */
    public static long fillerBytes(int word) {
        return (word & 0xFFFF_FFFFL) << 3;
    }

    public static long align(long size) {
        return (size + ALIGNMENT - 1) & -ALIGNMENT;
    }

    public static long arraySize(int length, int elemSize) {
        return align(ARRAY_BASE_OFFSET + (long) length * elemSize);
    }

    public static long pageAlign(long offset) {
        return (offset + PAGE_SIZE - 1) & -PAGE_SIZE;
    }
}
