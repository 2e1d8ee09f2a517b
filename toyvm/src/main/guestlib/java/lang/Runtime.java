package java.lang;

/** toyvm guest library: memory figures of the toy heap. */
public class Runtime {
    private static final Runtime INSTANCE = new Runtime();

    private Runtime() {
    }

    public static Runtime getRuntime() {
        return INSTANCE;
    }

    public native long freeMemory();

    public native long totalMemory();

    public native long maxMemory();

    public native int availableProcessors();

    public void gc() {
        System.gc();
    }

    public void exit(int status) {
        System.exit(status);
    }

    public void halt(int status) {
        System.exit(status);
    }
}
