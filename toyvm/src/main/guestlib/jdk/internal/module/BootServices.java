package jdk.internal.module;

import java.lang.reflect.Method;

/**
 * toyvm guest library: the boot loader's ServicesCatalog, filled as HotSpot's ModuleBootstrap fills the
 * catalogs of the boot layer (ServicesCatalog.register of every module), so that the JDK's own ServiceLoader
 * finds the providers the JDK's modules declare (java.base's and jdk.localedata's locale data, the CLDR
 * adapter's LocaleDataMetaInfo, charsets, file systems...). toyvm defines every JDK class to its one loader, in
 * one unnamed module (Class.getModule), so every provider goes into this one catalog, attributed to that
 * module, in the order ServiceLoader would meet them on HotSpot (app-loader modules, then platform, then boot).
 * BootLoader.getServicesCatalog answers CATALOG (a VM intrinsic); the class initialiser fills it once, other
 * threads wait for it as for any class initialisation.
 */
final class BootServices {
    static final ServicesCatalog CATALOG = fill(ServicesCatalog.create());

    private BootServices() {
    }

    static ServicesCatalog catalog() {
        return CATALOG;
    }

    /** Service and provider class names of the boot layer, in pairs: service, count, provider names... */
    private static native String[] providers0();

    private static ServicesCatalog fill(ServicesCatalog catalog) {
        try {
            // The catalog's own method (what register(Module) calls): private, reached like ModuleBootstrap's
            // callers cannot, through reflection, which toyvm does not restrict.
            Method add = ServicesCatalog.class.getDeclaredMethod("addProviders", String.class,
                    ServicesCatalog.ServiceProvider[].class);
            add.setAccessible(true);
            Module unnamed = Object.class.getModule();
            String[] p = providers0();
            for (int i = 0; i < p.length; ) {
                String service = p[i++];
                int n = Integer.parseInt(p[i++]);
                ServicesCatalog.ServiceProvider[] providers = new ServicesCatalog.ServiceProvider[n];
                for (int k = 0; k < n; k++) {
                    providers[k] = new ServicesCatalog.ServiceProvider(unnamed, p[i++]);
                }
                add.invoke(catalog, service, providers);
            }
            return catalog;
        } catch (ReflectiveOperationException e) {
            throw new InternalError(e);
        }
    }
}
