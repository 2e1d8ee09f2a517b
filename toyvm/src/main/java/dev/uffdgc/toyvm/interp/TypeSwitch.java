package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.ConstantDynamicEntry;
import java.lang.classfile.constantpool.IntegerEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.util.List;

/**
 * java.lang.runtime.SwitchBootstraps.typeSwitch/enumSwitch (pattern switches): given the selector and a restart
 * index, the index of the first label at or after it that matches; -1 for null; the label count if none.
 * Labels: a class (instanceof), a String (equals), an Integer (a boxed Integer/Character/Short/Byte of that
 * value), for enumSwitch an enum constant's name, and for typeSwitch an enum constant as javac writes a qualified
 * one ({@code case Color.RED} in a switch over a sealed interface): a dynamic constant
 * {@code ConstantBootstraps.invoke(EnumDesc.of, ConstantBootstraps.invoke(ClassDesc.of, "pkg.Outer$Color"), "RED")},
 * read here without running java.lang.invoke. Any other label is a BootstrapMethodError naming it.
 */
final class TypeSwitch implements CallSite {
    private final Vm vm;
    private final List<LoadableConstantEntry> labels;
    private final boolean enumSwitch;
    private Object[] resolved;

    /** An enum constant label: matches that constant of that enum (a constant with a body is a subclass). */
    private record EnumLabel(VmClass enumClass, String name) { }

    TypeSwitch(Vm vm, List<LoadableConstantEntry> labels, boolean enumSwitch) {
        this.vm = vm;
        this.labels = labels;
        this.enumSwitch = enumSwitch;
    }

    private Object[] resolved(VmThread t) {
        if (resolved == null) {
            Object[] r = new Object[labels.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = switch (labels.get(i)) {
                    case ClassEntry c -> vm.resolveClass(t, c.asInternalName());
                    case StringEntry s -> s.stringValue();
                    case IntegerEntry n -> n.intValue();
                    case ConstantDynamicEntry d -> enumLabel(t, d);
                    default -> throw unsupported(t, labels.get(i));
                };
            }
            resolved = r;
        }
        return resolved;
    }

    private EnumLabel enumLabel(VmThread t, ConstantDynamicEntry d) {
        List<LoadableConstantEntry> args = d.bootstrap().arguments();
        if (isInvokeOf(d, "java/lang/Enum$EnumDesc", "of") && args.size() == 3
                && args.get(1) instanceof ConstantDynamicEntry cls && isInvokeOf(cls, "java/lang/constant/ClassDesc", "of")
                && cls.bootstrap().arguments().size() == 2
                && cls.bootstrap().arguments().get(1) instanceof StringEntry className
                && args.get(2) instanceof StringEntry constant) {
            return new EnumLabel(vm.resolveClass(t, className.stringValue().replace('.', '/')), constant.stringValue());
        }
        throw unsupported(t, d);
    }

    /** Whether a dynamic constant is ConstantBootstraps.invoke of the static method owner.name. */
    private static boolean isInvokeOf(ConstantDynamicEntry d, String owner, String name) {
        var bsm = d.bootstrap().bootstrapMethod().reference();
        List<LoadableConstantEntry> args = d.bootstrap().arguments();
        return bsm.owner().asInternalName().equals("java/lang/invoke/ConstantBootstraps")
                && bsm.nameAndType().name().equalsString("invoke")
                && !args.isEmpty() && args.get(0) instanceof MethodHandleEntry mh
                && mh.reference().owner().asInternalName().equals(owner)
                && mh.reference().nameAndType().name().equalsString(name);
    }

    private RuntimeException unsupported(VmThread t, LoadableConstantEntry label) {
        String what = label instanceof ConstantDynamicEntry d
                ? "dynamic constant " + d.name().stringValue() + ":" + d.type().stringValue() + " of bootstrap "
                        + d.bootstrap().bootstrapMethod().reference().owner().asInternalName().replace('/', '.') + "."
                        + d.bootstrap().bootstrapMethod().reference().nameAndType().name().stringValue()
                : label.toString();
        return vm.throwing.raise(t, "java/lang/BootstrapMethodError", "toyvm: unsupported switch label " + what);
    }

    @Override
    public int invoke(VmThread t, int sp) {
        int base = sp - 2;
        int target = t.refs[base];
        int restart = (int) t.prims[base + 1];
        int result;
        if (target == 0) {
            result = -1;
        } else {
            Object[] r = resolved(t);
            result = r.length;
            for (int i = restart; i < r.length; i++) {
                if (matches(t, r[i], t.refs[base])) {
                    result = i;
                    break;
                }
            }
        }
        t.prims[base] = result;
        t.refs[base] = 0;
        return base + 1;
    }

    private boolean matches(VmThread t, Object label, int target) {
        VmClass c = vm.classOf(target);
        return switch (label) {
            case VmClass k -> c.isAssignableTo(k);
            case EnumLabel e -> c.isAssignableTo(e.enumClass()) && e.name().equals(enumName(target));
            case String s when enumSwitch -> c.findField("name") != null && s.equals(enumName(target));
            case String s -> c == vm.strings.stringClass() && s.equals(vm.strings.toHost(target));
            case Integer n -> {
                char p = Adapt.primOfBox(c.name);
                if (p == 'I' || p == 'C' || p == 'S' || p == 'B') {
                    long addr = ObjectLayout.offset(target) + c.findField("value").offset;
                    int v = p == 'I' ? vm.mem.getInt(addr) : p == 'C' ? vm.mem.getChar(addr) : p == 'S' ? vm.mem.getShort(addr) : vm.mem.getByte(addr);
                    yield v == n;
                }
                yield false;
            }
            default -> false;
        };
    }

    private String enumName(int constant) {
        return vm.strings.toHost(vm.mem.getInt(ObjectLayout.offset(constant) + vm.classes.load("java/lang/Enum").findField("name").offset));
    }
}
