import java.lang.ref.Cleaner;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The GC semantics that GC stress tests and cache libraries lean on, in the shape of public examples of each: a
 * memory-sensitive cache of SoftReferences (the "image cache" of tutorials and of Guava's softValues) filled past the
 * heap, which must not end in OutOfMemoryError (the Java spec clears soft references first); identity hash codes
 * and IdentityHashMap/HashSet of plain objects across collections that move them; WeakHashMap forgetting dead keys;
 * PhantomReferences through a ReferenceQueue and a Cleaner (resource-cleanup demos); allocate-until-OOM loops that
 * catch the error and carry on (GC torture tests); deep recursion catching StackOverflowError; String.intern
 * identity; a large array; threads allocating at once. Sizes follow Runtime.maxMemory() (at most 64 MiB), so the
 * output is the same on any heap, and HotSpot's default heap is not filled.
 */
public class GcSemantics {
    static int depth;

    static void recurse() {
        depth++;
        recurse();
    }

    public static void main(String[] args) throws Exception {
        long budget = Math.min(Runtime.getRuntime().maxMemory(), 64L << 20);

        Object[] objects = new Object[2000];
        int[] hashes = new int[objects.length];
        IdentityHashMap<Object, Integer> byIdentity = new IdentityHashMap<>();
        Set<Object> set = new HashSet<>();
        for (int i = 0; i < objects.length; i++) {
            objects[i] = i % 2 == 0 ? new Object() : new int[i % 7];
            hashes[i] = System.identityHashCode(objects[i]);
            byIdentity.put(objects[i], i);
            set.add(objects[i]);
        }
        for (int round = 0; round < 4; round++) {
            byte[][] garbage = new byte[100][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[500 + round];
            }
            System.gc();
        }
        boolean stable = true;
        boolean found = true;
        for (int i = 0; i < objects.length; i++) {
            stable &= hashes[i] == System.identityHashCode(objects[i]) && (i % 2 == 1 || hashes[i] == objects[i].hashCode());
            found &= byIdentity.get(objects[i]) == i && set.contains(objects[i]);
        }
        System.out.println("identity hashes stable across collections: " + stable + ", identity map and hash set find "
                + "every object: " + found);

        WeakHashMap<Object, String> weak = new WeakHashMap<>();
        for (int i = 0; i < 200; i++) {
            weak.put(new Object(), "value " + i);
        }
        Object kept = new Object();
        weak.put(kept, "kept");
        for (int i = 0; i < 10 && weak.size() > 1; i++) {
            System.gc();
            Thread.sleep(10);
        }
        System.out.println("weak map after collections: " + weak.size() + " entry, " + weak.get(kept));

        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        List<PhantomReference<Object>> phantoms = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            phantoms.add(new PhantomReference<>(new Object(), queue));
        }
        System.gc();
        int enqueued = 0;
        while (enqueued < phantoms.size() && queue.remove(2000) != null) {
            enqueued++;
        }
        System.out.println("phantom references enqueued: " + enqueued + " of " + phantoms.size());

        // A cache of soft values four times the heap (or 256 MiB): without clearing them the heap would overflow.
        List<SoftReference<byte[]>> cache = new ArrayList<>();
        int entry = 16 << 10;
        for (long filled = 0; filled < 4 * budget; filled += entry) {
            cache.add(new SoftReference<>(new byte[entry]));
        }
        long alive = cache.stream().filter(r -> r.get() != null).count();
        System.out.println("soft cache of four heaps filled without OutOfMemoryError: " + !cache.isEmpty() + ", live or cleared: "
                + (alive >= 0));
        cache = null;

        List<long[]> hog = new ArrayList<>();
        boolean caught = false;
        try {
            for (long held = 0; held < 2 * budget; held += 8 << 10) {
                hog.add(new long[1 << 10]);
            }
        } catch (OutOfMemoryError e) {
            caught = true;
        }
        int chunks = hog.size();
        hog = null;
        System.out.println("allocation loop ended (OutOfMemoryError caught where the heap is small): " + (chunks > 0
                || caught));
        try {
            long[] impossible = new long[Integer.MAX_VALUE - 16];
            System.out.println("impossible array: " + impossible.length);
        } catch (OutOfMemoryError e) {
            System.out.println("16 GiB array: " + e.getClass().getName());
        }
        byte[] after = new byte[(int) (budget / 8)];
        System.out.println("allocates after: " + (after.length == budget / 8));

        try {
            recurse();
        } catch (StackOverflowError e) {
            System.out.println("StackOverflowError caught, deeper than 1000: " + (depth > 1000));
        }

        String first = new String("interned-" + depth % 1).intern();
        System.gc();
        String second = ("interned-" + depth % 1).intern();
        System.out.println("intern identity across a collection: " + (first == second) + ", literal: "
                + ("interned-0" == second));

        long[] large = new long[(int) (budget / 32)];
        large[large.length - 1] = 7;
        System.gc();
        System.out.println("large array survives: " + large[large.length - 1]);

        Thread[] threads = new Thread[6];
        long[] sums = new long[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                long sum = 0;
                List<int[]> live = new ArrayList<>();
                for (int i = 0; i < 5000; i++) {
                    int[] x = new int[8 + i % 16];
                    x[3] = i;
                    live.add(x);
                    if (live.size() > 64) {
                        live.clear();
                    }
                    sum += x[3];
                }
                sums[id] = sum;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("threads allocating at once: " + Arrays.stream(sums).allMatch(s -> s == 12497500L));

        Cleaner cleaner = Cleaner.create();
        int[] cleaned = {0};
        for (int i = 0; i < 5; i++) {
            cleaner.register(new Object(), () -> {
                synchronized (cleaned) {
                    cleaned[0]++;
                }
            });
        }
        for (int i = 0; i < 50; i++) {
            synchronized (cleaned) {
                if (cleaned[0] == 5) {
                    break;
                }
            }
            System.gc();
            Thread.sleep(10);
        }
        synchronized (cleaned) {
            System.out.println("cleaner actions run: " + cleaned[0]);
        }
    }
}
