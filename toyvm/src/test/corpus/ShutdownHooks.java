import java.util.*;
import java.util.concurrent.*;

/**
 * A service's start-up and shutdown the way such programs are written: shutdown hooks (one removed again),
 * worker threads in their own thread groups counted, enumerated and interrupted, Runtime's figures, a
 * user-made StackTraceElement. (Runtime.exec and loadLibrary are refused on toyvm, named: README.) With an argument the program ends by System.exit(that status) while
 * a non-daemon worker still runs (the hooks run, the worker is cut off); without one, when its last non-daemon
 * thread ends (the hooks run after it).
 */
public class ShutdownHooks {
    public static void main(String[] args) throws Exception {
        Runtime rt = Runtime.getRuntime();
        Thread flush = new Thread(() -> System.out.println("hook: flushing " + Thread.currentThread().getName()), "flush-hook");
        Thread unused = new Thread(() -> System.out.println("hook: never runs"));
        rt.addShutdownHook(flush);
        rt.addShutdownHook(unused);
        System.out.println("removed " + rt.removeShutdownHook(unused) + " " + rt.removeShutdownHook(unused));
        try {
            rt.addShutdownHook(flush);
        } catch (IllegalArgumentException e) {
            System.out.println("twice: " + e.getMessage());
        }
        System.out.println(rt.availableProcessors() > 0 && rt.maxMemory() >= rt.totalMemory()
                && rt.totalMemory() >= rt.freeMemory() && rt.freeMemory() > 0);
        rt.runFinalization();

        ThreadGroup pool = new ThreadGroup("pool");
        ThreadGroup io = new ThreadGroup(pool, "io");
        ThreadGroup cpu = new ThreadGroup(pool, "cpu");
        new ThreadGroup(io, "disk");
        CountDownLatch started = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        Set<String> interrupted = new ConcurrentSkipListSet<>();
        for (ThreadGroup g : List.of(io, cpu, cpu)) {
            Thread w = new Thread(g, () -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted.add(Thread.currentThread().getName());
                }
            }, g.getName() + "-worker-" + workers.size());
            workers.add(w);
            w.start();
        }
        started.await();
        Thread[] found = new Thread[10];
        int n = pool.enumerate(found);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) names.add(found[i].getName());
        Collections.sort(names);
        System.out.println(pool.activeCount() + " " + cpu.activeCount() + " " + names + " "
                + cpu.enumerate(new Thread[1]) + " " + pool.enumerate(found, false) + " " + io.enumerate(found, true));
        ThreadGroup[] groups = new ThreadGroup[5];
        int g = pool.enumerate(groups);
        StringBuilder gs = new StringBuilder();
        for (int i = 0; i < g; i++) gs.append(groups[i].getName()).append(' ');
        System.out.println(pool.activeGroupCount() + " " + gs + pool.enumerate(groups, false) + " "
                + pool.parentOf(io) + " " + io.isDestroyed());
        new ThreadGroup(new ThreadGroup("empty"), "leaf").getParent().list();
        Map<Thread, StackTraceElement[]> traces = Thread.getAllStackTraces();
        System.out.println(traces.keySet().containsAll(workers) + " " + traces.containsKey(Thread.currentThread())
                + " " + traces.get(Thread.currentThread()).getClass().getSimpleName());
        Thread[] all = new Thread[Thread.activeCount() + 5];
        System.out.println(Arrays.asList(all).subList(0, Thread.enumerate(all)).contains(Thread.currentThread()));
        cpu.interrupt();
        for (Thread w : workers.subList(1, 3)) w.join();
        System.out.println("cpu workers done " + interrupted + ", io alive " + workers.get(0).isAlive());
        try {
            workers.get(0).stop();
        } catch (UnsupportedOperationException e) {
            System.out.println("stop: UnsupportedOperationException");
        }
        Thread.dumpStack();
        io.destroy();
        io.checkAccess();
        workers.get(0).checkAccess();

        StackTraceElement mine = new StackTraceElement("app", "billing", "2.1", "com.example.Billing", "charge", "Billing.java", 42);
        StackTraceElement plain = new StackTraceElement("com.example.Billing", "charge", null, -2);
        System.out.println(mine + " " + mine.getClassLoaderName() + " " + mine.getModuleName() + " " + mine.getModuleVersion()
                + " " + mine.hashCode() + " " + plain + " " + plain.hashCode() + " " + plain.isNativeMethod() + " "
                + mine.equals(new StackTraceElement("app", "billing", "2.1", "com.example.Billing", "charge", "Billing.java", 42)));

        if (args.length > 0) {
            // The io worker is non-daemon and still waiting: exit does not wait for it, the hooks run first.
            System.out.println("exiting with " + args[0]);
            System.exit(Integer.parseInt(args[0]));
        }
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("last worker ends");
            release.countDown();
        });
        late.start();
        System.out.println("main ends");
    }
}
