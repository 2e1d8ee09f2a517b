package java.util.concurrent;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jdk.internal.misc.Unsafe;

/**
 * toyvm guest library: the JDK's ThreadLocalRandom reduced to what java.util.concurrent needs (the per-thread
 * probe ConcurrentHashMap and the striped counters hash contended threads with) plus the public generator. The
 * JDK's class initialiser needs jdk.internal.misc.VM's saved properties and SharedSecrets, which toyvm lacks.
 * The per-thread state lives in the Thread fields of the same names, reached through Unsafe as in the JDK;
 * the generator is the JDK's (SplitMix64 over a Weyl sequence). Seeds come from the clock, as in the JDK.
 */
public final class ThreadLocalRandom extends Random {
    /** The JDK's, so that serialized instances are compatible with HotSpot's (default: a hash of this class's shape). */
    private static final long serialVersionUID = -5851777807851030925L;
    private static final long GAMMA = 0x9e3779b97f4a7c15L;
    private static final int PROBE_INCREMENT = 0x9e3779b9;
    private static final long SEEDER_INCREMENT = 0xbb67ae8584caa73bL;

    private static final Unsafe U = Unsafe.getUnsafe();
    private static final long SEED = U.objectFieldOffset(Thread.class, "threadLocalRandomSeed");
    private static final long PROBE = U.objectFieldOffset(Thread.class, "threadLocalRandomProbe");
    private static final long SECONDARY = U.objectFieldOffset(Thread.class, "threadLocalRandomSecondarySeed");

    private static final AtomicInteger probeGenerator = new AtomicInteger();
    private static final AtomicLong seeder = new AtomicLong(mix64(System.currentTimeMillis()) ^ mix64(System.nanoTime()));
    private static final ThreadLocalRandom instance = new ThreadLocalRandom();

    private final boolean initialized;

    private ThreadLocalRandom() {
        initialized = true;
    }

    /** Gives the current thread its seed and a non-zero probe. */
    static void localInit() {
        int p = probeGenerator.addAndGet(PROBE_INCREMENT);
        int probe = (p == 0) ? 1 : p;
        long seed = mix64(seeder.getAndAdd(SEEDER_INCREMENT));
        Thread t = Thread.currentThread();
        U.putLong(t, SEED, seed);
        U.putInt(t, PROBE, probe);
    }

    public static ThreadLocalRandom current() {
        if (U.getInt(Thread.currentThread(), PROBE) == 0) {
            localInit();
        }
        return instance;
    }

    @Override
    public void setSeed(long seed) {
        // Random's constructor calls this before initialized is set; afterwards the seed is per thread.
        if (initialized) {
            throw new UnsupportedOperationException();
        }
    }

    private long nextSeed() {
        Thread t = Thread.currentThread();
        long r = U.getLong(t, SEED) + GAMMA;
        U.putLong(t, SEED, r);
        return r;
    }

    @Override
    protected int next(int bits) {
        return nextInt() >>> (32 - bits);
    }

    @Override
    public int nextInt() {
        return mix32(nextSeed());
    }

    @Override
    public long nextLong() {
        return mix64(nextSeed());
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    @Override
    public boolean nextBoolean() {
        return mix32(nextSeed()) < 0;
    }

    static int getProbe() {
        return U.getInt(Thread.currentThread(), PROBE);
    }

    /** Pseudo-randomly advances and records the probe (xorshift), as the JDK does on contention. */
    static int advanceProbe(int probe) {
        probe ^= probe << 13;
        probe ^= probe >>> 17;
        probe ^= probe << 5;
        U.putInt(Thread.currentThread(), PROBE, probe);
        return probe;
    }

    static int nextSecondarySeed() {
        int r;
        Thread t = Thread.currentThread();
        if ((r = U.getInt(t, SECONDARY)) != 0) {
            r ^= r << 13;
            r ^= r >>> 17;
            r ^= r << 5;
        } else if ((r = mix32(seeder.getAndAdd(SEEDER_INCREMENT))) == 0) {
            r = 1;
        }
        U.putInt(t, SECONDARY, r);
        return r;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb62ad34e874dL;
        return z ^ (z >>> 33);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        return (int) (((z ^ (z >>> 33)) * 0xc4ceb62ad34e874dL) >>> 32);
    }
}
