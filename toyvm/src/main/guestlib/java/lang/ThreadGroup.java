package java.lang;

/**
 * toyvm guest library: thread groups, with the JDK 25 class's behaviour: names, priority limits, the live threads
 * (Thread.getAllThreads, from the VM) and subgroups they contain. Like the JDK's since 19, a group is not
 * destroyed and holds no threads itself; unlike it, subgroups are held strongly (the JDK's weakly: an unused
 * empty group may disappear from the JDK's counts after a collection, a difference no program can rely on).
 */
public class ThreadGroup implements Thread.UncaughtExceptionHandler {
    private final ThreadGroup parent;
    private final String name;
    private int maxPriority;
    private boolean daemon;
    private final java.util.List<ThreadGroup> subgroups = new java.util.ArrayList<>();

    ThreadGroup(ThreadGroup parent, String name, int maxPriority) {
        this.parent = parent;
        this.name = name;
        this.maxPriority = maxPriority;
        if (parent != null) {
            synchronized (parent.subgroups) {
                parent.subgroups.add(this);
            }
        }
    }

    public ThreadGroup(String name) {
        this(Thread.currentThread().getThreadGroup(), name);
    }

    public ThreadGroup(ThreadGroup parent, String name) {
        this(parent, name, parent.getMaxPriority());
        this.daemon = parent.daemon;
    }

    public final String getName() {
        return name;
    }

    public final ThreadGroup getParent() {
        return parent;
    }

    public final int getMaxPriority() {
        return maxPriority;
    }

    public final void setMaxPriority(int pri) {
        if (pri >= Thread.MIN_PRIORITY && pri <= Thread.MAX_PRIORITY) {
            maxPriority = parent != null ? Math.min(pri, parent.maxPriority) : pri;
        }
    }

    public final boolean isDaemon() {
        return daemon;
    }

    public final void setDaemon(boolean daemon) {
        this.daemon = daemon;
    }

    public final boolean parentOf(ThreadGroup g) {
        for (; g != null; g = g.parent) {
            if (g == this) {
                return true;
            }
        }
        return false;
    }

    private ThreadGroup[] subgroups() {
        synchronized (subgroups) {
            return subgroups.toArray(new ThreadGroup[0]);
        }
    }

    public int activeCount() {
        int n = 0;
        for (Thread thread : Thread.getAllThreads()) {
            if (parentOf(thread.getThreadGroup())) {
                n++;
            }
        }
        return n;
    }

    public int enumerate(Thread[] list) {
        return enumerate(list, true);
    }

    public int enumerate(Thread[] list, boolean recurse) {
        java.util.Objects.requireNonNull(list);
        int n = 0;
        if (list.length > 0) {
            for (Thread thread : Thread.getAllThreads()) {
                ThreadGroup g = thread.getThreadGroup();
                if (g == this || (recurse && parentOf(g))) {
                    list[n++] = thread;
                    if (n == list.length) {
                        break;
                    }
                }
            }
        }
        return n;
    }

    public int activeGroupCount() {
        int n = 0;
        for (ThreadGroup group : subgroups()) {
            n = n + group.activeGroupCount() + 1;
        }
        return n;
    }

    public int enumerate(ThreadGroup[] list) {
        return enumerate(list, true);
    }

    public int enumerate(ThreadGroup[] list, boolean recurse) {
        java.util.Objects.requireNonNull(list);
        return enumerate(list, 0, recurse);
    }

    private int enumerate(ThreadGroup[] list, int i, boolean recurse) {
        ThreadGroup[] groups = subgroups();
        for (int j = 0; j < groups.length && i < list.length; j++) {
            list[i++] = groups[j];
            if (recurse) {
                i = groups[j].enumerate(list, i, true);
            }
        }
        return i;
    }

    public final void interrupt() {
        for (Thread thread : Thread.getAllThreads()) {
            if (parentOf(thread.getThreadGroup())) {
                thread.interrupt();
            }
        }
    }

    /** As the JDK's: this group, then its threads and subgroups, indented, on System.out. */
    public void list() {
        java.util.Map<ThreadGroup, java.util.List<Thread>> map = new java.util.HashMap<>();
        for (Thread thread : Thread.getAllThreads()) {
            ThreadGroup group = thread.getThreadGroup();
            if (group != null && parentOf(group)) {
                map.computeIfAbsent(group, k -> new java.util.ArrayList<>()).add(thread);
            }
        }
        list(map, System.out, 0);
    }

    private void list(java.util.Map<ThreadGroup, java.util.List<Thread>> map, java.io.PrintStream out, int indent) {
        out.print(" ".repeat(indent));
        out.println(this);
        indent += 4;
        java.util.List<Thread> threads = map.get(this);
        if (threads != null) {
            for (Thread thread : threads) {
                out.print(" ".repeat(indent));
                out.println(thread);
            }
        }
        for (ThreadGroup group : subgroups()) {
            group.list(map, out, indent);
        }
    }

    /** Since JDK 24 (no security manager) this does nothing, as here. */
    @Deprecated(since = "17", forRemoval = true)
    public final void checkAccess() {
    }

    /** Since JDK 21 a thread group cannot be destroyed: this does nothing, as in the JDK. */
    @Deprecated(since = "16", forRemoval = true)
    public final void destroy() {
    }

    @Deprecated(since = "16", forRemoval = true)
    public boolean isDestroyed() {
        return false;
    }

    /** HotSpot's default report of an uncaught exception. */
    public void uncaughtException(Thread t, Throwable e) {
        if (parent != null) {
            parent.uncaughtException(t, e);
            return;
        }
        Thread.UncaughtExceptionHandler ueh = Thread.getDefaultUncaughtExceptionHandler();
        if (ueh != null) {
            ueh.uncaughtException(t, e);
        } else {
            System.err.print("Exception in thread \"" + t.getName() + "\" ");
            e.printStackTrace(System.err);
        }
    }

    public String toString() {
        return getClass().getName() + "[name=" + name + ",maxpri=" + maxPriority + "]";
    }
}
