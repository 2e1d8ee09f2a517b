import java.util.concurrent.locks.LockSupport;

/**
 * Threads in every state a safepoint must not wait for, or must interrupt quickly: one waiting on a monitor,
 * one sleeping, one parked, one blocked entering a monitor main holds, and one spinning in a loop without
 * calls or allocation (it stops at the loop's backward-branch poll). Main holds the monitor while it sleeps,
 * then releases everyone. A host thread requests pauses all the while (see ThreadsTest).
 */
public class SafepointStarvation {
    static final Object LOCK = new Object();
    static final Object HELD = new Object();
    static volatile boolean go;
    static volatile boolean stop;

    public static void main(String[] args) throws Exception {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 1500;
        Thread waiter = new Thread(() -> {
            synchronized (LOCK) {
                while (!go) {
                    try { LOCK.wait(); } catch (InterruptedException e) { return; }
                }
            }
        });
        Thread sleeper = new Thread(() -> {
            try { Thread.sleep(millis); } catch (InterruptedException e) { }
        });
        Thread parker = new Thread(() -> {
            while (!go) LockSupport.parkNanos(millis * 1_000_000L);
        });
        long[] spins = new long[1];
        Thread spinner = new Thread(() -> {
            long n = 0;
            while (!stop) n++;
            spins[0] = n;
        });
        Thread entrant;
        synchronized (HELD) {
            entrant = new Thread(() -> {
                synchronized (HELD) {
                    go = go;
                }
            });
            waiter.start();
            sleeper.start();
            parker.start();
            spinner.start();
            entrant.start();
            Thread.sleep(millis);
        }
        synchronized (LOCK) {
            go = true;
            LOCK.notifyAll();
        }
        stop = true;
        LockSupport.unpark(parker);
        for (Thread t : new Thread[] {waiter, sleeper, parker, spinner, entrant}) t.join();
        System.out.println("all threads ended, spinner ran " + (spins[0] > 0));
    }
}
