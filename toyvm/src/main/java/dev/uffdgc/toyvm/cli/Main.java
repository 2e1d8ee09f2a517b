package dev.uffdgc.toyvm.cli;

import dev.uffdgc.toyvm.ExitStatus;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.VmOptions;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code toyvm [-Xmx<size>] [-Xlog:gc[:file=<path>]] [-verbose:gc] [-Xverify-gc] -cp <path> <MainClass> [args...]}
 *
 * Exit status: the guest's System.exit code; 0 when main returns; 1 after an uncaught guest exception (or a
 * missing main class, as java does); 2 for bad command-line flags; 3 when the VM itself fails ({@link ExitStatus}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, System.out.charset());
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, System.err.charset());
        int status = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs the CLI with the given streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("toyvm: " + e.getMessage());
            err.println(Options.USAGE);
            return ExitStatus.USAGE;
        }
        if (o.help) {
            out.println(Options.USAGE);
            return 0;
        }
        Vm vm;
        try {
            vm = new Vm(o.vm, out, err);
        } catch (RuntimeException e) {
            err.println("toyvm: cannot start the VM: " + e.getMessage());
            return ExitStatus.VM_ERROR;
        }
        try {
            return vm.runMain(o.mainClass, o.args);
        } catch (RuntimeException e) {
            out.flush();
            err.println("toyvm: internal error: " + e);
            e.printStackTrace(err);
            return ExitStatus.VM_ERROR;
        }
    }

    /** Parses a positive count (e.g. -Xjit-threshold=n). */
    private static int positiveInt(String s, String flag) {
        try {
            int n = Integer.parseInt(s);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new IllegalArgumentException("bad count in " + flag + " (want a whole number > 0)");
    }

    /** The parsed command line. */
    static final class Options {
        static final String USAGE = """
                Usage: toyvm [options] -cp <path> <MainClass> [args...]
                  -cp, -classpath, --class-path <path>   directories and jars, separated by ':'
                  -Xmx<size>                            heap size, e.g. 64m, 1g (default 64m)
                  -Xms<size>                            accepted, checked against -Xmx (the heap is one mapping)
                  -D<name>=<value>                      a system property for the program
                  -ea[:<package>...|:<class>], -da[...]  enable/disable assertions (-esa, -dsa: the JDK's classes)
                  -Xlog:gc[:file=<path>]                GC log in unified-logging format (stdout or a file)
                  -verbose:gc                           same as -Xlog:gc
                  -Xlog:safepoint[:file=<path>]         one line per stop-the-world pause: time to reach it, time in it
                  -Xverify-gc                           verify the heap around every collection (slow)
                  -Xgc-every=<size>                     also collect after every <size> of allocation (stress)
                  -Xsafepoint-timeout=<ms>              log the host stack of every thread a pause waits longer for
                  -Xss<frames>                          maximum guest call depth (default 6000)
                  -XX:-UseTransparentHugePages          4 KiB heap pages only (default: the heap is 2 MiB
                                                        aligned and advised MADV_HUGEPAGE)
                  -Xint                                 interpret everything (no compiler tier)
                  -Xcomp                                compile every method at its first call
                  -Xjit-threshold=<n>                   calls before a method is compiled (default 500)
                  -Xlog:jit                             one line per compilation on stderr
                Exit status: guest System.exit code; 0 normal; 1 uncaught exception; 2 bad flags; 3 VM error.""";

        final VmOptions vm = new VmOptions();
        String mainClass;
        String[] args = new String[0];
        boolean help;
        long initialHeap;

        static Options parse(String[] argv) {
            Options o = new Options();
            int i = 0;
            while (i < argv.length && argv[i].startsWith("-")) {
                String a = argv[i++];
                if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                    if (i == argv.length) {
                        throw new IllegalArgumentException(a + " needs a path");
                    }
                    o.vm.classPath = argv[i++];
                    continue;
                }
                o.vm.inputArguments.add(a);
                if (a.startsWith("-Xmx")) {
                    o.vm.heapBytes = size(a.substring(4), a);
                } else if (a.startsWith("-Xms")) {
                    // The heap is one mapping of -Xmx, reserved whole and touched as it fills: there is no initial
                    // size to set. Checked like HotSpot's (a size, not above the maximum, at the end of parsing).
                    o.initialHeap = size(a.substring(4), a);
                } else if (a.startsWith("-D") && a.length() > 2) {
                    int eq = a.indexOf('=');
                    o.vm.systemProperties.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
                } else if (o.vm.assertions.parse(a)) {
                    // recorded
                } else if (a.equals("-Xlog:safepoint")) {
                    o.vm.safepointLog = "-";
                } else if (a.startsWith("-Xlog:safepoint:file=")) {
                    o.vm.safepointLog = a.substring(a.indexOf("file=") + 5);
                } else if (a.equals("-Xlog:gc") || a.equals("-verbose:gc") || a.equals("-Xlog:gc*")) {
                    o.vm.gcLog = "-";
                } else if (a.startsWith("-Xlog:gc:file=") || a.startsWith("-Xlog:gc*:file=")) {
                    o.vm.gcLog = a.substring(a.indexOf("file=") + 5);
                } else if (a.startsWith("-Xsafepoint-timeout=")) {
                    o.vm.safepointTimeoutMillis = millis(a.substring(20), a);
                } else if (a.startsWith("-Xgc-every=")) {
                    o.vm.gcStressBytes = size(a.substring(11), a);
                } else if (a.equals("-XX:-UseTransparentHugePages") || a.equals("-XX:+UseTransparentHugePages")) {
                    o.vm.hugePages = a.charAt(4) == '+';
                } else if (a.equals("-Xint")) {
                    o.vm.jit = false;
                } else if (a.equals("-Xcomp")) {
                    o.vm.jit = true;
                    o.vm.jitThreshold = 1;
                } else if (a.startsWith("-Xjit-threshold=")) {
                    o.vm.jit = true;
                    o.vm.jitThreshold = positiveInt(a.substring("-Xjit-threshold=".length()), a);
                } else if (a.equals("-Xlog:jit")) {
                    o.vm.logJit = true;
                } else if (a.equals("-Xverify-gc")) {
                    o.vm.verifyGc = true;
                } else if (a.startsWith("-Xss")) {
                    o.vm.maxDepth = (int) Math.min(1_000_000, size(a.substring(4), a));
                } else if (a.equals("-h") || a.equals("--help") || a.equals("-help")) {
                    o.help = true;
                    return o;
                } else {
                    // HotSpot's -XX options (collector choice, sizing, logging) come with benchmark scripts: say
                    // why they do not apply rather than only that they are unknown.
                    throw new IllegalArgumentException("unknown option " + a + (a.startsWith("-XX:")
                            ? " (HotSpot's -XX options do not apply to toyvm; its collector is the built-in one, or"
                                    + " the uffd-gc agent's with ./uffd-gc run --gc=move|copy; GC logging: -Xlog:gc)"
                            : ""));
                }
            }
            if (o.initialHeap > o.vm.heapBytes) {
                throw new IllegalArgumentException("Initial heap size set to a larger value than the maximum heap size");
            }
            if (i == argv.length) {
                throw new IllegalArgumentException("no main class given");
            }
            o.mainClass = argv[i++];
            o.args = Arrays.copyOfRange(argv, i, argv.length);
            return o;
        }

        static long millis(String s, String flag) {
            try {
                long ms = Long.parseLong(s);
                if (ms > 0) {
                    return ms;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("bad milliseconds in " + flag + " (want a whole number > 0)");
        }

        static long size(String s, String flag) {
            return VmOptions.parseSize(s, flag);
        }
    }
}
