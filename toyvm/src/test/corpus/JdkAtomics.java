import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** AtomicInteger/AtomicLong (the JDK's, over Unsafe) and AtomicReference/AtomicBoolean: counters, CAS loops, a lock-free stack. */
public class JdkAtomics {
    record Node(int value, Node next) { }

    public static void main(String[] args) throws InterruptedException {
        AtomicInteger hits = new AtomicInteger();
        AtomicLong sum = new AtomicLong();
        AtomicReference<Node> stack = new AtomicReference<>();
        AtomicBoolean first = new AtomicBoolean();
        AtomicInteger winner = new AtomicInteger(-1);
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            final int id = i;
            ts[i] = new Thread(() -> {
                if (first.compareAndSet(false, true)) {
                    winner.set(id);
                }
                for (int k = 0; k < 2000; k++) {
                    hits.incrementAndGet();
                    sum.addAndGet(k);
                    if (k % 100 == 0) {
                        Node top;
                        do {
                            top = stack.get();
                        } while (!stack.compareAndSet(top, new Node(id * 10000 + k, top)));
                    }
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        int nodes = 0;
        long nodeSum = 0;
        for (Node n = stack.get(); n != null; n = n.next()) {
            nodes++;
            nodeSum += n.value();
        }
        System.out.println("hits " + hits + " sum " + sum + " nodes " + nodes + " node sum " + nodeSum
                + " one winner " + (winner.get() >= 0 && first.get()));
        AtomicInteger i = new AtomicInteger(5);
        System.out.println(i.getAndUpdate(x -> x * 3) + " " + i.updateAndGet(x -> x - 1) + " "
                + i.accumulateAndGet(10, Math::max) + " " + i.compareAndExchange(14, 2) + " " + i.weakCompareAndSetPlain(2, 3)
                + " " + i.getAcquire());
        i.lazySet(7);
        i.setRelease(8);
        AtomicLong l = new AtomicLong(Long.MAX_VALUE - 1);
        System.out.println(i.getOpaque() + " " + l.incrementAndGet() + " " + l.incrementAndGet() + " " + l.getAndDecrement()
                + " " + l.intValue() + " " + l.doubleValue());
        AtomicReference<String> r = new AtomicReference<>("a");
        System.out.println(r.getAndAccumulate("b", String::concat) + " " + r.updateAndGet(s -> s + "c") + " "
                + r.compareAndSet("abc", "z") + " " + r.getAndSet("y") + " " + r);
    }
}
