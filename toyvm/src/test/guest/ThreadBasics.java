import java.util.ArrayList;
import java.util.List;

/** Threads: start/join, sleep, interrupt, daemon flags, names, synchronized counters, wait/notify. */
public class ThreadBasics {
    static int counter;
    static final Object LOCK = new Object();

    static synchronized void bump() {
        counter++;
    }

    public static void main(String[] args) throws Exception {
        System.out.println(Thread.currentThread().getName() + " " + Thread.currentThread().isDaemon());
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                for (int k = 0; k < 20000; k++) {
                    bump();
                }
            }, "worker-" + i);
            ts.add(t);
        }
        System.out.println(ts.get(0).getName() + " " + ts.get(0).getState() + " " + ts.get(0).isAlive());
        for (Thread t : ts) t.start();
        for (Thread t : ts) t.join();
        System.out.println("counter " + counter + " " + ts.get(3).getState() + " " + ts.get(3).isAlive());

        int[] box = new int[1];
        Thread blocks = new Thread(() -> {
            synchronized (LOCK) {
                for (int k = 0; k < 100000; k++) box[0] += k % 7;
            }
        });
        synchronized (LOCK) {
            blocks.start();
            Thread.sleep(20);
            System.out.println("held while worker waits: " + box[0]);
        }
        blocks.join();
        System.out.println("after: " + box[0]);

        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(60_000);
                System.out.println("not interrupted?");
            } catch (InterruptedException e) {
                System.out.println("sleeper interrupted, flag " + Thread.currentThread().isInterrupted());
            }
        });
        sleeper.start();
        Thread.sleep(10);
        sleeper.interrupt();
        sleeper.join();

        // wait/notify handshake
        final int[] stage = new int[1];
        Thread waiter = new Thread(() -> {
            synchronized (LOCK) {
                while (stage[0] == 0) {
                    try { LOCK.wait(); } catch (InterruptedException e) { return; }
                }
                stage[0] = 2;
                LOCK.notifyAll();
            }
        });
        waiter.start();
        synchronized (LOCK) {
            stage[0] = 1;
            LOCK.notifyAll();
            while (stage[0] != 2) LOCK.wait();
        }
        waiter.join();
        System.out.println("stage " + stage[0]);

        try {
            LOCK.notify();
        } catch (IllegalMonitorStateException e) {
            System.out.println("IMSE " + e.getClass().getName());
        }
        Thread.currentThread().interrupt();
        System.out.println("interrupted " + Thread.interrupted() + " " + Thread.interrupted());

        Thread d = new Thread(() -> {
            while (true) {
                try { Thread.sleep(5); } catch (InterruptedException e) { }
            }
        });
        d.setDaemon(true);
        d.start();
        Thread last = new Thread(() -> {
            try { Thread.sleep(300); } catch (InterruptedException e) { }
            System.out.println("last non-daemon thread done");
        });
        last.start();
        Thread boom = new Thread(() -> { throw new IllegalStateException("boom"); }, "boomer");
        boom.start();
        boom.join();
        System.out.println("main done");
    }
}
