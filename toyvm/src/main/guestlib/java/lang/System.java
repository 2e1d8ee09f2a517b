package java.lang;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * toyvm guest library: standard streams over the VM's stdin/stdout/stderr and VM services (natives are host
 * intrinsics). System properties start as a host-side table (getProperty of an unchanged table allocates
 * nothing in the guest heap); the first getProperties/setProperty/clearProperty builds the JDK's own
 * {@link Properties} from it, which from then on is the one source (as on HotSpot, where changes are seen by
 * getProperty).
 */
public final class System {
    private System() {
    }

    public static InputStream in = new StdinStream();
    public static PrintStream out = new PrintStream(1);
    public static PrintStream err = new PrintStream(2);
    /** System.err as the VM set it up, whatever setErr did since (the JDK's initialErr: sun.misc.Unsafe's warnings). */
    static final PrintStream initialErr = err;

    private static Properties props;
    /**
     * The boot layer, which ModuleLayer.boot() reads: toyvm defines every class to its one unnamed module and no
     * layer, so it is the empty layer (set with the VM's properties; null before, as ModuleLayer.boot() documents for
     * start-up). java.management's logging bean looks for java.logging there and, not finding it, is left out.
     */
    static ModuleLayer bootLayer;

    static {
        installLangAccess(new LangAccess());
    }

    private static native void installLangAccess(Object access);

    public static void setIn(InputStream in) {
        System.in = in;
    }

    public static void setOut(PrintStream out) {
        System.out = out;
    }

    public static void setErr(PrintStream err) {
        System.err = err;
    }

    /**
     * The JDK's own lazy logger (jdk.internal.logger.LazyLoggers, as HotSpot's System.getLogger): nothing is looked
     * up until the logger is used, so a library that takes one in its static initialiser (Caffeine) runs.
     */
    @jdk.internal.reflect.CallerSensitive
    public static Logger getLogger(String name) {
        java.util.Objects.requireNonNull(name);
        Class<?> caller = jdk.internal.reflect.Reflection.getCallerClass();
        if (caller == null) {
            throw new IllegalCallerException("no caller frame");
        }
        return jdk.internal.logger.LazyLoggers.getLogger(name, caller.getModule());
    }

    /** As the JDK's: a localized logger from the JDK's own LoggerFinder. */
    @jdk.internal.reflect.CallerSensitive
    public static Logger getLogger(String name, java.util.ResourceBundle bundle) {
        java.util.ResourceBundle rb = java.util.Objects.requireNonNull(bundle);
        java.util.Objects.requireNonNull(name);
        Class<?> caller = jdk.internal.reflect.Reflection.getCallerClass();
        if (caller == null) {
            throw new IllegalCallerException("no caller frame");
        }
        return LoggerFinder.getLoggerFinder().getLocalizedLogger(name, rb, caller.getModule());
    }

    /**
     * Declared here only so that this replacement compiles (a nested type of a replaced class can be named only
     * through the replacement's source). The build deletes its class files (toyvm/pom.xml, "jdk-nested-types"),
     * so the guest loads the JDK's own System.Logger and LoggerFinder from jrt:/.
     */
    public interface Logger {
    }

    /** Compile-time declaration only, as {@link Logger}: the guest runs the JDK's own. */
    public abstract static class LoggerFinder {
        static LoggerFinder getLoggerFinder() {
            throw new AssertionError("the JDK's System.LoggerFinder is loaded at run time");
        }

        abstract Logger getLocalizedLogger(String name, java.util.ResourceBundle bundle, Module module);
    }

    public static java.io.Console console() {
        return null;
    }

    public static java.nio.channels.Channel inheritedChannel() {
        return null;
    }

    @SuppressWarnings("removal")
    public static void setSecurityManager(SecurityManager sm) {
        throw new UnsupportedOperationException("Setting a Security Manager is not supported");
    }

    @SuppressWarnings("removal")
    public static SecurityManager getSecurityManager() {
        return null;
    }

    public static native long nanoTime();

    public static native long currentTimeMillis();

    public static native void arraycopy(Object src, int srcPos, Object dest, int destPos, int length);

    public static native int identityHashCode(Object x);

    /** As the JDK's: through Runtime.exit, which runs the shutdown hooks. */
    public static void exit(int status) {
        Runtime.getRuntime().exit(status);
    }

    public static native void gc();

    public static void runFinalization() {
    }

    public static void load(String filename) {
        Runtime.getRuntime().load(filename);
    }

    public static void loadLibrary(String libname) {
        Runtime.getRuntime().loadLibrary(libname);
    }

    public static String mapLibraryName(String libname) {
        return "lib" + libname + ".so";
    }

    /** The initial properties as key, value, key, value... (built by the host: its own values, toyvm's VM names). */
    private static native String[] initialProperties();

    private static native String property0(String key);

    public static synchronized Properties getProperties() {
        if (props == null) {
            String[] kv = initialProperties();
            Properties p = new Properties();
            for (int i = 0; i < kv.length; i += 2) {
                p.setProperty(kv[i], kv[i + 1]);
            }
            props = p;
        }
        return props;
    }

    public static synchronized void setProperties(Properties p) {
        if (p == null) {
            props = null;
            getProperties();
        } else {
            props = p;
        }
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new NullPointerException("key can't be null");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key can't be empty");
        }
    }

    public static String getProperty(String key) {
        checkKey(key);
        Properties p = props;
        return p == null ? property0(key) : p.getProperty(key);
    }

    public static String getProperty(String key, String def) {
        String v = getProperty(key);
        return v == null ? def : v;
    }

    public static String setProperty(String key, String value) {
        checkKey(key);
        return (String) getProperties().setProperty(key, value);
    }

    public static String clearProperty(String key) {
        checkKey(key);
        return (String) getProperties().remove(key);
    }

    public static String lineSeparator() {
        return "\n";
    }

    public static native String getenv(String name);

    private static native String[] environment();

    public static Map<String, String> getenv() {
        String[] kv = environment();
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Called by the VM when jdk.internal.misc.VM initialises: what HotSpot's System.initPhase1 saves. */
    private static void saveVmProperties() {
        String[] kv = initialProperties();
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        jdk.internal.misc.VM.saveProperties(m);
        // HotSpot's initPhase3 ends with SYSTEM_BOOTED (4) before main; toyvm has no phases, so the level goes
        // there at once. Below it, ServiceLoader runs in its start-up mode (boot loader only, class-path lookup
        // through a null system loader: a NullPointerException in the CLDR locale provider's constructor).
        jdk.internal.misc.VM.initLevel(4);
        bootLayer = ModuleLayer.empty();
    }

    /** System.in: the VM's standard input (fd 0 of the process, or what the embedder gave the Vm). */
    private static final class StdinStream extends InputStream {
        private static native int read0(byte[] b, int off, int len);

        private static native int available0();

        @Override
        public int read() {
            byte[] one = new byte[1];
            int n = read0(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            return len == 0 ? 0 : read0(b, off, len);
        }

        @Override
        public int available() {
            return available0();
        }
    }
}
