import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * java.lang.ref.Cleaner as the JDK's documentation recommends it for native-like resources: a state object
 * registered with a shared Cleaner, released explicitly by close() (try-with-resources) or, when the owner is
 * forgotten, by the Cleaner's own thread once the owner is unreachable. Also a Cleaner with its own thread factory.
 */
public class CleanerResources {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicInteger OPEN = new AtomicInteger();

    static final class Buffer implements AutoCloseable {
        /** Holds no reference to its Buffer, or the Buffer would never become unreachable. */
        private static final class State implements Runnable {
            private final String name;
            private final CountDownLatch released;

            State(String name, CountDownLatch released) {
                this.name = name;
                this.released = released;
                OPEN.incrementAndGet();
            }

            @Override
            public void run() {
                OPEN.decrementAndGet();
                if (released != null) {
                    released.countDown();
                } else {
                    System.out.println("released " + name);
                }
            }
        }

        private final byte[] data;
        private final Cleaner.Cleanable cleanable;

        Buffer(Cleaner cleaner, String name, int size, CountDownLatch released) {
            data = new byte[size];
            cleanable = cleaner.register(this, new State(name, released));
        }

        int size() {
            return data.length;
        }

        @Override
        public void close() {
            cleanable.clean();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        try (Buffer a = new Buffer(CLEANER, "a", 64, null); Buffer b = new Buffer(CLEANER, "b", 128, null)) {
            System.out.println("using " + (a.size() + b.size()) + " bytes, open " + OPEN.get());
        }
        Buffer c = new Buffer(CLEANER, "c", 16, null);
        c.close();
        c.close();
        System.out.println("closed twice, open " + OPEN.get());

        CountDownLatch forgotten = new CountDownLatch(20);
        List<Buffer> keep = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Buffer f = new Buffer(CLEANER, "f" + i, 1024, i % 2 == 0 ? forgotten : null);
            if (i % 2 == 1) {
                keep.add(f);
            }
        }
        for (int i = 0; i < 100 && forgotten.getCount() > 0; i++) {
            System.gc();
            forgotten.await(20, TimeUnit.MILLISECONDS);
        }
        System.out.println("forgotten buffers released: " + forgotten.await(10, TimeUnit.SECONDS)
                + ", kept " + keep.size() + ", open " + OPEN.get());
        keep.forEach(Buffer::close);
        keep.clear();

        Cleaner own = Cleaner.create(r -> {
            Thread t = new Thread(r, "buffer-cleaner");
            t.setDaemon(true);
            return t;
        });
        try (Buffer d = new Buffer(own, "d", 8, null)) {
            System.out.println("own cleaner, open " + OPEN.get());
        }
        System.out.println("open at exit " + OPEN.get());
    }
}
