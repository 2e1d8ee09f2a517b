package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.LinkageException;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmField;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.FieldRefEntry;
import java.lang.classfile.constantpool.InvokeDynamicEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Resolves an instruction's constant-pool operand on its first execution and rewrites the instruction in place
 * into its quick form (same length). Class initialisation is triggered here (new, getstatic, putstatic,
 * invokestatic), so quick forms never check it.
 *
 * Threads: an instruction is resolved without locks (resolution may load classes, run {@code <clinit>} or
 * allocate), then published under the Code's lock only if it is still unresolved: operands first, the opcode
 * last with a release store, so a thread that sees the quick opcode also sees its operands (the dispatch loop
 * reads the opcode before its operands). Two threads resolving the same instruction compute the same result;
 * the second publication is dropped. Known gap: an instruction quickened by the thread running a class's
 * {@code <clinit>} (as the initialising thread it passes the init check) can be executed by another thread
 * before that initialisation completes; HotSpot would make that thread wait.
 */
public final class Resolver {
    private final Vm vm;
    private final Indy indy;

    Resolver(Vm vm, Interpreter interp) {
        this.vm = vm;
        this.indy = new Indy(vm);
    }

    private static final VarHandle CODE = MethodHandles.arrayElementVarHandle(int[].class);

    void resolve(VmThread t, VmMethod m, Code c, int pc) {
        int op;
        int operand;
        Object entry;
        synchronized (c) {
            op = c.code[pc];
            operand = c.code[pc + 1];
            entry = Op.NAME[op].endsWith("_UNRES") ? c.pool[operand] : null;
        }
        if (!Op.NAME[op].endsWith("_UNRES")) {
            return; // another thread quickened it after our dispatch read the old opcode: re-dispatch
        }
        try {
            resolveChecked(t, m, c, pc, op, operand, entry);
        } catch (LinkageException e) {
            throw vm.throwing.raise(t, e.guestClass, e.getMessage());
        }
    }

    /** Rewrites the instruction at pc from {@code unresolved} to {@code op} with the given operands (-1: keep). */
    private static void publish(Code c, int pc, int unresolved, int op, int operand1, int operand2) {
        publish(c, pc, unresolved, op, operand1, operand2, -1, null);
    }

    /** Also replaces pool entry {@code idx} (when >= 0) with the resolved {@code value}, under the same lock. */
    private static void publish(Code c, int pc, int unresolved, int op, int operand1, int operand2, int idx, Object value) {
        synchronized (c) {
            if (c.code[pc] != unresolved) {
                return;
            }
            if (idx >= 0) {
                c.pool[idx] = value;
            }
            if (operand1 != KEEP) {
                c.code[pc + 1] = operand1;
            }
            if (operand2 != KEEP) {
                c.code[pc + 2] = operand2;
            }
            CODE.setRelease(c.code, pc, op);
        }
    }

    private static final int KEEP = Integer.MIN_VALUE;

    int invokedynamic(VmThread t, Code c, int pc, int sp) {
        int idx = c.code[pc + 1];
        Object entry = c.pool[idx];
        if (!(entry instanceof CallSite)) {
            try {
                // Two threads may link the same site; each uses its own, the last store stays.
                entry = indy.link(t, (InvokeDynamicEntry) entry);
                c.pool[idx] = entry;
            } catch (LinkageException e) {
                throw vm.throwing.raise(t, e.guestClass, e.getMessage());
            }
        }
        return ((CallSite) entry).invoke(t, sp);
    }

    private void resolveChecked(VmThread t, VmMethod m, Code c, int pc, int op, int idx, Object entry) {
        switch (op) {
            case Op.LDC_UNRES -> publish(c, pc, op, Op.LDC_REF, constant(t, (LoadableConstantEntry) entry, m), KEEP);
            case Op.GETSTATIC_UNRES, Op.PUTSTATIC_UNRES -> {
                VmField f = field((FieldRefEntry) entry, true);
                vm.init.initialize(t, f.owner);
                boolean get = op == Op.GETSTATIC_UNRES;
                if (f.isVolatile) {
                    publish(c, pc, op, Op.VOLATILE_FIELD, KEEP, KEEP, idx, new VolatileAccess(f, !get));
                    return;
                }
                publish(c, pc, op, f.isReference() ? (get ? Op.GETSTATIC_A : Op.PUTSTATIC_A)
                        : f.size() == 8 ? (get ? Op.GETSTATIC_2 : Op.PUTSTATIC_2) : (get ? Op.GETSTATIC_1 : Op.PUTSTATIC_1),
                        f.offset, KEEP);
            }
            case Op.GETFIELD_UNRES -> {
                VmField f = field((FieldRefEntry) entry, false);
                if (f.isVolatile) {
                    publish(c, pc, op, Op.VOLATILE_FIELD, KEEP, KEEP, idx, new VolatileAccess(f, false));
                    return;
                }
                publish(c, pc, op, switch (f.type()) {
                    case 'J', 'D' -> Op.GETFIELD_J;
                    case 'I', 'F' -> Op.GETFIELD_I;
                    case 'B', 'Z' -> Op.GETFIELD_B;
                    case 'C' -> Op.GETFIELD_C;
                    case 'S' -> Op.GETFIELD_S;
                    default -> Op.GETFIELD_A;
                }, f.offset, KEEP);
            }
            case Op.PUTFIELD_UNRES -> {
                VmField f = field((FieldRefEntry) entry, false);
                if (f.isVolatile) {
                    publish(c, pc, op, Op.VOLATILE_FIELD, KEEP, KEEP, idx, new VolatileAccess(f, true));
                    return;
                }
                publish(c, pc, op, switch (f.type()) {
                    case 'J', 'D' -> Op.PUTFIELD_J;
                    case 'I', 'F' -> Op.PUTFIELD_I;
                    case 'B' -> Op.PUTFIELD_B;
                    case 'Z' -> Op.PUTFIELD_Z;
                    case 'C', 'S' -> Op.PUTFIELD_S;
                    default -> Op.PUTFIELD_A;
                }, f.offset, KEEP);
            }
            case Op.INVOKESTATIC_UNRES -> {
                VmMethod target = method((MemberRefEntry) entry);
                if (!target.isStatic()) {
                    throw new LinkageException("java/lang/IncompatibleClassChangeError", "Expected static method " + target);
                }
                vm.init.initialize(t, target.owner);
                publish(c, pc, op, Op.INVOKE_STATIC, KEEP, KEEP, idx, target);
            }
            case Op.INVOKESPECIAL_UNRES -> {
                publish(c, pc, op, Op.INVOKE_DIRECT, KEEP, KEEP, idx, special(m.owner, (MemberRefEntry) entry));
            }
            case Op.INVOKEVIRTUAL_UNRES, Op.INVOKEINTERFACE_UNRES -> virtual(c, pc, op, idx, (MemberRefEntry) entry);
            case Op.NEW_UNRES -> {
                VmClass k = vm.classes.load((String) entry);
                if (k.isAbstract() || k.isInterface()) {
                    throw new LinkageException("java/lang/InstantiationError", k.binaryName());
                }
                vm.init.initialize(t, k);
                publish(c, pc, op, Op.NEW, KEEP, KEEP, idx, k);
            }
            case Op.NEWARRAY_UNRES, Op.CHECKCAST_UNRES, Op.INSTANCEOF_UNRES -> {
                publish(c, pc, op, op == Op.NEWARRAY_UNRES ? Op.NEWARRAY : op == Op.CHECKCAST_UNRES ? Op.CHECKCAST : Op.INSTANCEOF,
                        KEEP, KEEP, idx, vm.classes.load((String) entry));
            }
            default -> throw new IllegalStateException("toyvm: bad instruction " + op + " at " + pc + " in " + m);
        }
    }

    private int constant(VmThread t, LoadableConstantEntry e, VmMethod m) {
        return switch (e) {
            case StringEntry s -> vm.strings.internHandle(t, s.stringValue());
            case ClassEntry ce -> vm.mirrors.mirrorHandle(t, vm.classes.load(ce.asInternalName()));
            default -> throw new LinkageException("java/lang/UnsupportedOperationException",
                    "toyvm: unsupported constant " + e + " in " + m);
        };
    }

    private VmField field(FieldRefEntry e, boolean isStatic) {
        VmClass owner = vm.classes.load(e.owner().asInternalName());
        VmField f = owner.findField(e.nameAndType().name().stringValue());
        if (f == null || !f.descriptor.equals(e.nameAndType().type().stringValue())) {
            throw new LinkageException("java/lang/NoSuchFieldError", "Class " + owner.binaryName()
                    + " does not have member field '" + dev.uffdgc.toyvm.classfile.Descriptors.javaType(
                    e.nameAndType().type().stringValue()) + " " + e.nameAndType().name().stringValue() + "'");
        }
        if (f.isStatic != isStatic) {
            throw new LinkageException("java/lang/IncompatibleClassChangeError",
                    "Expected " + (isStatic ? "static" : "non-static") + " field " + f);
        }
        return f;
    }

    private VmMethod method(MemberRefEntry e) {
        VmClass owner = vm.classes.load(e.owner().asInternalName());
        String key = e.nameAndType().name().stringValue() + e.nameAndType().type().stringValue();
        VmMethod m = owner.findMethod(key);
        if (m == null) {
            m = vm.intrinsics.varHandles().polymorphicSite(owner, e.nameAndType().name().stringValue(),
                    e.nameAndType().type().stringValue());
        }
        if (m == null) {
            throw new LinkageException("java/lang/NoSuchMethodError", "'" + dev.uffdgc.toyvm.classfile.Descriptors
                    .javaSignature(owner.name, e.nameAndType().name().stringValue(), e.nameAndType().type().stringValue()) + "'");
        }
        return m;
    }

    /** invokespecial: constructors, private methods and super calls (JVMS 6.5 invokespecial, ACC_SUPER). */
    private VmMethod special(VmClass current, MemberRefEntry e) {
        VmMethod resolved = method(e);
        VmClass owner = vm.classes.load(e.owner().asInternalName());
        if (resolved.isConstructor() || resolved.isPrivate() || owner.isInterface() || owner == current
                || !current.isAssignableTo(owner)) {
            return resolved;
        }
        VmMethod selected = current.superclass.findMethod(resolved.key());
        return selected != null ? selected : resolved;
    }

    private void virtual(Code c, int pc, int op, int idx, MemberRefEntry e) {
        VmMethod m = method(e);
        if (m.isStatic()) {
            throw new LinkageException("java/lang/IncompatibleClassChangeError", "Expected non-static method " + m);
        }
        // A method declared in a final class is as final as a final method: every receiver is of that class (the
        // static type is a subclass of it). Binary trees' Node.check() was a vtable call per node (~5% of its
        // compiled time in a profile); bound directly, a compiled caller calls it without loading the vtable.
        boolean effectivelyFinal = m.isFinal() || (m.owner.accessFlags & java.lang.reflect.AccessFlag.FINAL.mask()) != 0;
        if (m.isPrivate() || (effectivelyFinal && m.vtableIndex >= 0) || m.isConstructor()
                || vm.intrinsics.varHandles().isSite(m)) {
            publish(c, pc, op, Op.INVOKE_DIRECT, KEEP, KEEP, idx, m);
        } else if (m.vtableIndex >= 0) {
            publish(c, pc, op, Op.INVOKE_VIRTUAL, m.vtableIndex, m.argSlots);
        } else {
            publish(c, pc, op, Op.INVOKE_INTERFACE, KEEP, m.argSlots, idx, new InterfaceSite(vm, m.key(), m.argSlots));
        }
    }
}
