package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.LinkageException;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmField;
import dev.uffdgc.toyvm.classfile.VmMethod;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.FieldRefEntry;
import java.lang.classfile.constantpool.InvokeDynamicEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.StringEntry;

/**
 * Resolves an instruction's constant-pool operand on its first execution and rewrites the instruction in place
 * into its quick form (same length). Class initialisation is triggered here (new, getstatic, putstatic,
 * invokestatic), so quick forms never check it. Single-threaded VM: a class being initialised by the current
 * thread may be quickened; with guest threads, quickening must wait for the end of initialisation.
 */
public final class Resolver {
    private final Vm vm;
    private final Indy indy;

    Resolver(Vm vm, Interpreter interp) {
        this.vm = vm;
        this.indy = new Indy(vm);
    }

    void resolve(VmThread t, VmMethod m, Code c, int pc) {
        try {
            resolveChecked(t, m, c, pc);
        } catch (LinkageException e) {
            throw vm.throwing.raise(t, e.guestClass, e.getMessage());
        }
    }

    int invokedynamic(VmThread t, Code c, int pc, int sp) {
        int idx = c.code[pc + 1];
        if (!(c.pool[idx] instanceof CallSite)) {
            try {
                c.pool[idx] = indy.link(t, (InvokeDynamicEntry) c.pool[idx]);
            } catch (LinkageException e) {
                throw vm.throwing.raise(t, e.guestClass, e.getMessage());
            }
        }
        return ((CallSite) c.pool[idx]).invoke(t, sp);
    }

    private void resolveChecked(VmThread t, VmMethod m, Code c, int pc) {
        int[] code = c.code;
        int idx = code[pc + 1];
        Object entry = c.pool[idx];
        switch (code[pc]) {
            case Op.LDC_UNRES -> {
                code[pc + 1] = constant(t, (LoadableConstantEntry) entry, m);
                code[pc] = Op.LDC_REF;
            }
            case Op.GETSTATIC_UNRES, Op.PUTSTATIC_UNRES -> {
                VmField f = field((FieldRefEntry) entry, true);
                vm.init.initialize(t, f.owner);
                boolean get = code[pc] == Op.GETSTATIC_UNRES;
                code[pc + 1] = f.offset;
                code[pc] = f.isReference() ? (get ? Op.GETSTATIC_A : Op.PUTSTATIC_A)
                        : f.size() == 8 ? (get ? Op.GETSTATIC_2 : Op.PUTSTATIC_2) : (get ? Op.GETSTATIC_1 : Op.PUTSTATIC_1);
            }
            case Op.GETFIELD_UNRES -> {
                VmField f = field((FieldRefEntry) entry, false);
                code[pc + 1] = f.offset;
                code[pc] = switch (f.type()) {
                    case 'J', 'D' -> Op.GETFIELD_J;
                    case 'I', 'F' -> Op.GETFIELD_I;
                    case 'B', 'Z' -> Op.GETFIELD_B;
                    case 'C' -> Op.GETFIELD_C;
                    case 'S' -> Op.GETFIELD_S;
                    default -> Op.GETFIELD_A;
                };
            }
            case Op.PUTFIELD_UNRES -> {
                VmField f = field((FieldRefEntry) entry, false);
                code[pc + 1] = f.offset;
                code[pc] = switch (f.type()) {
                    case 'J', 'D' -> Op.PUTFIELD_J;
                    case 'I', 'F' -> Op.PUTFIELD_I;
                    case 'B' -> Op.PUTFIELD_B;
                    case 'Z' -> Op.PUTFIELD_Z;
                    case 'C', 'S' -> Op.PUTFIELD_S;
                    default -> Op.PUTFIELD_A;
                };
            }
            case Op.INVOKESTATIC_UNRES -> {
                VmMethod target = method((MemberRefEntry) entry);
                if (!target.isStatic()) {
                    throw new LinkageException("java/lang/IncompatibleClassChangeError", "Expected static method " + target);
                }
                vm.init.initialize(t, target.owner);
                c.pool[idx] = target;
                code[pc] = Op.INVOKE_STATIC;
            }
            case Op.INVOKESPECIAL_UNRES -> {
                c.pool[idx] = special(m.owner, (MemberRefEntry) entry);
                code[pc] = Op.INVOKE_DIRECT;
            }
            case Op.INVOKEVIRTUAL_UNRES, Op.INVOKEINTERFACE_UNRES -> virtual(c, pc, (MemberRefEntry) entry);
            case Op.NEW_UNRES -> {
                VmClass k = vm.classes.load((String) entry);
                if (k.isAbstract() || k.isInterface()) {
                    throw new LinkageException("java/lang/InstantiationError", k.binaryName());
                }
                vm.init.initialize(t, k);
                c.pool[idx] = k;
                code[pc] = Op.NEW;
            }
            case Op.NEWARRAY_UNRES, Op.CHECKCAST_UNRES, Op.INSTANCEOF_UNRES -> {
                c.pool[idx] = vm.classes.load((String) entry);
                code[pc] = code[pc] == Op.NEWARRAY_UNRES ? Op.NEWARRAY : code[pc] == Op.CHECKCAST_UNRES ? Op.CHECKCAST : Op.INSTANCEOF;
            }
            default -> throw new IllegalStateException("toyvm: bad instruction " + code[pc] + " at " + pc + " in " + m);
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
            throw new LinkageException("java/lang/NoSuchFieldError", e.nameAndType().name().stringValue());
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
            throw new LinkageException("java/lang/NoSuchMethodError",
                    "'" + owner.binaryName() + "." + key + "'");
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

    private void virtual(Code c, int pc, MemberRefEntry e) {
        int[] code = c.code;
        int idx = code[pc + 1];
        VmMethod m = method(e);
        if (m.isStatic()) {
            throw new LinkageException("java/lang/IncompatibleClassChangeError", "Expected non-static method " + m);
        }
        if (m.isPrivate() || (m.isFinal() && m.vtableIndex >= 0) || m.isConstructor()) {
            c.pool[idx] = m;
            code[pc] = Op.INVOKE_DIRECT;
        } else if (m.vtableIndex >= 0) {
            code[pc + 1] = m.vtableIndex;
            code[pc + 2] = m.argSlots;
            code[pc] = Op.INVOKE_VIRTUAL;
        } else {
            c.pool[idx] = new InterfaceSite(vm, m.key(), m.argSlots);
            code[pc + 2] = m.argSlots;
            code[pc] = Op.INVOKE_INTERFACE;
        }
    }
}
