package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.LinkageException;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmField;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.reflect.AccessFlag;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * VarHandles, done by the VM the way HotSpot intrinsifies them. A guest VarHandle is an instance of the JDK's own
 * class for its kind ({@code VarHandleInts$FieldInstanceReadWrite}, {@code VarHandleReferences$Array},
 * {@code VarHandleByteArrayAsInts$ArrayHandle}...) with the JDK's fields filled in ({@code receiverType},
 * {@code fieldOffset} — toyvm's layout offset, or for a static field its slot in the static tables —
 * {@code declaringClass}, {@code fieldType}, {@code componentType}, {@code be}), allocated by the VM without running
 * a constructor: the JDK's constructors need a {@code VarForm}, i.e. MethodType interning, LambdaForms and
 * MethodHandleNatives, none of which toyvm has. Each call site of a signature-polymorphic VarHandle method
 * ({@code compareAndSet}, {@code getAndAdd}...) links to a synthetic final native method with the site's
 * descriptor, whose intrinsic ({@link VarHandleSite}) reads the handle's kind from its class and runs the access
 * mode on the heap through HeapAccess and heap/Barrier. So both tiers run them as an ordinary direct call of an
 * intrinsic (the compiler needs nothing new), and the JDK's java.util.concurrent runs unmodified.
 *
 * <p>Why not the JDK's own VarHandle classes over toyvm's Unsafe: their static access methods would run, but only
 * after their VarForms were built and linked (MethodType, the invokers, {@code MethodHandleNatives}); and a static
 * field's Unsafe base/offset does not exist in toyvm (statics live outside the heap).
 *
 * <p>Not supported (named when met): handles on off-heap memory segments and ByteBuffers, atomic (CAS/getAndAdd)
 * access modes on byte-array views, read-only handles for final fields (a set succeeds instead of throwing),
 * {@code toMethodHandle}/{@code accessModeType} and the other methods of the VarHandle object itself (their
 * VarForm is null).
 */
public final class VarHandles {
    static final String VH = "java/lang/invoke/VarHandle";

    enum Kind { INSTANCE, STATIC, ARRAY, VIEW }

    /** What a handle class is: its kind, the variable's type (a descriptor char) and where its fields are. */
    record Shape(Kind kind, char type, int size, long offsetField, long classField, long typeField, long beField) {
    }

    private final Vm vm;
    private final Map<VmClass, Shape> shapes = new ConcurrentHashMap<>();
    private final Map<String, VmMethod> sites = new ConcurrentHashMap<>();

    VarHandles(Vm vm) {
        this.vm = vm;
    }

    void register(Intrinsics r) {
        String lookup = "java/lang/invoke/MethodHandles$Lookup";
        String find = "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/invoke/VarHandle;";
        r.add(lookup, "findVarHandle" + find, (t, b) -> t.refs[b] = field(t, t.refs[b + 1], t.refs[b + 2], t.refs[b + 3], false));
        r.add(lookup, "findStaticVarHandle" + find, (t, b) -> t.refs[b] = field(t, t.refs[b + 1], t.refs[b + 2], t.refs[b + 3], true));
        r.add("java/lang/invoke/MethodHandles", "arrayElementVarHandle(Ljava/lang/Class;)Ljava/lang/invoke/VarHandle;",
                (t, b) -> t.refs[b] = array(t, t.refs[b]));
        r.add("java/lang/invoke/MethodHandles",
                "byteArrayViewVarHandle(Ljava/lang/Class;Ljava/nio/ByteOrder;)Ljava/lang/invoke/VarHandle;",
                (t, b) -> t.refs[b] = view(t, t.refs[b], t.refs[b + 1]));
    }

    /**
     * The method an invokevirtual of VarHandle.{@code name} with the call site's {@code descriptor} links to, when
     * {@code name} is signature-polymorphic (JVMS 2.9.3: native, varargs, declared in VarHandle); else null.
     */
    public VmMethod polymorphicSite(VmClass owner, String name, String descriptor) {
        if (!owner.name.equals(VH)) {
            return null;
        }
        VmMethod declared = null;
        for (VmMethod m : owner.methods.values()) {
            if (m.name.equals(name) && m.isNative() && (m.accessFlags & AccessFlag.VARARGS.mask()) != 0) {
                declared = m;
            }
        }
        if (declared == null) {
            return null;
        }
        VarHandleSite.Mode mode = VarHandleSite.Mode.of(name);
        if (mode == null) {
            throw new LinkageException("java/lang/UnsupportedOperationException", "toyvm: VarHandle." + name + " not supported");
        }
        return sites.computeIfAbsent(name + descriptor, k -> {
            VmMethod m = new VmMethod(owner, name, descriptor,
                    AccessFlag.PUBLIC.mask() | AccessFlag.FINAL.mask() | AccessFlag.NATIVE.mask(), null);
            m.intrinsic = new VarHandleSite(vm, this, mode, descriptor);
            return m;
        });
    }

    /** A method {@link #polymorphicSite} made: invoked directly (it is final and has no vtable slot). */
    public boolean isSite(VmMethod m) {
        return m.model == null && m.owner.name.equals(VH) && sites.get(m.key()) == m;
    }

    /** The shape of handle object {@code h}, or an UnsupportedOperationException naming its class. */
    Shape shape(VmThread t, int h) {
        VmClass c = vm.classOf(h);
        Shape s = shapes.get(c);
        if (s == null) {
            throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException", "toyvm: VarHandle " + c.binaryName()
                    + " not supported");
        }
        return s;
    }

    private static String family(char type) {
        return switch (type) {
            case 'I' -> "Ints";
            case 'J' -> "Longs";
            case 'Z' -> "Booleans";
            case 'B' -> "Bytes";
            case 'S' -> "Shorts";
            case 'C' -> "Chars";
            case 'F' -> "Floats";
            case 'D' -> "Doubles";
            default -> "References";
        };
    }

    private static char typeOf(VmClass c) {
        return switch (c.name) {
            case "int" -> 'I';
            case "long" -> 'J';
            case "boolean" -> 'Z';
            case "byte" -> 'B';
            case "short" -> 'S';
            case "char" -> 'C';
            case "float" -> 'F';
            case "double" -> 'D';
            case "void" -> 'V';
            default -> 'L';
        };
    }

    static String descriptorOf(VmClass c) {
        char p = typeOf(c);
        return p != 'L' ? String.valueOf(p) : c.isArray() ? c.name : "L" + c.name + ";";
    }

    private Shape shapeOf(VmClass handleClass, Kind kind, char type) {
        return shapes.computeIfAbsent(handleClass, hc -> {
            int size = type == 'L' ? 4 : dev.uffdgc.toyvm.classfile.Descriptors.sizeOf(type);
            return switch (kind) {
                case INSTANCE -> new Shape(kind, type, size, off(hc, "fieldOffset"), off(hc, "receiverType"),
                        type == 'L' ? off(hc, "fieldType") : -1, -1);
                case STATIC -> new Shape(kind, type, size, off(hc, "fieldOffset"), off(hc, "declaringClass"),
                        type == 'L' ? off(hc, "fieldType") : -1, -1);
                case ARRAY -> new Shape(kind, type, size, -1, -1, type == 'L' ? off(hc, "componentType") : -1, -1);
                case VIEW -> new Shape(kind, type, size, -1, -1, -1, off(hc, "be"));
            };
        });
    }

    private static long off(VmClass c, String field) {
        VmField f = c.findField(field);
        if (f == null) {
            throw new IllegalStateException("toyvm: " + c.binaryName() + " has no field " + field + " (JDK changed?)");
        }
        return f.offset;
    }

    /** Lookup.findVarHandle / findStaticVarHandle. Access checks are not made (toyvm has no modules). */
    private int field(VmThread t, int recvMirror, int nameRef, int typeMirror, boolean isStatic) {
        if (recvMirror == 0 || nameRef == 0 || typeMirror == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
        }
        VmClass recv = vm.mirrors.classOfMirror(recvMirror);
        VmClass type = vm.mirrors.classOfMirror(typeMirror);
        String name = vm.strings.toHost(nameRef);
        VmField f = recv.findField(name);
        if (f == null || !f.descriptor.equals(descriptorOf(type))) {
            throw vm.throwing.raise(t, "java/lang/NoSuchFieldException", "no such field: " + recv.binaryName() + "." + name
                    + "/" + type.binaryName() + "/" + (isStatic ? "getStatic" : "getField"));
        }
        if (f.isStatic != isStatic) {
            throw vm.throwing.raise(t, "java/lang/IllegalAccessException", "expected " + (isStatic ? "a static" : "a non-static")
                    + " field: " + recv.binaryName() + "." + name);
        }
        char vt = f.isReference() ? 'L' : f.type();
        Kind kind = isStatic ? Kind.STATIC : Kind.INSTANCE;
        VmClass hc = vm.classes.load(VH + family(vt) + (isStatic ? "$FieldStaticReadWrite" : "$FieldInstanceReadWrite"));
        Shape s = shapeOf(hc, kind, vt);
        int holderMirror = vm.mirrors.mirrorHandle(t, isStatic ? f.owner : recv); // global handles: stable across GC
        int typeHandle = vm.mirrors.mirrorHandle(t, type);
        int h = vm.alloc.instance(t, hc);
        vm.mem.putLong(ObjectLayout.offset(h) + s.offsetField(), f.offset);
        vm.mem.putInt(ObjectLayout.offset(h) + s.classField(), vm.globals.get(holderMirror));
        if (s.typeField() >= 0) {
            vm.mem.putInt(ObjectLayout.offset(h) + s.typeField(), vm.globals.get(typeHandle));
        }
        return h;
    }

    /** MethodHandles.arrayElementVarHandle. */
    private int array(VmThread t, int arrayMirror) {
        if (arrayMirror == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
        }
        VmClass ac = vm.mirrors.classOfMirror(arrayMirror);
        if (!ac.isArray()) {
            throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "not an array class: " + ac.binaryName());
        }
        char vt = ac.isReferenceArray() ? 'L' : ac.elemType;
        VmClass hc = vm.classes.load(VH + family(vt) + "$Array");
        Shape s = shapeOf(hc, Kind.ARRAY, vt);
        int component = s.typeField() >= 0 ? vm.mirrors.mirrorHandle(t, ac.component) : -1;
        int h = vm.alloc.instance(t, hc);
        if (s.typeField() >= 0) {
            vm.mem.putInt(ObjectLayout.offset(h) + s.typeField(), vm.globals.get(component));
        }
        return h;
    }

    /** MethodHandles.byteArrayViewVarHandle: int[].class etc. viewed over a byte[] at any byte index. */
    private int view(VmThread t, int viewMirror, int order) {
        if (viewMirror == 0 || order == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
        }
        VmClass vc = vm.mirrors.classOfMirror(viewMirror);
        char vt = vc.isArray() && !vc.isReferenceArray() ? vc.elemType : 'L';
        if (vt == 'L' || vt == 'Z' || vt == 'B') {
            throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException", "Unsupported component type: "
                    + (vc.isArray() ? vc.component.binaryName() : vc.binaryName()));
        }
        VmClass hc = vm.classes.load("java/lang/invoke/VarHandleByteArrayAs" + family(vt) + "$ArrayHandle");
        Shape s = shapeOf(hc, Kind.VIEW, vt);
        VmClass byteOrder = vm.classes.load("java/nio/ByteOrder");
        String name = vm.strings.toHost(vm.mem.getInt(ObjectLayout.offset(order) + off(byteOrder, "name")));
        int h = vm.alloc.instance(t, hc);
        vm.mem.putByte(ObjectLayout.offset(h) + s.beField(), (byte) (name.equals("BIG_ENDIAN") ? 1 : 0));
        return h;
    }
}
