import java.util.ArrayList;
import java.util.List;

/**
 * Collections while other threads are blocked (sleep, wait, monitor entry) or spinning in a loop without
 * calls: the blocked threads' frames are roots, their objects move, and they find them intact afterwards.
 */
public class BlockedDuringGc {
    static final Object LOCK = new Object();
    static volatile boolean go;
    static volatile boolean stop;

    static List<String> data(String tag) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 200; i++) l.add(tag + i);
        return l;
    }

    static void churn() {
        for (int i = 0; i < 300; i++) {
            int[] garbage = new int[100 + i];
            garbage[0] = i;
        }
        System.gc();
    }

    public static void main(String[] args) throws Exception {
        List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread waiter = new Thread(() -> {
            List<String> mine = data("w");
            synchronized (LOCK) {
                while (!go) {
                    try { LOCK.wait(); } catch (InterruptedException e) { return; }
                }
            }
            results.add("waiter " + mine.get(199) + " " + mine.size());
        });
        Thread sleeper = new Thread(() -> {
            List<String> mine = data("s");
            try { Thread.sleep(300); } catch (InterruptedException e) { }
            results.add("sleeper " + mine.get(123));
        });
        Thread spinner = new Thread(() -> {
            List<String> mine = data("p");
            long n = 0;
            while (!stop) n++;
            results.add("spinner " + mine.get(7) + " " + (n > 0));
        });
        waiter.start();
        sleeper.start();
        spinner.start();
        Thread.sleep(50);
        Thread entrant;
        synchronized (LOCK) {
            entrant = new Thread(() -> {
                List<String> mine = data("e");
                synchronized (LOCK) {
                    results.add("entrant " + mine.get(42));
                }
            });
            entrant.start();
            Thread.sleep(50);
            for (int i = 0; i < 5; i++) churn();
        }
        for (int i = 0; i < 5; i++) churn();
        synchronized (LOCK) {
            go = true;
            LOCK.notifyAll();
        }
        stop = true;
        waiter.join();
        sleeper.join();
        spinner.join();
        entrant.join();
        java.util.Collections.sort(results);
        System.out.println(results);
    }
}
