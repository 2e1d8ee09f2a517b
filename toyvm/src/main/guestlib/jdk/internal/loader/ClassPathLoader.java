package jdk.internal.loader;

import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;

/**
 * toyvm guest library: toyvm's one class loader as ClassLoader objects, which ClassLoader.getPlatformClassLoader
 * and getSystemClassLoader answer (VM intrinsics call {@link #platform} and {@link #app}; two objects, the
 * platform loader the app loader's parent, as on HotSpot). Classes still report a null loader (Class.getClassLoader), so
 * ResourceBundle.getBundle hands the platform loader to ResourceBundle.Control.newBundle, which calls its
 * loadClass (a ListResourceBundle subclass) and getResource (a .properties bundle); with no object there it threw a
 * NullPointerException and getBundle reported every bundle of the program missing. HotSpot's platform loader does
 * not see the class path; this one does, because toyvm has one loader for the JDK and the program. It defines
 * nothing: classes come from the VM's class path and the JDK (Class.forName), resources as Class.getResource finds
 * them.
 */
final class ClassPathLoader extends ClassLoader {
    private static final ClassPathLoader PLATFORM = new ClassPathLoader("platform", null);
    private static final ClassPathLoader APP = new ClassPathLoader("app", PLATFORM);

    private ClassPathLoader(String name, ClassLoader parent) {
        super(name, parent);
    }

    static ClassLoader platform() {
        return PLATFORM;
    }

    static ClassLoader app() {
        return APP;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return Class.forName(name, false, this);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return Class.forName(name, false, this);
    }

    @Override
    public URL getResource(String name) {
        return Object.class.getResource("/" + name);
    }

    @Override
    public Enumeration<URL> getResources(String name) {
        return SystemResources.find(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return Object.class.getResourceAsStream("/" + name);
    }
}
