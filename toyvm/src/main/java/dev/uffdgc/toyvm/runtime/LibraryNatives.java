package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;
import java.util.Set;

/**
 * The JDK's own native libraries (libnio, libnet...): on HotSpot, BootLoader.loadLibrary finds and dlopens them and
 * their JNI functions become the natives. In toyvm every native is a host intrinsic registered up front, so
 * "loading" one of the libraries whose natives toyvm supplies has nothing to do; any other library fails naming
 * itself, before a native of it could be reached.
 */
final class LibraryNatives {
    /**
     * The JDK libraries whose natives toyvm supplies, as far as guest code reaches them: zip's checksums
     * (ZipNatives), nio's files and channels (NioFsNatives, NioChNatives; IOUtil loads net with it).
     */
    private static final Set<String> SUPPLIED = Set.of("zip", "nio", "net");

    private LibraryNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        String boot = "jdk/internal/loader/BootLoader";
        r.add(boot, "loadLibrary(Ljava/lang/String;)V", (t, b) -> {
            String name = vm.strings.toHost(t.refs[b]);
            if (!SUPPLIED.contains(name)) {
                throw vm.throwing.raise(t, "java/lang/UnsatisfiedLinkError",
                        "toyvm: the natives of the JDK library " + name + " are not supplied");
            }
        });
        // HotSpot records the boot loader's unnamed module for its own use; toyvm has one class loader, whose
        // classes all answer the one unnamed module (Class.getModule), so there is nothing to record.
        r.add(boot, "setBootLoaderUnnamedModule0(Ljava/lang/Module;)V", (t, b) -> { });
    }
}
