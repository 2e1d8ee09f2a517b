package dev.uffdgc.samples;

/**
 * Seeded xorshift64 generator. The samples use it instead of java.util.Random so that the toy VM needs no
 * library support for randomness and every run of a sample produces the same sequence on any VM.
 */
final class Rng {
    private long state;

    Rng(long seed) {
        // xorshift has one fixed point, 0; map it to a fixed non-zero seed.
        state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    long nextLong() {
        long x = state;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        state = x;
        return x;
    }

    /** Uniform enough in [0, bound) for sample workloads; bound must be positive. */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** In [lo, hi] inclusive. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    boolean chance(int percent) {
        return nextInt(100) < percent;
    }

    /** In [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
