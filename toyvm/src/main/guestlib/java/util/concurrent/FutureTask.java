package java.util.concurrent;

/**
 * toyvm guest library: the JDK's FutureTask is a lock-free VarHandle state machine; this one keeps the same
 * states and API on the object's monitor (wait/notifyAll), which toyvm implements natively.
 */
public class FutureTask<V> implements RunnableFuture<V> {
    private static final int NEW = 0;
    private static final int COMPLETING = 1;
    private static final int NORMAL = 2;
    private static final int EXCEPTIONAL = 3;
    private static final int CANCELLED = 4;
    private static final int INTERRUPTED = 6;

    private int state;
    private Callable<V> callable;
    private Object outcome;
    private Thread runner;

    public FutureTask(Callable<V> callable) {
        if (callable == null) {
            throw new NullPointerException();
        }
        this.callable = callable;
    }

    public FutureTask(Runnable runnable, V result) {
        this(Executors.callable(runnable, result));
    }

    public synchronized boolean isCancelled() {
        return state >= CANCELLED;
    }

    public synchronized boolean isDone() {
        return state != NEW;
    }

    public boolean cancel(boolean mayInterruptIfRunning) {
        Thread r;
        synchronized (this) {
            if (state != NEW) {
                return false;
            }
            state = mayInterruptIfRunning ? INTERRUPTED : CANCELLED;
            r = runner;
            notifyAll();
        }
        if (mayInterruptIfRunning && r != null) {
            r.interrupt();
        }
        done();
        return true;
    }

    public V get() throws InterruptedException, ExecutionException {
        synchronized (this) {
            while (state <= COMPLETING) {
                wait();
            }
            return report();
        }
    }

    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (state <= COMPLETING) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException();
                }
                wait(Math.max(1, left / 1_000_000L));
            }
            return report();
        }
    }

    @SuppressWarnings("unchecked")
    private V report() throws ExecutionException {
        if (state == NORMAL) {
            return (V) outcome;
        }
        if (state >= CANCELLED) {
            throw new CancellationException();
        }
        throw new ExecutionException((Throwable) outcome);
    }

    @Override
    public State state() {
        synchronized (this) {
            return switch (state) {
                case NEW, COMPLETING -> State.RUNNING;
                case NORMAL -> State.SUCCESS;
                case EXCEPTIONAL -> State.FAILED;
                default -> State.CANCELLED;
            };
        }
    }

    protected void done() {
    }

    protected void set(V v) {
        if (finish(NORMAL, v)) {
            done();
        }
    }

    protected void setException(Throwable t) {
        if (finish(EXCEPTIONAL, t)) {
            done();
        }
    }

    private synchronized boolean finish(int newState, Object result) {
        if (state != NEW) {
            return false;
        }
        outcome = result;
        state = newState;
        notifyAll();
        return true;
    }

    public void run() {
        Callable<V> c;
        synchronized (this) {
            if (state != NEW || runner != null) {
                return;
            }
            runner = Thread.currentThread();
            c = callable;
        }
        try {
            V result;
            try {
                result = c.call();
            } catch (Throwable ex) {
                setException(ex);
                return;
            }
            set(result);
        } finally {
            synchronized (this) {
                runner = null;
                callable = null;
            }
        }
    }

    protected boolean runAndReset() {
        Callable<V> c;
        synchronized (this) {
            if (state != NEW || runner != null) {
                return false;
            }
            runner = Thread.currentThread();
            c = callable;
        }
        try {
            c.call();
            synchronized (this) {
                return state == NEW;
            }
        } catch (Throwable ex) {
            setException(ex);
            return false;
        } finally {
            synchronized (this) {
                runner = null;
            }
        }
    }

    public String toString() {
        String status;
        synchronized (this) {
            status = switch (state) {
                case NORMAL -> "[Completed normally]";
                case EXCEPTIONAL -> "[Completed exceptionally: " + outcome + "]";
                case CANCELLED, INTERRUPTED -> "[Cancelled]";
                default -> callable == null ? "[Not completed]" : "[Not completed, task = " + callable + "]";
            };
        }
        return super.toString() + status;
    }
}
