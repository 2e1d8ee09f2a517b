package dev.uffdgc.toyvm.classfile;

import java.io.ByteArrayOutputStream;
import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationElement;
import java.lang.classfile.AnnotationValue;
import java.lang.classfile.AttributedElement;
import java.lang.classfile.Attributes;
import java.lang.classfile.TypeAnnotation;
import java.lang.classfile.TypeAnnotation.TargetInfo;
import java.util.List;

/**
 * The payload bytes of a class file's annotation attributes (JVMS 4.7.16-4.7.22), as HotSpot hands them to the
 * JDK's sun.reflect.annotation parsers: Class.getRawAnnotations, the annotations/parameterAnnotations/
 * annotationDefault arrays of Field, Method and Constructor, getTypeAnnotationBytes0. Those parsers resolve the
 * constant-pool indices inside through jdk.internal.reflect.ConstantPool, so the indices must be the class file's.
 *
 * java.lang.classfile offers no public view of an attribute's bytes, but every pool entry of a parsed class keeps
 * its index, and the attribute's structure follows from the model: re-encoding gives the class file's own bytes
 * (RawAnnotationsTest finds each encoding, with its attribute's name index and length, in the class file it came
 * from). Type annotations are only those reflection reads (on classes, fields, methods, record components), so
 * their targets never name a bytecode offset.
 */
public final class RawAnnotations {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private RawAnnotations() { }

    /** RuntimeVisibleAnnotations of a class, field, method or record component; null if it has none. */
    public static byte[] annotations(AttributedElement e) {
        return e.findAttribute(Attributes.runtimeVisibleAnnotations()).map(a -> {
            RawAnnotations w = new RawAnnotations();
            w.annotations(a.annotations());
            return w.out.toByteArray();
        }).orElse(null);
    }

    /** RuntimeVisibleParameterAnnotations of a method; null if it has none. */
    public static byte[] parameterAnnotations(AttributedElement method) {
        return method.findAttribute(Attributes.runtimeVisibleParameterAnnotations()).map(a -> {
            RawAnnotations w = new RawAnnotations();
            w.u1(a.parameterAnnotations().size());
            a.parameterAnnotations().forEach(w::annotations);
            return w.out.toByteArray();
        }).orElse(null);
    }

    /** AnnotationDefault of an annotation interface's method; null if it has none. */
    public static byte[] annotationDefault(AttributedElement method) {
        return method.findAttribute(Attributes.annotationDefault()).map(a -> {
            RawAnnotations w = new RawAnnotations();
            w.value(a.defaultValue());
            return w.out.toByteArray();
        }).orElse(null);
    }

    /** RuntimeVisibleTypeAnnotations of a class, field, method or record component; null if it has none. */
    public static byte[] typeAnnotations(AttributedElement e) {
        return e.findAttribute(Attributes.runtimeVisibleTypeAnnotations()).map(a -> {
            RawAnnotations w = new RawAnnotations();
            w.u2(a.annotations().size());
            a.annotations().forEach(w::typeAnnotation);
            return w.out.toByteArray();
        }).orElse(null);
    }

    private void annotations(List<Annotation> as) {
        u2(as.size());
        as.forEach(this::annotation);
    }

    private void annotation(Annotation a) {
        u2(a.className().index());
        u2(a.elements().size());
        for (AnnotationElement e : a.elements()) {
            u2(e.name().index());
            value(e.value());
        }
    }

    private void value(AnnotationValue v) {
        u1(v.tag());
        switch (v) {
            case AnnotationValue.OfConstant c -> u2(c.constant().index());
            case AnnotationValue.OfEnum e -> {
                u2(e.className().index());
                u2(e.constantName().index());
            }
            case AnnotationValue.OfClass c -> u2(c.className().index());
            case AnnotationValue.OfAnnotation a -> annotation(a.annotation());
            case AnnotationValue.OfArray a -> {
                u2(a.values().size());
                a.values().forEach(this::value);
            }
        }
    }

    private void typeAnnotation(TypeAnnotation ta) {
        TargetInfo target = ta.targetInfo();
        u1(target.targetType().targetTypeValue());
        switch (target) {
            case TypeAnnotation.TypeParameterTarget t -> u1(t.typeParameterIndex());
            case TypeAnnotation.SupertypeTarget t -> u2(t.supertypeIndex());
            case TypeAnnotation.TypeParameterBoundTarget t -> {
                u1(t.typeParameterIndex());
                u1(t.boundIndex());
            }
            case TypeAnnotation.EmptyTarget t -> { }
            case TypeAnnotation.FormalParameterTarget t -> u1(t.formalParameterIndex());
            case TypeAnnotation.ThrowsTarget t -> u2(t.throwsTargetIndex());
            default -> throw new IllegalArgumentException("type annotation target " + target.targetType()
                    + " outside a Code attribute");
        }
        u1(ta.targetPath().size());
        for (TypeAnnotation.TypePathComponent p : ta.targetPath()) {
            u1(p.typePathKind().tag());
            u1(p.typeArgumentIndex());
        }
        annotation(ta.annotation());
    }

    private void u1(int v) {
        out.write(v);
    }

    private void u2(int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
