package dev.uffdgc.toyvm.classfile;

import java.io.ByteArrayInputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.constant.ClassDesc;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verification at load, as HotSpot verifies (the JDK's own verifier: {@link ClassFile#verify}), for the user's
 * classes; the JDK's and the guest library's are trusted, as HotSpot trusts the boot class path
 * (-Xverify:remote). The verifier asks for the class hierarchy of the types it compares; it sees the classes
 * as the guest does (guest library first, then jrt:/, then the class path), parsed from their bytes. A class it
 * asks for that is on none of them fails the verified class's linking with a NoClassDefFoundError naming the
 * missing class, as HotSpot's verifier does when it loads one (a library run without one of its dependencies).
 */
final class ClassVerifier {
    private final ClassFile verifier;
    /** The first class the running verify() asked for and did not find (ClassRegistry calls it under its lock). */
    private String missing;
    /** Classes the guest defined from bytes (ClassRegistry.defineClass): on no path, but the verifier asks. */
    private final Map<String, byte[]> defined = new ConcurrentHashMap<>();

    ClassVerifier(ClassPath path) {
        ClassHierarchyResolver parsed = ClassHierarchyResolver.ofResourceParsing((ClassDesc cd) -> {
            String name = internalName(cd);
            byte[] b = path.find(name);
            if (b == null) {
                b = defined.get(name);
            }
            return b == null ? null : new ByteArrayInputStream(b);
        }).cached();
        ClassHierarchyResolver resolver = cd -> {
            ClassHierarchyResolver.ClassHierarchyInfo info = parsed.getClassInfo(cd);
            if (info == null && missing == null) {
                // The verifier reports this as a VerifyError whose message names no class: remembered (also when
                // the cache answers), so that verify() raises what HotSpot raises instead.
                missing = internalName(cd);
            }
            return info;
        };
        verifier = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver));
    }

    /** Makes a class the guest defined from bytes known to the verifier's hierarchy lookups; before verify. */
    void defined(String name, byte[] bytes) {
        defined.put(name, bytes);
    }

    /** Throws a VerifyError LinkageException naming the class and the verifier's first complaint. */
    void verify(String name, ClassModel model) {
        if (model.majorVersion() < ClassFile.JAVA_6_VERSION) {
            // Before version 50 there are no stack maps: HotSpot checks these with its old type-inference
            // verifier, which java.lang.classfile does not have ("Inference verification is not supported").
            // Such classes (old libraries: commons-cli 1.0 is version 45) load unverified.
            return;
        }
        List<VerifyError> errors;
        missing = null;
        try {
            errors = verifier.verify(model);
        } catch (IllegalArgumentException e) {
            missingClass();
            throw new LinkageException("java/lang/VerifyError", name + ": " + e.getMessage(), e);
        }
        missingClass();
        if (!errors.isEmpty()) {
            throw new LinkageException("java/lang/VerifyError", errors.getFirst().getMessage());
        }
    }

    private void missingClass() {
        if (missing != null) {
            String name = missing;
            missing = null;
            throw new LinkageException("java/lang/NoClassDefFoundError", name);
        }
    }

    private static String internalName(ClassDesc cd) {
        String d = cd.descriptorString();
        return d.substring(1, d.length() - 1);
    }
}
