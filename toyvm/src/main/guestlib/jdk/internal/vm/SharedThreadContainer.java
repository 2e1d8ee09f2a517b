package jdk.internal.vm;

/**
 * toyvm guest library: the thread container ThreadPoolExecutor starts its workers through. toyvm has no
 * thread dumps or virtual threads to account for, so starting a thread is just starting it; the container
 * remembers what it started for threads(). (The JDK's registers with ThreadContainers and starts through
 * JavaLangAccess.start(Thread, ThreadContainer), which the guestlib's LangAccess lacks.)
 */
public class SharedThreadContainer implements AutoCloseable {
    private final String name;
    private final java.util.Set<Thread> started = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SharedThreadContainer(String name) {
        this.name = name;
    }

    public static SharedThreadContainer create(String name) {
        return new SharedThreadContainer(name);
    }

    public static SharedThreadContainer create(Object parent, String name) {
        return new SharedThreadContainer(name);
    }

    public static SharedThreadContainer create(ThreadContainer parent, String name) {
        return new SharedThreadContainer(name);
    }

    /** A shared container has no owner thread (the JDK's answers null too). */
    public Thread owner() {
        return null;
    }

    /** The live threads started in this container. */
    public java.util.stream.Stream<Thread> threads() {
        started.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        return started.stream().filter(Thread::isAlive);
    }

    public String name() {
        return name;
    }

    public void start(Thread thread) {
        started.add(thread);
        thread.start();
    }

    public void onStart(Thread thread) {
    }

    public void onExit(Thread thread) {
    }

    @Override
    public void close() {
    }
}
