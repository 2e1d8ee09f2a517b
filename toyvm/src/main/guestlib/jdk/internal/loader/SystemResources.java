package jdk.internal.loader;

import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * toyvm guest library: ClassLoader.getSystemResources (a VM intrinsic calls {@link #find}; so does
 * ClassPathLoader.getResources) and the boot loader's resource streams ({@link #findAsStream}). The JDK's asks the
 * system class loader, which toyvm did not have (getSystemClassLoader answered null), so it threw a
 * NullPointerException from every ServiceLoader.load over the class path (ZoneRulesProvider's, for
 * ZoneId.of("Europe/Berlin")). The class path is the VM's; like Class.getResource, the first entry that has the
 * name answers, so a name present in several jars is found once (HotSpot lists each).
 */
final class SystemResources {
    private SystemResources() {
    }

    /**
     * BootLoader.findResourceAsStream (a VM intrinsic calls it), which Module.getResourceAsStream asks for the
     * boot loader's modules: toyvm's one module holds the JDK's classes and the class path's, so a JDK class's
     * module finds its resources (BreakIteratorResourceBundle's sun/text/resources/LineBreakIteratorData, which
     * BreakIterator.getLineInstance reads: picocli's usage help) where HotSpot's java.base finds them.
     */
    static java.io.InputStream findAsStream(String name) {
        return Object.class.getResourceAsStream("/" + name);
    }

    static Enumeration<URL> find(String name) {
        URL url = Object.class.getResource("/" + name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
    }
}
