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
 * as the guest does (guest library first, then jrt:/, then the class path), parsed from their bytes.
 */
final class ClassVerifier {
    private final ClassFile verifier;
    /** Classes the guest defined from bytes (ClassRegistry.defineClass): on no path, but the verifier asks. */
    private final Map<String, byte[]> defined = new ConcurrentHashMap<>();

    ClassVerifier(ClassPath path) {
        ClassHierarchyResolver resolver = ClassHierarchyResolver.ofResourceParsing((ClassDesc cd) -> {
            String d = cd.descriptorString();
            String name = d.substring(1, d.length() - 1);
            byte[] b = path.find(name);
            if (b == null) {
                b = defined.get(name);
            }
            return b == null ? null : new ByteArrayInputStream(b);
        }).cached();
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
        try {
            errors = verifier.verify(model);
        } catch (IllegalArgumentException e) {
            throw new LinkageException("java/lang/VerifyError", name + ": " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new LinkageException("java/lang/VerifyError", errors.getFirst().getMessage());
        }
    }
}
