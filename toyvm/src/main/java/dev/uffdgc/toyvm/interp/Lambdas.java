package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.Descriptors;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmField;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.MethodTypeEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * LambdaMetafactory in the VM. Each call site gets a synthetic class implementing the functional interface:
 * one field per captured value, and the interface method (plus bridges) as an intrinsic that loads the
 * captured values and the arguments, adapts them (boxing, unboxing, widening) to the implementation method's
 * parameters, calls it, and adapts the result back.
 */
final class Lambdas {
    // MethodHandleInfo reference kinds.
    private static final int REF_INVOKE_VIRTUAL = 5;
    private static final int REF_INVOKE_STATIC = 6;
    private static final int REF_INVOKE_SPECIAL = 7;
    private static final int REF_NEW_INVOKE_SPECIAL = 8;
    private static final int REF_INVOKE_INTERFACE = 9;
    private static final int FLAG_SERIALIZABLE = 1 << 0;
    private static final int FLAG_MARKERS = 1 << 1;
    private static final int FLAG_BRIDGES = 1 << 2;

    private final Vm vm;
    private int counter;

    Lambdas(Vm vm) {
        this.vm = vm;
    }

    CallSite link(VmThread t, String samName, String siteType, List<LoadableConstantEntry> args) {
        String samType = Indy.methodType(args.get(0));
        MethodHandleEntry impl = (MethodHandleEntry) args.get(1);
        VmClass iface = vm.classes.load(Descriptors.classNameOf(Descriptors.returnDescriptor(siteType)));
        List<VmClass> interfaces = new ArrayList<>(List.of(iface));
        List<String> samTypes = new ArrayList<>(List.of(samType));
        if (args.size() > 3) {
            int flags = (Integer) args.get(3).constantValue();
            int i = 4;
            if ((flags & FLAG_SERIALIZABLE) != 0) {
                interfaces.add(vm.classes.load("java/io/Serializable"));
            }
            if ((flags & FLAG_MARKERS) != 0) {
                int n = (Integer) args.get(i++).constantValue();
                for (int k = 0; k < n; k++) {
                    interfaces.add(vm.classes.load(((ClassEntry) args.get(i++)).asInternalName()));
                }
            }
            if ((flags & FLAG_BRIDGES) != 0) {
                int n = (Integer) args.get(i++).constantValue();
                for (int k = 0; k < n; k++) {
                    samTypes.add(((MethodTypeEntry) args.get(i++)).descriptor().stringValue());
                }
            }
        }
        String[] captured = Descriptors.parameterDescriptors(siteType);
        String owner = impl.reference().owner().asInternalName();
        VmClass c = vm.classes.defineSynthetic(owner + VmClass.LAMBDA + (counter++), vm.classes.load("java/lang/Object"),
                interfaces.toArray(VmClass[]::new), captured);
        Target target = new Target(vm, impl);
        for (String st : samTypes) {
            VmMethod m = vm.classes.addMethod(c, samName, st);
            m.intrinsic = new Invoker(c, captured, st, target);
        }
        int capturedSlots = Descriptors.argumentSlots(siteType);
        if (capturedSlots == 0) {
            int handle = vm.globals.add(vm.alloc.instance(t, c));
            return (th, sp) -> {
                th.refs[sp] = vm.globals.get(handle);
                return sp + 1;
            };
        }
        // Field offsets and types looked up once here, not per captured value per allocation.
        int[] offsets = new int[captured.length];
        char[] types = new char[captured.length];
        for (int i = 0; i < captured.length; i++) {
            VmField f = c.fields.get("f" + i);
            offsets[i] = f.offset;
            types[i] = f.type();
        }
        return (th, sp) -> {
            int base = sp - capturedSlots;
            int obj = vm.alloc.instance(th, c);
            int slot = base;
            for (int i = 0; i < offsets.length; i++) {
                Adapt.storeField(vm, ObjectLayout.offset(obj) + offsets[i], types[i], th, slot);
                slot += Descriptors.slots(types[i]);
            }
            th.refs[base] = obj;
            return base + 1;
        };
    }

    /** The implementation method of a lambda, resolved on first call. */
    static final class Target {
        private final Vm vm;
        private final MethodHandleEntry entry;
        final int kind;
        final String descriptor;
        private VmMethod method;

        Target(Vm vm, MethodHandleEntry entry) {
            this.vm = vm;
            this.entry = entry;
            this.kind = entry.kind();
            this.descriptor = entry.reference().nameAndType().type().stringValue();
        }

        VmMethod method(VmThread t) {
            if (method == null) {
                VmClass owner = vm.resolveClass(t, entry.reference().owner().asInternalName());
                String key = entry.reference().nameAndType().name().stringValue() + descriptor;
                VmMethod m = owner.findMethod(key);
                if (m == null) {
                    throw vm.throwing.raise(t, "java/lang/NoSuchMethodError", owner.binaryName() + "." + key);
                }
                if (kind == REF_INVOKE_STATIC || kind == REF_NEW_INVOKE_SPECIAL) {
                    vm.init.initialize(t, owner);
                }
                method = m;
            }
            return method;
        }

        boolean hasReceiver() {
            return kind == REF_INVOKE_VIRTUAL || kind == REF_INVOKE_INTERFACE || kind == REF_INVOKE_SPECIAL;
        }
    }

    /** The functional interface method of one lambda class. */
    private final class Invoker implements Intrinsic {
        private final VmClass lambdaClass;
        private final String[] captured;
        private final char[] samParams;
        private final char samReturn;
        private final Target target;
        /** Built on the first call (the target resolves lazily); immutable, so a racy first call is harmless. */
        private Plan plan;

        Invoker(VmClass lambdaClass, String[] captured, String samType, Target target) {
            this.lambdaClass = lambdaClass;
            this.captured = captured;
            String[] params = Descriptors.parameterDescriptors(samType);
            this.samParams = new char[params.length];
            for (int i = 0; i < params.length; i++) {
                samParams[i] = params[i].charAt(0);
            }
            this.samReturn = Descriptors.returnType(samType);
            this.target = target;
        }

        @Override
        public void invoke(VmThread t, int base) {
            Plan p = plan;
            if (p == null) {
                p = new Plan(target.method(t));
                plan = p;
            }
            VmMethod m = p.method;
            char[] want = p.want;
            int start = t.sp;
            int w = 0;
            if (target.kind == REF_NEW_INVOKE_SPECIAL) {
                int obj = vm.alloc.instance(t, m.owner);
                t.pushRef(obj);
                t.pushRef(obj);
            }
            for (int i = 0; i < p.fieldOffsets.length; i++) {
                Adapt.pushFromField(vm, t, ObjectLayout.offset(t.refs[base]) + p.fieldOffsets[i], p.fieldTypes[i], want[w++]);
            }
            int slot = base + 1;
            for (char c : samParams) {
                Adapt.pushFromSlot(vm, t, slot, c, want[w++]);
                slot += Descriptors.slots(c);
            }
            VmMethod callee = m;
            if (p.dispatch) {
                int recv = t.refs[t.sp - m.argSlots];
                if (recv == 0) {
                    throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
                }
                VmClass rc = vm.classOf(recv);
                callee = m.vtableIndex >= 0 && !m.owner.isInterface() ? rc.vtable[m.vtableIndex] : rc.selectVirtual(p.key);
                if (callee == null) {
                    throw vm.throwing.raise(t, "java/lang/AbstractMethodError", m.toString());
                }
            }
            vm.interp.call(t, callee);
            char ret = target.kind == REF_NEW_INVOKE_SPECIAL ? 'L' : m.returnType;
            Adapt.returnValue(vm, t, start, ret, samReturn, base);
            t.sp = start;
        }

        /** What each call needs, derived once from the resolved target. */
        private final class Plan {
            final VmMethod method;
            final char[] want;
            final int[] fieldOffsets;
            final char[] fieldTypes;
            final boolean dispatch;
            final String key;

            Plan(VmMethod m) {
                this.method = m;
                this.want = targetParams(m);
                this.fieldOffsets = new int[captured.length];
                this.fieldTypes = new char[captured.length];
                for (int i = 0; i < captured.length; i++) {
                    VmField f = lambdaClass.fields.get("f" + i);
                    fieldOffsets[i] = f.offset;
                    fieldTypes[i] = f.type();
                }
                this.dispatch = (target.kind == REF_INVOKE_VIRTUAL || target.kind == REF_INVOKE_INTERFACE) && !m.isPrivate();
                this.key = m.key();
            }
        }

        private char[] targetParams(VmMethod m) {
            char[] p = Descriptors.parameterTypes(m.descriptor);
            if (!target.hasReceiver()) {
                return p;
            }
            char[] withReceiver = new char[p.length + 1];
            withReceiver[0] = 'L';
            System.arraycopy(p, 0, withReceiver, 1, p.length);
            return withReceiver;
        }
    }
}
