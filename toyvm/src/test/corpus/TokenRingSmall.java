import java.util.concurrent.locks.LockSupport;

/** The benchmarks game's thread-ring, small: threads in a ring pass a token with park/unpark until it runs out. */
public class TokenRingSmall {
    static final int THREADS = 53;
    static Worker[] ring = new Worker[THREADS];

    static final class Worker extends Thread {
        final int id;
        volatile int token = -1;
        Worker(int id) { this.id = id; setDaemon(true); }

        @Override public void run() {
            Worker next = ring[id % THREADS];
            while (true) {
                int t;
                while ((t = token) < 0) LockSupport.park();
                token = -1;
                if (t == 0) {
                    System.out.println(id);
                    System.exit(0);
                }
                next.token = t - 1;
                LockSupport.unpark(next);
            }
        }
    }

    public static void main(String[] args) {
        int hops = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        for (int i = 0; i < THREADS; i++) ring[i] = new Worker(i + 1);
        for (Worker w : ring) w.start();
        ring[0].token = hops;
        LockSupport.unpark(ring[0]);
        while (true) {
            try { Thread.sleep(1000); } catch (InterruptedException e) { return; }
        }
    }
}
