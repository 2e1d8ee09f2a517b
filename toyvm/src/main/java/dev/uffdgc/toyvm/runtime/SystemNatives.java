package dev.uffdgc.toyvm.runtime;


import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.thread.VmThread;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * System properties, the environment, System.in, and jdk.internal.misc.VM's initialisation: what the JDK's own
 * classes from jrt:/ (Locale, Charset, StaticProperty, BufferedOutputStream...) expect the VM to provide.
 */
final class SystemNatives {
    /** Host properties the guest sees with the host's value: the platform, the user, the encodings. */
    private static final List<String> FROM_HOST = List.of("java.home", "java.io.tmpdir", "java.library.path",
            "java.specification.name", "java.specification.vendor", "java.specification.version",
            "java.vm.specification.name", "java.vm.specification.vendor", "java.vm.specification.version",
            "java.version", "java.version.date", "java.runtime.version", "java.runtime.name", "java.class.version",
            "java.vendor.url", "java.vendor.url.bug", "os.name", "os.arch", "os.version", "user.home", "user.dir",
            "user.name", "user.language", "user.country", "user.variant", "user.script",
            "native.encoding", "file.encoding", "sun.jnu.encoding", "stdout.encoding", "stderr.encoding",
            "sun.arch.data.model", "sun.cpu.endian", "sun.io.unicode.encoding", "sun.boot.library.path");

    private SystemNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        Map<String, String> props = properties(vm);
        String s = "java/lang/System";
        r.add(s, "property0(Ljava/lang/String;)Ljava/lang/String;", (t, b) -> {
            String v = props.get(vm.strings.toHost(t.refs[b]));
            t.refs[b] = v == null ? 0 : vm.strings.newString(t, v);
        });
        r.add(s, "initialProperties()[Ljava/lang/String;", (t, b) -> t.refs[b] = vm.strings.newStringArray(t,
                pairs(props)));
        r.add(s, "environment()[Ljava/lang/String;", (t, b) -> t.refs[b] = vm.strings.newStringArray(t,
                pairs(new java.util.TreeMap<>(System.getenv()))));
        r.add("jdk/internal/misc/VM", "initialize()V", (t, b) -> {
            // HotSpot's System.initPhase1 saves the properties into VM before anything asks for them
            // (VM.getSavedProperty throws until then); toyvm has no phase 1, so VM's <clinit> does it.
            VmClass system = vm.classes.load(s);
            vm.init.initialize(t, system);
            VmMethod save = system.methods.get("saveVmProperties()V");
            t.sp = b;
            vm.interp.call(t, save); // also raises the init level to SYSTEM_BOOTED (System.saveVmProperties)
            t.sp = b;
        });
        r.add("jdk/internal/misc/VM", "getNanoTimeAdjustment(J)J", (t, b) -> t.prims[b] = nanoTimeAdjustment(t.prims[b]));
        String in = "java/lang/System$StdinStream";
        r.add(in, "read0([BII)I", (t, b) -> t.prims[b] = read(vm, t, b));
        r.add(in, "available0()I", (t, b) -> {
            try {
                t.prims[b] = vm.in.available();
            } catch (IOException e) {
                throw vm.throwing.raise(t, "java/io/IOException", e.getMessage());
            }
        });
    }

    /**
     * HotSpot's JVM_GetNanoTimeAdjustment (Instant.now, Clock.systemUTC, the JDK's loggers' time stamps): the
     * wall clock in nanoseconds since {@code offsetSeconds}, or -1 when that is 2^32 seconds or more away.
     */
    static long nanoTimeAdjustment(long offsetSeconds) {
        java.time.Instant now = java.time.Instant.now();
        long diff = now.getEpochSecond() - offsetSeconds;
        if (diff >= (1L << 32) || diff <= -(1L << 32)) {
            return -1;
        }
        return diff * 1_000_000_000L + now.getNano();
    }

    /** What the guest sees: the host's platform values, toyvm's VM names, the guest class path. */
    private static Map<String, String> properties(Vm vm) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String k : FROM_HOST) {
            String v = System.getProperty(k);
            if (v != null) {
                p.put(k, v);
            }
        }
        p.put("line.separator", "\n");
        p.put("file.separator", "/");
        p.put("path.separator", ":");
        p.put("java.vendor", "uffd-gc toyvm");
        p.put("java.vm.name", "toyvm");
        p.put("java.vm.vendor", "uffd-gc");
        p.put("java.vm.version", p.getOrDefault("java.version", "25"));
        p.put("java.vm.info", "interpreted mode");
        p.put("java.class.path", vm.options.classPath);
        p.putIfAbsent("file.encoding", "UTF-8");
        p.putIfAbsent("native.encoding", "UTF-8");
        p.putIfAbsent("sun.jnu.encoding", "UTF-8");
        p.putAll(vm.options.systemProperties); // -D, over the VM's own as HotSpot's
        return p;
    }

    private static String[] pairs(Map<String, String> m) {
        List<String> kv = new ArrayList<>();
        m.forEach((k, v) -> {
            kv.add(k);
            kv.add(v);
        });
        return kv.toArray(String[]::new);
    }

    /** StdinStream.read0(b, off, len): System.in over the VM's stdin, as FileInputStream's fd 0 (IoNatives). */
    private static int read(Vm vm, VmThread t, int b) {
        byte[] buf = new byte[Math.max(0, (int) t.prims[b + 2])];
        int n = IoNatives.readStdin(vm, t, buf);
        IoNatives.copyInto(vm, t, b, buf, n);
        return n;
    }
}
