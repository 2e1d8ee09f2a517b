import java.lang.ref.*;
import java.util.*;

/**
 * A canonicalizing cache over WeakHashMap, weak and soft references, a ReferenceQueue that reports dead keys, a
 * PhantomReference: what a program that relies on the collector clearing references prints.
 */
public class WeakRefs {
    record Key(String name) {}

    static final class Interner<T> {
        private final WeakHashMap<T, WeakReference<T>> map = new WeakHashMap<>();
        T intern(T t) {
            WeakReference<T> r = map.get(t);
            T old = r == null ? null : r.get();
            if (old != null) return old;
            map.put(t, new WeakReference<>(t));
            return t;
        }
        int size() { return map.size(); }
    }

    static Object junk;

    static void churn() {
        for (int i = 0; i < 2000; i++) junk = new int[256];
        junk = null;
    }

    static Reference<?> awaitEnqueued(ReferenceQueue<?> q) throws InterruptedException {
        Reference<?> r = q.remove(10_000);
        if (r == null) throw new AssertionError("nothing enqueued within 10 s");
        return r;
    }

    public static void main(String[] args) throws Exception {
        Interner<Key> interner = new Interner<>();
        List<Key> kept = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Key k = interner.intern(new Key("k" + (i % 50)));
            if (i % 5 == 0) kept.add(k);
        }
        System.out.println("interned " + interner.size() + ", kept " + kept.size());
        System.out.println("same instance: " + (interner.intern(new Key("k0")) == kept.get(0)));

        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        Map<Reference<?>, String> names = new HashMap<>();
        Object strong = new StringBuilder("strong");
        WeakReference<Object> live = new WeakReference<>(strong, queue);
        names.put(live, "live");
        WeakReference<Object> dead = new WeakReference<>(new StringBuilder("dead"), queue);
        names.put(dead, "dead");
        SoftReference<int[]> soft = new SoftReference<>(new int[1000]);
        PhantomReference<Object> phantom = new PhantomReference<>(new Object(), queue);
        names.put(phantom, "phantom");

        churn();
        System.gc();
        List<String> enqueued = new ArrayList<>();
        enqueued.add(names.get(awaitEnqueued(queue)));
        enqueued.add(names.get(awaitEnqueued(queue)));
        Collections.sort(enqueued);
        System.out.println("enqueued: " + enqueued);
        System.out.println("dead cleared: " + (dead.get() == null) + ", refersTo(null): " + dead.refersTo(null));
        System.out.println("live kept: " + (live.get() == strong) + ", enqueued: " + live.isEnqueued());
        System.out.println("soft kept: " + (soft.get() != null));
        System.out.println("phantom get: " + phantom.get());

        kept.subList(5, kept.size()).clear();
        churn();
        System.gc();
        long end = System.currentTimeMillis() + 10_000;
        while (interner.size() > 5 && System.currentTimeMillis() < end) Thread.sleep(10);
        System.out.println("interned after dropping keys: " + interner.size());
        System.out.println("live still there: " + live.get());
        live.clear();
        System.out.println("after clear(): " + live.get() + " " + live.refersTo(null));
    }
}
