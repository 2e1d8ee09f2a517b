package dev.uffdgc.toyvm.gc.toolkit;

import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import java.util.concurrent.atomic.AtomicReference;

/** Two threads ask for a collection at once; the first pause waits until the second request is in. */
final class Races {
    private Races() {
    }

    static void race(SyntheticHeap h, Runnable collect) throws InterruptedException {
        h.holdFirstPauseUntilContended();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] ts = new Thread[2];
        for (int i = 0; i < 2; i++) {
            ts[i] = Thread.ofPlatform().name("collector-" + i).start(() -> {
                try {
                    collect.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        for (Thread t : ts) {
            t.join(20_000);
        }
        if (failure.get() != null) {
            throw new AssertionError("a racing collection failed", failure.get());
        }
    }
}
