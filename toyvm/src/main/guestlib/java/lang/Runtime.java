package java.lang;

/**
 * toyvm guest library: memory figures of the toy heap, and exit with the JDK's own shutdown sequence
 * (java.lang.Shutdown and ApplicationShutdownHooks from jrt: hooks run on System.exit, and when the last
 * non-daemon thread ends the VM runs them as HotSpot's DestroyJavaVM does).
 */
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

    private static Version version;

    /**
     * The JDK's own Runtime.Version of the running JDK, parsed from java.runtime.version (HotSpot builds the same
     * value from VersionProps: equal, same toString).
     */
    public static Version version() {
        Version v = version;
        if (v == null) {
            v = Version.parse(System.getProperty("java.runtime.version"));
            version = v;
        }
        return v;
    }

    /**
     * Declared here only so that this replacement compiles (a nested type of a replaced class can be named only
     * through the replacement's source). The build deletes its class file (toyvm/pom.xml, "jdk-nested-types"),
     * so the guest loads the JDK's own Runtime.Version from jrt:/.
     */
    public static final class Version {
        public static Version parse(String s) {
            throw new AssertionError("the JDK's Runtime.Version is loaded at run time");
        }
    }

    public void gc() {
        System.gc();
    }

    /** Ends the VM now: no hooks (the old System.exit native). */
    private static native void halt0(int status);

    /**
     * As the JDK's Shutdown.exit, without its Runtime.exit logging (a System.Logger at DEBUG, off by default):
     * the hooks run, then the VM halts, all under Shutdown's class lock, so a hook that calls exit blocks as
     * on HotSpot.
     */
    public void exit(int status) {
        synchronized (Shutdown.class) {
            Shutdown.shutdown();
            halt0(status);
        }
    }

    public void halt(int status) {
        halt0(status);
    }

    public void addShutdownHook(Thread hook) {
        ApplicationShutdownHooks.add(hook);
    }

    public boolean removeShutdownHook(Thread hook) {
        return ApplicationShutdownHooks.remove(hook);
    }

    /** Child processes need the JDK's ProcessImpl natives (fork/exec, waitpid), which toyvm does not have. */
    private static UnsupportedOperationException noProcesses() {
        return new UnsupportedOperationException("toyvm: Runtime.exec (child processes)");
    }

    @Deprecated(since = "18")
    public Process exec(String command) throws java.io.IOException {
        throw noProcesses();
    }

    @Deprecated(since = "18")
    public Process exec(String command, String[] envp) throws java.io.IOException {
        throw noProcesses();
    }

    @Deprecated(since = "18")
    public Process exec(String command, String[] envp, java.io.File dir) throws java.io.IOException {
        throw noProcesses();
    }

    public Process exec(String[] cmdarray) throws java.io.IOException {
        throw noProcesses();
    }

    public Process exec(String[] cmdarray, String[] envp) throws java.io.IOException {
        throw noProcesses();
    }

    public Process exec(String[] cmdarray, String[] envp, java.io.File dir) throws java.io.IOException {
        throw noProcesses();
    }

    /** Guest code cannot call native code of its own: every library fails to load, as the JDK reports it. */
    public void load(String filename) {
        throw new UnsatisfiedLinkError("toyvm: native libraries cannot be loaded: " + filename);
    }

    /**
     * A program's library is not found, as the JDK reports it. A JDK class asking for one of the JDK's own libraries
     * (java.util.prefs for "prefs") gets the feature named instead: "no prefs in java.library.path"
     * read like a setup problem, when the cause is that toyvm runs none of HotSpot's C natives but the ones it
     * supplies itself (zip, nio, net, through BootLoader).
     */
    public void loadLibrary(String libname) {
        if ("management".equals(libname) || "management_ext".equals(libname)) {
            return; // their natives are toyvm's (runtime/ManagementNatives): nothing to load
        }
        if (libname != null && !libname.contains("/")
                && new java.io.File(System.getProperty("java.home"), "lib/lib" + libname + ".so").exists()) {
            String feature = switch (libname) {
                case "prefs" -> "java.util.prefs";
                case "awt", "fontmanager", "lcms", "javajpeg", "mlib_image", "jsound" -> "java.desktop (AWT, Swing, images, sound)";
                default -> "the JDK's library " + libname;
            };
            throw new UnsatisfiedLinkError("toyvm: unsupported: " + feature + " (its natives are the JDK's native library lib"
                    + libname + ".so, which toyvm does not run)");
        }
        throw new UnsatisfiedLinkError("toyvm: native libraries cannot be loaded: no " + libname + " in java.library.path");
    }

    /** toyvm has no finalization (no object has a finalizer run): nothing is pending, so nothing to run. */
    @Deprecated(since = "18", forRemoval = true)
    public void runFinalization() {
    }
}
