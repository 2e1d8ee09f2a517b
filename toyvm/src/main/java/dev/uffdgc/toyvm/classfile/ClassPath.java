package dev.uffdgc.toyvm.classfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Where class bytes come from, in order:
 * <ol>
 * <li>the guest library (our own java.lang etc., compiled into the toyvm jar under {@code guestlib/});</li>
 * <li>for the JDK's packages (java/, javax/, jdk/, sun/), the running JDK's own class files from jrt:/ —
 *     pure-Java classes such as java.util.function or most exception classes just work; one that needs an
 *     unimplemented native fails when that native is called, naming it;</li>
 * <li>the user class path (directories and jars), never for the JDK's packages.</li>
 * </ol>
 */
public final class ClassPath {
    private static final String GUESTLIB = "/guestlib/";

    private final List<Path> dirs = new ArrayList<>();
    private final List<ZipFile> jars = new ArrayList<>();
    private FileSystem jrt;

    public ClassPath(String path) {
        for (String part : path.split(java.io.File.pathSeparator)) {
            if (part.isEmpty()) {
                continue;
            }
            Path p = Path.of(part);
            if (Files.isDirectory(p)) {
                dirs.add(p);
            } else if (Files.isRegularFile(p)) {
                try {
                    jars.add(new ZipFile(p.toFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open class path jar " + p + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Whether a class or resource name is in one of the running JDK's packages: java/, javax/, jdk/, sun/, or any
     * other package of the JDK's modules (java.xml's org/w3c/dom, org/xml/sax and its implementation under
     * com/sun/org/apache/, java.base's com/sun/crypto/provider...). Only the four prefixes were taken, so a program
     * using javax.xml failed to load with NoClassDefFoundError: org/w3c/dom/Node.
     */
    public static boolean isJdkPackage(String internalName) {
        if (internalName.startsWith("java/") || internalName.startsWith("javax/")
                || internalName.startsWith("jdk/") || internalName.startsWith("sun/")) {
            return true;
        }
        int slash = internalName.lastIndexOf('/');
        return slash > 0 && OtherJdkPackages.SET.contains(internalName.substring(0, slash));
    }

    /** The JDK's packages outside those four prefixes, internal form, from the system modules' descriptors (~1 ms). */
    private static final class OtherJdkPackages {
        static final java.util.Set<String> SET = java.lang.module.ModuleFinder.ofSystem().findAll().stream()
                .flatMap(m -> m.descriptor().packages().stream()).map(p -> p.replace('.', '/'))
                .filter(p -> !(p.startsWith("java/") || p.startsWith("javax/") || p.startsWith("jdk/") || p.startsWith("sun/")))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Class file bytes for an internal name, or null when nobody has it. */
    public byte[] find(String internalName) {
        try {
            byte[] b = fromGuestlib(internalName);
            if (b != null) {
                return b;
            }
            if (isJdkPackage(internalName)) {
                return fromJrt(internalName);
            }
            for (Path d : dirs) {
                Path f = d.resolve(internalName + ".class");
                if (Files.isRegularFile(f)) {
                    return Files.readAllBytes(f);
                }
            }
            for (ZipFile z : jars) {
                var e = z.getEntry(internalName + ".class");
                if (e != null) {
                    try (InputStream in = z.getInputStream(e)) {
                        return in.readAllBytes();
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading class " + internalName + ": " + e.getMessage(), e);
        }
    }

    /**
     * A resource (Class.getResourceAsStream), by its absolute name without the leading '/': from the user class
     * path, or for a name in a JDK package (the JDK's own data files: ICU tables, ...) from jrt:/; null when
     * nobody has it.
     */
    public byte[] findResource(String name) {
        if (isJdkPackage(name)) {
            try {
                return fromJrtModules(name);
            } catch (IOException e) {
                throw new UncheckedIOException("reading resource " + name + ": " + e.getMessage(), e);
            }
        }
        try {
            for (Path d : dirs) {
                Path root = d.toAbsolutePath().normalize();
                Path f = root.resolve(name).normalize();
                if (f.startsWith(root) && Files.isRegularFile(f)) {
                    return Files.readAllBytes(f);
                }
            }
            for (ZipFile z : jars) {
                var e = z.getEntry(name);
                if (e != null && !e.isDirectory()) {
                    try (InputStream in = z.getInputStream(e)) {
                        return in.readAllBytes();
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The URL by which HotSpot's loaders name the resource {@link #findResource} finds (jrt:/java.base/...,
     * file:/dir/name, jar:file:/x.jar!/name), or null.
     */
    public String resourceUrl(String name) {
        if (isJdkPackage(name)) {
            var url = ClassLoader.getSystemResource(name);
            return url != null ? url.toString() : jrtModuleUrl(name);
        }
        for (Path d : dirs) {
            Path root = d.toAbsolutePath().normalize();
            Path f = root.resolve(name).normalize();
            if (f.startsWith(root) && Files.isRegularFile(f)) {
                return f.toFile().toURI().toString();
            }
        }
        for (ZipFile z : jars) {
            var e = z.getEntry(name);
            if (e != null && !e.isDirectory()) {
                return "jar:" + new java.io.File(z.getName()).getAbsoluteFile().toURI() + "!/" + name;
            }
        }
        return null;
    }

    /** The class-path entry (file:/dir/ or file:/x.jar) a user class comes from; null for the JDK's and ours. */
    public String codeSource(String internalName) {
        if (isJdkPackage(internalName) || isGuestlib(internalName)) {
            return null;
        }
        String file = internalName + ".class";
        for (Path d : dirs) {
            if (Files.isRegularFile(d.resolve(file))) {
                return d.toAbsolutePath().normalize().toFile().toURI().toString();
            }
        }
        for (ZipFile z : jars) {
            if (z.getEntry(file) != null) {
                return new java.io.File(z.getName()).getAbsoluteFile().toURI().toString();
            }
        }
        return null;
    }

    /** True when the class comes from our guest library (not from the JDK or the user). */
    public boolean isGuestlib(String internalName) {
        return ClassPath.class.getResource(GUESTLIB + internalName + ".class") != null;
    }

    private byte[] fromGuestlib(String internalName) throws IOException {
        try (InputStream in = ClassPath.class.getResourceAsStream(GUESTLIB + internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private synchronized byte[] fromJrt(String internalName) throws IOException {
        // The boot loader serves the JDK's .class files as resources (never encapsulated): much cheaper
        // than opening the jrt:/ file system, which stays the fallback.
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            if (in != null) {
                return in.readAllBytes();
            }
        }
        return fromJrtModules(internalName + ".class");
    }

    /**
     * The jrt:/ URL of a resource the host's loaders do not hand out (one in a package its module does not open, as
     * java.xml's serializer entities: HotSpot's loaders find it for the module's own classes, which toyvm runs in its
     * one unnamed module), or null.
     */
    private synchronized String jrtModuleUrl(String file) {
        if (jrt == null) {
            jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        }
        try (var modules = Files.list(jrt.getPath("/modules"))) {
            for (Path m : (Iterable<Path>) modules::iterator) {
                if (Files.exists(m.resolve(file))) {
                    return "jrt:/" + m.getFileName() + "/" + file;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("looking for resource " + file + ": " + e.getMessage(), e);
        }
        return null;
    }

    /** A file of the running JDK's modules (java.base first), or null. */
    private synchronized byte[] fromJrtModules(String file) throws IOException {
        if (jrt == null) {
            jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        }
        Path base = jrt.getPath("/modules/java.base", file);
        if (Files.exists(base)) {
            return Files.readAllBytes(base);
        }
        try (var modules = Files.list(jrt.getPath("/modules"))) {
            for (Path m : (Iterable<Path>) modules::iterator) {
                Path f = m.resolve(file);
                if (Files.exists(f)) {
                    return Files.readAllBytes(f);
                }
            }
        }
        return null;
    }

}
