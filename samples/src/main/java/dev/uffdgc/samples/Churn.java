package dev.uffdgc.samples;

/**
 * A fragmentation churner: a table of slots holds arrays of random type and size (a tenth of them larger
 * than a 4 KiB page); each step replaces or frees a random slot, so the heap fills with holes of every size
 * and a small heap goes through many collections. Object[] arrays point at other arrays and at boxes, so
 * references must survive compaction too. Every array's content checksum is recorded when it is filled and
 * verified when its slot is overwritten and at the end; any difference aborts the run.
 *
 * <p>Usage: {@code Churn [slots] [steps] [seed]} (defaults 512, 20000, 42).
 */
public final class Churn {
    private static final String[] KINDS = {"int[]", "long[]", "byte[]", "Object[]", "double[]", "char[]"};
    private static final int[] ELEMENT_BYTES = {4, 8, 1, 4, 8, 2};
    /** Knuth's MMIX LCG: one multiply-add per element keeps filling cheap in an interpreter. */
    private static final long LCG_MUL = 6364136223846793005L;
    private static final long LCG_ADD = 1442695040888963407L;

    private final Rng rng;
    private final Object[] table;
    private final long[] sums;
    private final int[] bytes;
    private final long[] allocated = new long[KINDS.length];
    private long allocatedBytes;
    private long liveBytes;
    private long maxLiveBytes;
    private int large;
    private int verified;
    private int freed;

    Churn(int slots, long seed) {
        rng = new Rng(seed);
        table = new Object[slots];
        sums = new long[slots];
        bytes = new int[slots];
    }

    public static void main(String[] args) {
        int slots = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Churn churn = new Churn(slots, seed);
        for (int i = 0; i < steps; i++) {
            churn.step();
        }
        churn.report();
    }

    void step() {
        int slot = rng.nextInt(table.length);
        if (table[slot] != null) {
            verify(slot);
            liveBytes -= bytes[slot];
            table[slot] = null;
            freed++;
        }
        if (rng.chance(85)) {
            Object array = allocate(rng.nextInt(KINDS.length), payloadBytes());
            table[slot] = array;
            sums[slot] = checksum(array);
            bytes[slot] = sizeOf(array);
            liveBytes += bytes[slot];
            maxLiveBytes = Math.max(maxLiveBytes, liveBytes);
        }
    }

    /** 60% under 256 bytes, 30% up to a page, 10% between one and eight pages. */
    private int payloadBytes() {
        int p = rng.nextInt(100);
        if (p < 60) {
            return rng.nextInt(256);
        }
        return p < 90 ? rng.between(256, 4096) : rng.between(4097, 32768);
    }

    private Object allocate(int kind, int payload) {
        int n = payload / ELEMENT_BYTES[kind];
        long x = rng.nextLong();
        allocated[kind]++;
        allocatedBytes += (long) n * ELEMENT_BYTES[kind];
        if ((long) n * ELEMENT_BYTES[kind] > 4096) {
            large++;
        }
        switch (kind) {
            case 0: {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    x = x * LCG_MUL + LCG_ADD;
                    a[i] = (int) (x >>> 32);
                }
                return a;
            }
            case 1: {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    x = x * LCG_MUL + LCG_ADD;
                    a[i] = x;
                }
                return a;
            }
            case 2: {
                byte[] a = new byte[n];
                for (int i = 0; i < n; i++) {
                    x = x * LCG_MUL + LCG_ADD;
                    a[i] = (byte) (x >>> 56);
                }
                return a;
            }
            case 3: return references(n);
            case 4: {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    x = x * LCG_MUL + LCG_ADD;
                    a[i] = (x >>> 11) * 0x1.0p-20;
                }
                return a;
            }
            default: {
                char[] a = new char[n];
                for (int i = 0; i < n; i++) {
                    x = x * LCG_MUL + LCG_ADD;
                    a[i] = (char) (x >>> 48);
                }
                return a;
            }
        }
    }

    /** Boxes (cached small and uncached large), nulls, and arrays currently held by other slots. */
    private Object[] references(int n) {
        Object[] a = new Object[n];
        for (int i = 0; i < n; i++) {
            int p = rng.nextInt(4);
            if (p == 0) {
                a[i] = Integer.valueOf(rng.between(-128, 127));
            } else if (p == 1) {
                a[i] = Long.valueOf(rng.nextLong());
            } else if (p == 2) {
                Object other = table[rng.nextInt(table.length)];
                // Only primitive arrays are shared, which bounds how much a freed slot can keep alive.
                a[i] = other instanceof Object[] ? null : other;
            }
        }
        return a;
    }

    static long checksum(Object o) {
        return checksum(o, Integer.MAX_VALUE);
    }

    /**
     * Hashes type, length and the first {@code limit} elements. An Object[] hashes the arrays it points at
     * only by their first 16 elements: enough to catch a reference to the wrong or a damaged object without
     * making every verification re-read every shared array.
     */
    static long checksum(Object o, int limit) {
        if (o == null) {
            return 7;
        } else if (o instanceof Integer i) {
            return i;
        } else if (o instanceof Long l) {
            return l ^ 0x5555;
        }
        long h = o.getClass().getName().charAt(1);
        if (o instanceof int[] a) {
            for (int i = 0; i < a.length && i < limit; i++) h = h * 31 + a[i];
            return h * 31 + a.length;
        } else if (o instanceof long[] a) {
            for (int i = 0; i < a.length && i < limit; i++) h = h * 31 + a[i];
            return h * 31 + a.length;
        } else if (o instanceof byte[] a) {
            for (int i = 0; i < a.length && i < limit; i++) h = h * 31 + a[i];
            return h * 31 + a.length;
        } else if (o instanceof double[] a) {
            for (int i = 0; i < a.length && i < limit; i++) h = h * 31 + (long) a[i];
            return h * 31 + a.length;
        } else if (o instanceof char[] a) {
            for (int i = 0; i < a.length && i < limit; i++) h = h * 31 + a[i];
            return h * 31 + a.length;
        } else if (o instanceof Object[] a) {
            for (int i = 0; i < a.length && i < limit; i++) h = h * 31 + checksum(a[i], 16);
            return h * 31 + a.length;
        }
        throw new IllegalStateException("unexpected element " + o.getClass().getName());
    }

    /** Payload bytes of an array: its length times its element size (references counted as 4). */
    private static int sizeOf(Object o) {
        if (o instanceof int[] a) return a.length * 4;
        if (o instanceof long[] a) return a.length * 8;
        if (o instanceof byte[] a) return a.length;
        if (o instanceof double[] a) return a.length * 8;
        if (o instanceof char[] a) return a.length * 2;
        return ((Object[]) o).length * 4;
    }

    private void verify(int slot) {
        long actual = checksum(table[slot]);
        if (actual != sums[slot]) {
            throw new IllegalStateException(String.format("slot %d corrupted: checksum %x, expected %x",
                    slot, actual, sums[slot]));
        }
        verified++;
    }

    void report() {
        long survivors = 0;
        long sum = 0;
        for (int i = 0; i < table.length; i++) {
            if (table[i] != null) {
                verify(i);
                survivors++;
                sum = sum * 1000003 + sums[i] + i;
            }
        }
        for (int k = 0; k < KINDS.length; k++) {
            System.out.println("allocated " + allocated[k] + " " + KINDS[k]);
        }
        System.out.println("payload bytes allocated " + allocatedBytes + ", max live " + maxLiveBytes
                + ", live at end " + liveBytes);
        System.out.println("arrays larger than a page " + large + ", freed " + freed + ", verified " + verified);
        System.out.println("survivors " + survivors + String.format(", checksum %x", sum));
    }
}
