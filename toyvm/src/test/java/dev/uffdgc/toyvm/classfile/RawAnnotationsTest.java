package dev.uffdgc.toyvm.classfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.Attribute;
import java.lang.classfile.AttributedElement;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * RawAnnotations re-encodes annotation attributes from java.lang.classfile's model: each encoding, behind its
 * attribute's name index and length, must occur in the class file it came from (the JDK's annotation parsers
 * read those bytes with the class file's constant-pool indices). Over java.base's java/lang and java/util
 * (declaration and type annotations, defaults) and the corpus' Annotations program (every kind of member, parameter,
 * type and record-component annotations).
 */
class RawAnnotationsTest {
    private static final Path CORPUS = Path.of(System.getProperty("toyvm.corpusClasses", "target/corpus-classes"));

    @Test
    void everyEncodingIsTheClassFilesOwnBytes() throws IOException {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/")); // the built-in one: not to be closed
        try (Stream<Path> jdk = Stream.concat(Files.walk(jrt.getPath("/modules/java.base/java/lang")),
                        Files.walk(jrt.getPath("/modules/java.base/java/util")));
                Stream<Path> corpus = Files.list(CORPUS)) {
            for (Path p : (Iterable<Path>) Stream.concat(jdk, corpus.filter(f -> f.getFileName().toString().startsWith("Annotations")))
                    .filter(f -> f.toString().endsWith(".class"))::iterator) {
                byte[] bytes = Files.readAllBytes(p);
                ClassModel m = ClassFile.of().parse(bytes);
                List<AttributedElement> elements = new ArrayList<>(List.of(m));
                elements.addAll(m.fields());
                elements.addAll(m.methods());
                m.findAttribute(Attributes.record()).ifPresent(r -> elements.addAll(r.components()));
                for (AttributedElement e : elements) {
                    check(bytes, e, Attributes.runtimeVisibleAnnotations(), RawAnnotations::annotations, counts, mismatches, p);
                    check(bytes, e, Attributes.runtimeVisibleParameterAnnotations(), RawAnnotations::parameterAnnotations,
                            counts, mismatches, p);
                    check(bytes, e, Attributes.annotationDefault(), RawAnnotations::annotationDefault, counts, mismatches, p);
                    check(bytes, e, Attributes.runtimeVisibleTypeAnnotations(), RawAnnotations::typeAnnotations, counts, mismatches, p);
                }
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())), mismatches.size() + " encodings differ");
        System.out.println("RawAnnotationsTest " + counts);
        // Each kind was met often enough for the check to mean something (counts on JDK 25: thousands of the first).
        for (String kind : List.of("RuntimeVisibleAnnotations", "RuntimeVisibleParameterAnnotations", "AnnotationDefault",
                "RuntimeVisibleTypeAnnotations")) {
            assertTrue(counts.getOrDefault(kind, 0) >= 5, kind + " met only " + counts.get(kind) + " times: " + counts);
        }
    }

    private static <A extends Attribute<A>> void check(byte[] classFile, AttributedElement e, java.lang.classfile.AttributeMapper<A> kind,
            Function<AttributedElement, byte[]> encode, Map<String, Integer> counts, List<String> mismatches, Path where) {
        var attr = e.findAttribute(kind);
        if (attr.isEmpty()) {
            assertEquals(null, encode.apply(e));
            return;
        }
        byte[] payload = encode.apply(e);
        int name = attr.get().attributeName().index();
        byte[] expected = new byte[6 + payload.length];
        expected[0] = (byte) (name >>> 8);
        expected[1] = (byte) name;
        expected[2] = (byte) (payload.length >>> 24);
        expected[3] = (byte) (payload.length >>> 16);
        expected[4] = (byte) (payload.length >>> 8);
        expected[5] = (byte) payload.length;
        System.arraycopy(payload, 0, expected, 6, payload.length);
        if (indexOf(classFile, expected) < 0) {
            mismatches.add(where + " " + kind.name() + " " + HexFormat.of().formatHex(payload));
        }
        counts.merge(kind.name(), 1, Integer::sum);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
