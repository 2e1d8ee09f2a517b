import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread builders (JDK 21+): platform threads from Thread.ofPlatform() (named with a counter, unstarted, from a
 * factory, daemon), and virtual threads from Thread.ofVirtual(), startVirtualThread and a virtual-thread-per-task
 * executor. Each thread sums a slice and allocates; the output lists only what is deterministic (names, flags,
 * states, sums), not thread ids.
 */
public class ThreadBuilders {
    static long work(int seed) {
        List<String> parts = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < 2000; i++) {
            String s = Integer.toString(seed * 31 + i);
            parts.add(s);
            sum += s.hashCode() & 0xffff;
            if (parts.size() == 100) { // little live data per thread: the cycles come from the interval
                parts.clear();
            }
        }
        return sum + parts.size();
    }

    static String describe(Thread t) {
        return t.getName() + " virtual=" + t.isVirtual() + " daemon=" + t.isDaemon() + " state=" + t.getState();
    }

    /** A stack trace's frames of Thread: a virtual thread's run calls Thread.runWith, which traces leave out. */
    static String threadFrames(StackTraceElement[] trace) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : trace) {
            if (e.getClassName().equals("java.lang.Thread")) {
                sb.append(' ').append(e.getMethodName());
            }
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        AtomicLong total = new AtomicLong();

        // Platform threads, named w-0.. by the builder.
        Thread.Builder.OfPlatform pb = Thread.ofPlatform().name("w-", 0);
        List<Thread> ws = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int seed = i;
            ws.add(pb.start(() -> total.addAndGet(work(seed))));
        }
        for (Thread t : ws) {
            t.join();
            System.out.println(describe(t));
        }

        // Unstarted, daemon, with a priority.
        Thread u = Thread.ofPlatform().name("unstarted").daemon(true).priority(Thread.MIN_PRIORITY)
                .unstarted(() -> {
                    Thread me = Thread.currentThread();
                    System.out.println("in " + me.getName() + " virtual=" + me.isVirtual() + " daemon=" + me.isDaemon()
                            + " priority=" + me.getPriority());
                    total.addAndGet(work(7));
                });
        System.out.println(describe(u));
        u.start();
        u.join();
        System.out.println(describe(u));

        // A factory: names continue from its own counter.
        ThreadFactory pf = Thread.ofPlatform().name("f-", 10).daemon(false).factory();
        for (int i = 0; i < 3; i++) {
            Thread t = pf.newThread(() -> total.addAndGet(work(3)));
            t.start();
            t.join();
            System.out.println(describe(t));
        }
        System.out.println("platform total " + total.get());

        // Virtual threads.
        total.set(0);
        Thread v = Thread.ofVirtual().name("v-", 1).start(() -> {
            Thread me = Thread.currentThread();
            System.out.println("in " + me.getName() + " virtual=" + me.isVirtual() + " daemon=" + me.isDaemon());
            total.addAndGet(work(11));
        });
        v.join();
        System.out.println(describe(v));
        System.out.println("toString " + v.toString().replaceAll("#\\d+", "#N"));

        Thread unnamed = Thread.startVirtualThread(() -> total.addAndGet(work(12)));
        unnamed.join();
        System.out.println("unnamed '" + unnamed.getName() + "' " + describe(unnamed));

        Thread vu = Thread.ofVirtual().name("vu").unstarted(() -> total.addAndGet(work(13)));
        System.out.println(describe(vu));
        vu.start();
        vu.join();
        System.out.println(describe(vu));

        ThreadFactory vf = Thread.ofVirtual().name("vf-", 0).factory();
        Thread vft = vf.newThread(() -> total.addAndGet(work(14)));
        vft.start();
        vft.join();
        System.out.println(describe(vft));

        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> fs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int seed = 20 + i;
                fs.add(ex.submit(() -> Thread.currentThread().isVirtual() ? work(seed) : -1L));
            }
            long sum = 0;
            for (Future<Long> f : fs) {
                sum += f.get();
            }
            System.out.println("executor sum " + sum);
        }
        // A virtual thread parks until another unparks it (LockSupport goes through JavaLangAccess for them).
        java.util.concurrent.atomic.AtomicInteger handoff = new java.util.concurrent.atomic.AtomicInteger();
        Thread parker = Thread.ofVirtual().name("parker").start(() -> {
            while (handoff.get() == 0) {
                java.util.concurrent.locks.LockSupport.park();
            }
            System.out.println("parker got " + handoff.get());
        });
        Thread.ofVirtual().name("unparker").start(() -> {
            handoff.set(42);
            java.util.concurrent.locks.LockSupport.unpark(parker);
        }).join();
        parker.join();

        // Inheritable thread locals: inherited unless the builder says not.
        InheritableThreadLocal<String> itl = new InheritableThreadLocal<>();
        itl.set("from main");
        String[] seen = new String[2];
        Thread.ofVirtual().start(() -> seen[0] = itl.get()).join();
        Thread.ofPlatform().inheritInheritableThreadLocals(false).start(() -> seen[1] = itl.get()).join();
        System.out.println("inherited " + seen[0] + ", not inherited " + seen[1]);

        // The builder's uncaught exception handler; a virtual thread's group; setDaemon(false) refused.
        Thread failing = Thread.ofVirtual().name("failing")
                .uncaughtExceptionHandler((t, e) -> System.out.println("handler: " + t.getName() + " " + e))
                .start(() -> { throw new IllegalStateException("boom"); });
        failing.join();
        Thread vg = Thread.ofVirtual().unstarted(() -> { });
        System.out.println("group " + vg.getThreadGroup().getName() + " priority " + vg.getPriority());
        try {
            vg.setDaemon(false);
        } catch (IllegalArgumentException e) {
            System.out.println("setDaemon(false): " + e.getMessage());
        }
        String[] frames = new String[2];
        Thread.ofVirtual().start(() -> frames[0] = threadFrames(new Throwable().getStackTrace())).join();
        Thread.ofPlatform().start(() -> frames[1] = threadFrames(new Throwable().getStackTrace())).join();
        System.out.println("Thread frames: virtual" + frames[0] + ", platform" + frames[1]);
        // A live virtual thread is in no thread group's enumeration and not in getAllStackTraces (HotSpot's
        // thread list holds platform threads only).
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread live = Thread.ofVirtual().name("live").start(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        started.await();
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] listed = new Thread[root.activeCount() + 10];
        boolean enumerated = false;
        for (int i = 0, n = root.enumerate(listed); i < n; i++) {
            enumerated |= listed[i] == live;
        }
        System.out.println("live virtual thread: alive " + live.isAlive() + ", enumerated " + enumerated
                + ", in getAllStackTraces " + Thread.getAllStackTraces().containsKey(live));
        release.countDown();
        live.join();
        System.out.println("virtual total " + total.get());
        System.out.println("main virtual=" + Thread.currentThread().isVirtual());
    }
}
