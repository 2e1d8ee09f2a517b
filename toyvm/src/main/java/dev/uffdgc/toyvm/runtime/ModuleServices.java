package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services the JDK's modules provide (their module-info's {@code provides}), for the JDK's own
 * ServiceLoader: BootLoader.getServicesCatalog answers the guestlib's BootServices.CATALOG, which its
 * initialiser fills from {@code providers0}. The modules are the host's boot layer: the host JVM runs toyvm.jar
 * with the default root modules, as HotSpot runs a class-path program, so jdk.localedata is there exactly when
 * HotSpot would have it. ServiceLoader's class-path lookup asks ClassLoader.getSystemResources (SystemResources).
 */
final class ModuleServices {
    private ModuleServices() {
    }

    static void register(Vm vm, Intrinsics r) {
        String[] pairs = providers();
        r.add("jdk/internal/module/BootServices", "providers0()[Ljava/lang/String;",
                (t, b) -> t.refs[b] = vm.strings.newStringArray(t, pairs));
        r.add("jdk/internal/loader/BootLoader", "getServicesCatalog()Ljdk/internal/module/ServicesCatalog;", (t, b) -> {
            VmClass c = vm.classes.load("jdk/internal/module/BootServices");
            vm.init.initialize(t, c);
            t.sp = b;
            vm.interp.call(t, c.methods.get("catalog()Ljdk/internal/module/ServicesCatalog;"));
        });
        // ServiceLoader's class-path lookup (META-INF/services) with the system loader: see SystemResources.
        r.add("java/lang/ClassLoader", "getSystemResources(Ljava/lang/String;)Ljava/util/Enumeration;", (t, b) -> {
            VmClass c = vm.classes.load("jdk/internal/loader/SystemResources");
            vm.init.initialize(t, c);
            t.sp = b + 1;
            vm.interp.call(t, c.methods.get("find(Ljava/lang/String;)Ljava/util/Enumeration;"));
        });
        // Module.getResourceAsStream of a boot-loader module (mn, name): toyvm's one module answers any name.
        r.add("jdk/internal/loader/BootLoader", "findResourceAsStream(Ljava/lang/String;Ljava/lang/String;)Ljava/io/InputStream;",
                (t, b) -> {
                    VmClass c = vm.classes.load("jdk/internal/loader/SystemResources");
                    vm.init.initialize(t, c);
                    t.refs[b] = t.refs[b + 1];
                    t.sp = b + 1;
                    vm.interp.call(t, c.methods.get("findAsStream(Ljava/lang/String;)Ljava/io/InputStream;"));
                });
    }

    /**
     * service, provider count, provider class names..., per service; providers of app-loader modules first,
     * then platform, then boot (the order ServiceLoader walks a loader and its parents), each by module name.
     */
    static String[] providers() {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        Comparator<Module> order = Comparator.<Module>comparingInt(m -> m.getClassLoader() == null ? 2
                : m.getClassLoader() == platform ? 1 : 0).thenComparing(Module::getName);
        Map<String, List<String>> byService = new LinkedHashMap<>();
        ModuleLayer.boot().modules().stream().sorted(order).forEach(m -> {
            for (ModuleDescriptor.Provides p : m.getDescriptor().provides()) {
                byService.computeIfAbsent(p.service(), s -> new ArrayList<>()).addAll(p.providers());
            }
        });
        List<String> out = new ArrayList<>();
        byService.forEach((service, providers) -> {
            out.add(service);
            out.add(Integer.toString(providers.size()));
            out.addAll(providers);
        });
        return out.toArray(String[]::new);
    }
}
