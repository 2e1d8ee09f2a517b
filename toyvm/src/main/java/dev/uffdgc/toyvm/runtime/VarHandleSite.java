package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.interp.Adapt;
import dev.uffdgc.toyvm.interp.Intrinsic;
import dev.uffdgc.toyvm.runtime.VarHandles.Kind;
import dev.uffdgc.toyvm.runtime.VarHandles.Shape;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * One call site of a signature-polymorphic VarHandle method (its access mode and the site's descriptor): the
 * arguments are the handle at {@code base}, then its coordinates (a holder object; none for a static field; an
 * array and an index), then the mode's values. Values are converted to the variable's type as the JDK's
 * {@code invoke} (not {@code invokeExact}) behaviour does — widening, unboxing — and the result back to the site's
 * return type (widening, boxing, or dropped for {@code void}); any other mismatch is a WrongMethodTypeException.
 *
 * <p>Memory order: {@code get}/{@code set} are plain accesses; every other mode (volatile, acquire, release,
 * opaque, the atomics) is sequentially consistent, which is at least as strong as each asks. Weak CAS never fails
 * spuriously. Every read-modify-write is a CAS loop over {@link #cae}, so a reference variable is only ever
 * written by {@code Barrier.putRef}/{@code putRefVolatile}/{@code compareAndExchangeRef}: each reports the value
 * it overwrites to a concurrent collector's SATB barrier. Static fields live in the VM's static tables (roots,
 * not heap), stored like putstatic stores them.
 */
final class VarHandleSite implements Intrinsic {
    enum Op { GET, SET, CAS, CAE, GET_AND_SET, ADD, OR, AND, XOR }

    /** An access mode: its operation, how many values it takes, and whether it is a plain (unordered) access. */
    record Mode(String name, Op op, int values, boolean plain) {
        static Mode of(String name) {
            String base = name.replaceFirst("(Volatile|Acquire|Release|Opaque|Plain)$", "");
            boolean plain = name.equals("get") || name.equals("set");
            Op op = switch (base) {
                case "get" -> Op.GET;
                case "set" -> Op.SET;
                case "compareAndSet", "weakCompareAndSet" -> Op.CAS;
                case "compareAndExchange" -> Op.CAE;
                case "getAndSet" -> Op.GET_AND_SET;
                case "getAndAdd" -> Op.ADD;
                case "getAndBitwiseOr" -> Op.OR;
                case "getAndBitwiseAnd" -> Op.AND;
                case "getAndBitwiseXor" -> Op.XOR;
                default -> null;
            };
            if (op == null) {
                return null;
            }
            int values = op == Op.GET ? 0 : op == Op.CAS || op == Op.CAE ? 2 : 1;
            return new Mode(name, op, values, plain);
        }
    }

    private final Vm vm;
    private final VarHandles handles;
    private final Mode mode;
    private final String descriptor;
    /** The site's parameter types ('L' for any reference), their slot offsets from base, and its return type. */
    private final char[] params;
    private final int[] slots;
    private final char ret;
    /** The site's return class when it is a reference other than Object (checked), else null. */
    private final String retClass;
    private volatile VmClass retClassResolved;

    VarHandleSite(Vm vm, VarHandles handles, Mode mode, String descriptor) {
        this.vm = vm;
        this.handles = handles;
        this.mode = mode;
        this.descriptor = descriptor;
        MethodTypeDesc type = MethodTypeDesc.ofDescriptor(descriptor);
        params = new char[type.parameterCount()];
        slots = new int[params.length];
        int slot = 1;
        for (int i = 0; i < params.length; i++) {
            char c = type.parameterType(i).descriptorString().charAt(0);
            params[i] = c == '[' ? 'L' : c;
            slots[i] = slot;
            slot += c == 'J' || c == 'D' ? 2 : 1;
        }
        ClassDesc r = type.returnType();
        char rc = r.descriptorString().charAt(0);
        ret = rc == '[' ? 'L' : rc;
        String rn = rc == '[' ? r.descriptorString() : rc == 'L' ? r.descriptorString().substring(1, r.descriptorString().length() - 1) : null;
        retClass = rn == null || rn.equals("java/lang/Object") ? null : rn;
    }

    @Override
    public void invoke(VmThread t, int b) {
        int h = t.refs[b];
        Shape s = handles.shape(t, h);
        int coords = switch (s.kind()) {
            case INSTANCE -> 1;
            case STATIC -> 0;
            case ARRAY, VIEW -> 2;
        };
        if (params.length != coords + mode.values() || (mode.op() == Op.CAS && ret != 'Z')) {
            throw wrongType(t, s);
        }
        char vt = s.type();
        if (s.kind() == Kind.VIEW && !(mode.op() == Op.GET || mode.op() == Op.SET)) {
            throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException",
                    "toyvm: VarHandle." + mode.name() + " on a byte-array view");
        }
        if ((mode.op() == Op.ADD && (vt == 'L' || vt == 'Z'))
                || ((mode.op() == Op.OR || mode.op() == Op.AND || mode.op() == Op.XOR) && (vt == 'L' || vt == 'F' || vt == 'D'))) {
            throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException", null);
        }
        if (vt == 'L') {
            // A primitive value for a reference variable is boxed (Integer.valueOf...) into its own argument's
            // ref slot, before any address is computed: boxing allocates, so the collector may move everything.
            for (int i = coords; i < params.length; i++) {
                if (params[i] != 'L') {
                    t.refs[b + slots[i]] = Adapt.box(vm, t, t.prims[b + slots[i]], params[i]);
                }
            }
            h = t.refs[b];
        }
        long at = location(t, b, h, s);
        long v1 = mode.values() > 0 ? value(t, b, coords, h, s, at) : 0;
        long v2 = mode.values() > 1 ? value(t, b, coords + 1, h, s, at) : 0;
        boolean big = s.kind() == Kind.VIEW && vm.mem.getByte(ObjectLayout.offset(h) + s.beField()) != 0;
        long result;
        switch (mode.op()) {
            case GET -> result = s.kind() == Kind.VIEW ? viewGet(vt, at, big) : load(s, at, mode.plain());
            case SET -> {
                if (s.kind() == Kind.VIEW) {
                    viewSet(vt, at, v1, big);
                } else {
                    store(s, at, v1, mode.plain());
                }
                return;
            }
            case CAS -> {
                t.prims[b] = cae(s, at, v1, v2) == v1 ? 1 : 0;
                return;
            }
            case CAE -> result = cae(s, at, v1, v2);
            default -> result = readModifyWrite(s, at, v1);
        }
        result(t, b, vt, result);
    }

    /**
     * The variable's address: a heap offset, or (static field) the slot in the static tables. Checks the
     * coordinates (null, receiver type, array type, index) as the JDK's handles do.
     */
    private long location(VmThread t, int b, int h, Shape s) {
        switch (s.kind()) {
            case STATIC -> {
                VmClass owner = vm.mirrors.classOfMirror(vm.mem.getInt(ObjectLayout.offset(h) + s.classField()));
                if (owner.initState != VmClass.InitState.INITIALIZED) {
                    vm.init.initialize(t, owner); // the JDK's handle initialises the class at its first access too
                }
                return vm.mem.getLong(ObjectLayout.offset(h) + s.offsetField());
            }
            case INSTANCE -> {
                if (params[0] != 'L') {
                    throw wrongType(t, s);
                }
                int o = t.refs[b + slots[0]];
                if (o == 0) {
                    throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
                }
                VmClass recv = vm.mirrors.classOfMirror(vm.mem.getInt(ObjectLayout.offset(h) + s.classField()));
                VmClass oc = vm.classOf(o);
                if (!oc.isAssignableTo(recv)) {
                    throw castFailure(t, oc, recv);
                }
                return ObjectLayout.offset(o) + vm.mem.getLong(ObjectLayout.offset(h) + s.offsetField());
            }
            default -> {
                if (params[0] != 'L' || !(params[1] == 'I' || params[1] == 'S' || params[1] == 'C' || params[1] == 'B')) {
                    throw wrongType(t, s);
                }
                int a = t.refs[b + slots[0]];
                if (a == 0) {
                    throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
                }
                VmClass ac = vm.classOf(a);
                boolean fits = s.kind() == Kind.VIEW ? ac.isArray() && ac.elemType == 'B'
                        : s.type() == 'L' ? ac.isReferenceArray() : ac.isArray() && ac.elemType == s.type();
                if (!fits) {
                    throw castFailure(t, ac, vm.classes.load(s.kind() == Kind.VIEW ? "[B" : "[" + s.type()));
                }
                int index = (int) t.prims[b + slots[1]];
                int length = vm.mem.getInt(ObjectLayout.offset(a) + ARRAY_LENGTH_OFFSET);
                int limit = s.kind() == Kind.VIEW ? length - s.size() + 1 : length;
                if (index < 0 || index >= limit) {
                    throw vm.throwing.raise(t, "java/lang/ArrayIndexOutOfBoundsException",
                            "Index " + index + " out of bounds for length " + limit);
                }
                return ObjectLayout.offset(a) + ARRAY_BASE_OFFSET + (s.kind() == Kind.VIEW ? index : (long) index * s.size());
            }
        }
    }

    /** Argument {@code i} as the variable's canonical bits (a reference: the heap offset), type-checked. */
    private long value(VmThread t, int b, int i, int h, Shape s, long at) {
        char vt = s.type();
        char p = params[i];
        int slot = b + slots[i];
        if (vt == 'L') {
            int ref = t.refs[slot]; // a primitive argument was boxed into this slot
            if (ref != 0) {
                VmClass rc = vm.classOf(ref);
                VmClass target = s.kind() == Kind.ARRAY ? componentOf(t, b)
                        : vm.mirrors.classOfMirror(vm.mem.getInt(ObjectLayout.offset(h) + s.typeField()));
                if (!rc.isAssignableTo(target)) {
                    throw s.kind() == Kind.ARRAY
                            ? vm.throwing.raise(t, "java/lang/ArrayStoreException", rc.binaryName())
                            : castFailure(t, rc, target);
                }
            }
            return ref;
        }
        long bits;
        char from = p;
        if (p == 'L') {
            int box = t.refs[slot];
            if (box == 0) {
                throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
            }
            VmClass bc = vm.classOf(box);
            from = Adapt.primOfBox(bc.name);
            if (from == 0) {
                throw castFailure(t, bc, vm.classes.primitive(CoreNatives.primitiveName(vt)));
            }
            long valueAt = ObjectLayout.offset(box) + bc.findField("value").offset;
            bits = switch (from) {
                case 'J', 'D' -> vm.mem.getLong(valueAt);
                case 'I', 'F' -> vm.mem.getInt(valueAt);
                case 'S' -> vm.mem.getShort(valueAt);
                case 'C' -> vm.mem.getChar(valueAt);
                default -> vm.mem.getByte(valueAt);
            };
        } else {
            bits = t.prims[slot];
        }
        if (!Adapt.widens(from, vt)) {
            throw wrongType(t, s);
        }
        return norm(vt, Adapt.widen(bits, from, vt));
    }

    /** The component class of the array argument (for a reference array's store check). */
    private VmClass componentOf(VmThread t, int b) {
        return vm.classOf(t.refs[b + slots[0]]).component;
    }

    private void result(VmThread t, int b, char vt, long v) {
        if (ret == 'V') {
            return;
        }
        if (vt == 'L') {
            if (ret != 'L') {
                throw wrongType(t, null);
            }
            if (v != 0 && retClass != null) {
                VmClass rc = retClassResolved;
                if (rc == null) {
                    rc = retClassResolved = vm.classes.load(retClass);
                }
                VmClass oc = vm.classOf((int) v);
                if (!oc.isAssignableTo(rc)) {
                    throw castFailure(t, oc, rc);
                }
            }
            t.refs[b] = (int) v;
        } else if (ret == 'L') {
            t.refs[b] = Adapt.box(vm, t, v, vt); // Object or the box's own class: javac checkcasts a narrower one
        } else if (Adapt.widens(vt, ret)) {
            t.prims[b] = Adapt.widen(v, vt, ret);
        } else {
            throw wrongType(t, null);
        }
    }


    private static long norm(char type, long bits) {
        return switch (type) {
            case 'I', 'F', 'L' -> (int) bits;
            case 'S' -> (short) bits;
            case 'C' -> (char) bits;
            case 'B' -> (byte) bits;
            case 'Z' -> bits & 1;
            default -> bits;
        };
    }

    private long load(Shape s, long at, boolean plain) {
        var mem = vm.mem;
        if (s.kind() == Kind.STATIC) {
            return s.type() == 'L' ? StaticSlots.getRef(vm.statics, (int) at) : norm(s.type(), StaticSlots.getPrim(vm.statics, (int) at));
        }
        return norm(s.type(), switch (s.size()) {
            case 1 -> plain ? mem.getByte(at) : mem.getByteVolatile(at);
            case 2 -> plain ? mem.getShort(at) : mem.getShortVolatile(at);
            case 4 -> plain ? mem.getInt(at) : mem.getIntVolatile(at);
            default -> plain ? mem.getLong(at) : mem.getLongVolatile(at);
        });
    }

    private void store(Shape s, long at, long v, boolean plain) {
        var mem = vm.mem;
        if (s.kind() == Kind.STATIC) {
            if (s.type() == 'L') {
                StaticSlots.setRef(vm.statics, (int) at, (int) v);
            } else {
                StaticSlots.setPrim(vm.statics, (int) at, v);
            }
            return;
        }
        if (s.type() == 'L') {
            if (plain) {
                dev.uffdgc.toyvm.heap.Barrier.putRef(mem, at, (int) v);
            } else {
                dev.uffdgc.toyvm.heap.Barrier.putRefVolatile(mem, at, (int) v);
            }
            return;
        }
        switch (s.size()) {
            case 1 -> {
                if (plain) {
                    mem.putByte(at, (byte) v);
                } else {
                    mem.putByteVolatile(at, (byte) v);
                }
            }
            case 2 -> {
                if (plain) {
                    mem.putShort(at, (short) v);
                } else {
                    mem.putShortVolatile(at, (short) v);
                }
            }
            case 4 -> {
                if (plain) {
                    mem.putInt(at, (int) v);
                } else {
                    mem.putIntVolatile(at, (int) v);
                }
            }
            default -> {
                if (plain) {
                    mem.putLong(at, v);
                } else {
                    mem.putLongVolatile(at, v);
                }
            }
        }
    }

    /** Compare-and-exchange on the canonical bits; returns the witness value (== expected: it succeeded). */
    private long cae(Shape s, long at, long expected, long v) {
        var mem = vm.mem;
        if (s.kind() == Kind.STATIC) {
            return s.type() == 'L' ? StaticSlots.caeRef(vm.statics, (int) at, (int) expected, (int) v)
                    : norm(s.type(), StaticSlots.caePrim(vm.statics, (int) at, expected, v));
        }
        if (s.type() == 'L') {
            return dev.uffdgc.toyvm.heap.Barrier.compareAndExchangeRef(mem, at, (int) expected, (int) v);
        }
        return switch (s.size()) {
            case 4 -> norm(s.type(), mem.compareAndExchangeInt(at, (int) expected, (int) v));
            case 8 -> mem.compareAndExchangeLong(at, expected, v);
            default -> {
                // A byte or short (naturally aligned, so inside one int): CAS the int that holds it (little-endian).
                long word = at & ~3L;
                int shift = (int) (at & 3) * 8;
                int mask = (s.size() == 1 ? 0xFF : 0xFFFF) << shift;
                for (;;) {
                    int w = mem.getIntVolatile(word);
                    long current = norm(s.type(), (w & mask) >>> shift);
                    if (current != expected) {
                        yield current;
                    }
                    int next = (w & ~mask) | (((int) v << shift) & mask);
                    if (mem.compareAndSetInt(word, w, next)) {
                        yield current;
                    }
                }
            }
        };
    }

    /** getAndSet, getAndAdd, getAndBitwise*: a CAS loop; returns the previous value. */
    private long readModifyWrite(Shape s, long at, long operand) {
        char vt = s.type();
        for (;;) {
            long old = load(s, at, false);
            long next = switch (mode.op()) {
                case GET_AND_SET -> operand;
                case OR -> old | operand;
                case AND -> old & operand;
                case XOR -> old ^ operand;
                default -> switch (vt) {
                    case 'F' -> Float.floatToRawIntBits(Float.intBitsToFloat((int) old) + Float.intBitsToFloat((int) operand));
                    case 'D' -> Double.doubleToRawLongBits(Double.longBitsToDouble(old) + Double.longBitsToDouble(operand));
                    default -> old + operand;
                };
            };
            if (cae(s, at, old, norm(vt, next)) == old) {
                return old;
            }
        }
    }

    private long viewGet(char vt, long at, boolean big) {
        var mem = vm.mem;
        return switch (vt) {
            case 'S' -> big ? Short.reverseBytes(mem.getShort(at)) : mem.getShort(at);
            case 'C' -> (char) (big ? Short.reverseBytes(mem.getShort(at)) : mem.getShort(at));
            case 'I', 'F' -> big ? Integer.reverseBytes(mem.getInt(at)) : mem.getInt(at);
            default -> big ? Long.reverseBytes(mem.getLong(at)) : mem.getLong(at);
        };
    }

    private void viewSet(char vt, long at, long v, boolean big) {
        var mem = vm.mem;
        switch (vt) {
            case 'S', 'C' -> mem.putShort(at, big ? Short.reverseBytes((short) v) : (short) v);
            case 'I', 'F' -> mem.putInt(at, big ? Integer.reverseBytes((int) v) : (int) v);
            default -> mem.putLong(at, big ? Long.reverseBytes(v) : v);
        }
    }

    private RuntimeException wrongType(VmThread t, Shape s) {
        return vm.throwing.raise(t, "java/lang/invoke/WrongMethodTypeException", "toyvm: VarHandle." + mode.name()
                + descriptor + " does not match the handle" + (s == null ? "" : " (" + s.kind() + " of " + s.type() + ")"));
    }

    private RuntimeException castFailure(VmThread t, VmClass from, VmClass to) {
        return vm.throwing.raise(t, "java/lang/ClassCastException", "Cannot cast " + from.binaryName() + " to " + to.binaryName());
    }
}
