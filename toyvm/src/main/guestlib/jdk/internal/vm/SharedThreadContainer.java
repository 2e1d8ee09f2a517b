package jdk.internal.vm;

/**
 * toyvm guest library: the thread container ThreadPoolExecutor starts its workers through. toyvm has no
 * thread dumps or virtual threads to account for, so starting a thread is just starting it.
 */
public class SharedThreadContainer implements AutoCloseable {
    private final String name;

    private SharedThreadContainer(String name) {
        this.name = name;
    }

    public static SharedThreadContainer create(String name) {
        return new SharedThreadContainer(name);
    }

    public static SharedThreadContainer create(Object parent, String name) {
        return new SharedThreadContainer(name);
    }

    public String name() {
        return name;
    }

    public void start(Thread thread) {
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
