import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** LongAdder and LongAccumulator (striped counters) shared by threads. */
public class LongAdders {
    public static void main(String[] args) throws InterruptedException {
        LongAdder events = new LongAdder();
        LongAccumulator max = new LongAccumulator(Long::max, Long.MIN_VALUE);
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            final int id = i;
            ts[i] = new Thread(() -> {
                for (int k = 0; k < 2500; k++) {
                    events.increment();
                    max.accumulate((long) id * 1000 + k % 977);
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println(events.sum() + " " + max.get() + " " + events.sumThenReset() + " " + events);
    }
}
