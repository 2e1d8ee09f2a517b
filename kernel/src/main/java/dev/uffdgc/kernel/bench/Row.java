package dev.uffdgc.kernel.bench;

/**
 * One measured row of the kernel bench, Java side. Each has a twin of the same name in floor.c that makes the
 * same kernel calls with the same sizes in the same order.
 */
interface Row {
    /** The row's name, shared with floor.c (e.g. {@code move_16}). */
    String name();

    /** What {@link #runOnce()} returns per: {@code ns/page}, {@code ns/fault} or {@code ns/GiB}. */
    String unit();

    /** Whether the goal (Java at least 0.8x as fast as C) applies: MOVE and COPY at 16 pages per ioctl. */
    boolean gated();

    /** One round: set up, time the kernel calls, tear down. Returns the timed cost in {@link #unit()}. */
    double runOnce();

    /** Bytes the Java heap allocated inside the timed part of the last {@link #runOnce()} (all threads involved). */
    long allocatedBytes();
}
