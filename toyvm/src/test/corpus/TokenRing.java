/**
 * The benchmarks game's thread-ring: THREADS threads in a ring, each waiting on its own monitor, pass a token
 * HOPS times; the thread holding it when it runs out prints its id. Every thread finishes (none is a daemon).
 */
public class TokenRing {
    static final class Node implements Runnable {
        final int id;
        Node next;
        int token = -1;
        boolean done;
        Node(int id) { this.id = id; }

        synchronized void give(int t) {
            token = t;
            notify();
        }

        synchronized void stop() {
            done = true;
            notify();
        }

        @Override public void run() {
            while (true) {
                int t;
                synchronized (this) {
                    while (token < 0 && !done) {
                        try { wait(); } catch (InterruptedException e) { return; }
                    }
                    if (done) return;
                    t = token;
                    token = -1;
                }
                if (t == 0) {
                    System.out.println(id);
                    for (Node n = next; n != this; n = n.next) n.stop();
                    return;
                }
                next.give(t - 1);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 503;
        int hops = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Node[] ring = new Node[threads];
        for (int i = 0; i < threads; i++) ring[i] = new Node(i + 1);
        for (int i = 0; i < threads; i++) ring[i].next = ring[(i + 1) % threads];
        Thread[] ts = new Thread[threads];
        for (int i = 0; i < threads; i++) (ts[i] = new Thread(ring[i])).start();
        ring[0].give(hops);
        for (Thread t : ts) t.join();
        System.out.println("all " + threads + " threads finished");
    }
}
