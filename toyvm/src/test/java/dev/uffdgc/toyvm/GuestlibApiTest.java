package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.reflect.AccessFlag;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class the guest library replaces offers every public and protected member of the JDK 25 class it
 * replaces (read from jrt:/ with java.lang.classfile), declared or inherited (from its guestlib or JDK
 * superclasses, or a default method of an interface). A missing member is a NoSuchMethodError/NoSuchFieldError
 * waiting in some library that calls it. The known gaps are listed in guestlib-api-gaps.txt, which may only
 * shrink: a new gap fails, and so does a listed one that is closed (delete its line).
 */
class GuestlibApiTest {
    private static final String GAPS = "guestlib-api-gaps.txt";

    @Test
    void everyReplacedClassHasTheJdkClassesPublicApi() throws IOException {
        Path root = guestlibRoot();
        Set<String> gaps = new TreeSet<>();
        int classes = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class")).sorted()::iterator) {
                String name = root.relativize(f).toString().replace('\\', '/').replace(".class", "");
                ClassModel jdk = jdkClass(name);
                if (jdk == null || !(jdk.flags().has(AccessFlag.PUBLIC) || jdk.flags().has(AccessFlag.PROTECTED))) {
                    continue; // toyvm's own helper class, or one only the JDK itself can name
                }
                classes++;
                gaps.addAll(missing(jdk, name));
            }
        }
        assertTrue(classes >= 20, "only " + classes + " replaced classes found under " + root);
        Set<String> known = new TreeSet<>();
        try (InputStream in = GuestlibApiTest.class.getResourceAsStream("/" + GAPS)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    known.add(line.strip());
                }
            }
        }
        List<String> added = gaps.stream().filter(g -> !known.contains(g)).toList();
        List<String> closed = known.stream().filter(k -> !gaps.contains(k)).toList();
        if (!added.isEmpty() || !closed.isEmpty()) {
            fail("guestlib API vs JDK 25 (" + gaps.size() + " gaps, " + known.size() + " listed in " + GAPS + "):\n"
                    + (added.isEmpty() ? "" : "new gaps (add the member to guestlib):\n  " + String.join("\n  ", added) + "\n")
                    + (closed.isEmpty() ? "" : "closed gaps (delete these lines from " + GAPS + "):\n  "
                            + String.join("\n  ", closed)));
        }
    }

    /** "owner member" for each public/protected JDK member that the guestlib class neither declares nor inherits. */
    private static List<String> missing(ClassModel jdk, String name) {
        List<String> out = new ArrayList<>();
        for (MethodModel m : jdk.methods()) {
            if (visible(m.flags().flags()) && !m.flags().has(AccessFlag.SYNTHETIC)
                    && !m.methodName().equalsString("<clinit>")
                    && !hasMethod(name, m.methodName().stringValue(), m.methodType().stringValue(), false)) {
                out.add(name + " " + m.methodName().stringValue() + m.methodType().stringValue());
            }
        }
        for (FieldModel f : jdk.fields()) {
            if (visible(f.flags().flags()) && !f.flags().has(AccessFlag.SYNTHETIC)
                    && !hasField(name, f.fieldName().stringValue(), f.fieldType().stringValue())) {
                out.add(name + " " + f.fieldName().stringValue() + ":" + f.fieldType().stringValue());
            }
        }
        return out;
    }

    private static boolean visible(Set<AccessFlag> flags) {
        return flags.contains(AccessFlag.PUBLIC) || flags.contains(AccessFlag.PROTECTED);
    }

    /** Declared in the class as the guest sees it (guestlib first, then jrt), a superclass, or a default method. */
    private static boolean hasMethod(String cls, String mname, String desc, boolean viaInterface) {
        ClassModel c = guestClass(cls);
        if (c == null) {
            return false;
        }
        for (MethodModel m : c.methods()) {
            if (m.methodName().equalsString(mname) && m.methodType().equalsString(desc)
                    && (!viaInterface || !m.flags().has(AccessFlag.ABSTRACT))) {
                return true;
            }
        }
        if (mname.equals("<init>")) {
            return false;
        }
        if (c.superclass().isPresent() && hasMethod(c.superclass().get().asInternalName(), mname, desc, viaInterface)) {
            return true;
        }
        return c.interfaces().stream().anyMatch(i -> hasMethod(i.asInternalName(), mname, desc, true));
    }

    private static boolean hasField(String cls, String fname, String desc) {
        ClassModel c = guestClass(cls);
        if (c == null) {
            return false;
        }
        if (c.fields().stream().anyMatch(f -> f.fieldName().equalsString(fname) && f.fieldType().equalsString(desc))) {
            return true;
        }
        return (c.superclass().isPresent() && hasField(c.superclass().get().asInternalName(), fname, desc))
                || c.interfaces().stream().anyMatch(i -> hasField(i.asInternalName(), fname, desc));
    }

    private static ClassModel guestClass(String name) {
        ClassModel g = parse(GuestlibApiTest.class.getResourceAsStream("/guestlib/" + name + ".class"));
        return g != null ? g : jdkClass(name);
    }

    private static ClassModel jdkClass(String name) {
        return parse(ClassLoader.getSystemResourceAsStream(name + ".class"));
    }

    private static ClassModel parse(InputStream in) {
        if (in == null) {
            return null;
        }
        try (in) {
            return ClassFile.of().parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path guestlibRoot() {
        try {
            return Path.of(GuestlibApiTest.class.getResource("/guestlib/java/lang/Object.class").toURI())
                    .getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
