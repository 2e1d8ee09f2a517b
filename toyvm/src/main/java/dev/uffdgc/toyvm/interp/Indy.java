package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.Descriptors;
import dev.uffdgc.toyvm.classfile.LinkageException;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.classfile.constantpool.InvokeDynamicEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.MethodTypeEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * invokedynamic, for the bootstraps javac emits, implemented in the VM rather than by interpreting
 * java.lang.invoke: string concatenation (StringConcatFactory), lambdas and method references
 * (LambdaMetafactory, see {@link Lambdas}) and records' toString/equals/hashCode (ObjectMethods, see
 * {@link RecordMethods}). Any other bootstrap is a guest error naming it.
 */
final class Indy {
    private final Vm vm;
    private final Lambdas lambdas;

    Indy(Vm vm) {
        this.vm = vm;
        this.lambdas = new Lambdas(vm);
    }

    CallSite link(VmThread t, InvokeDynamicEntry e) {
        String owner;
        String name;
        String siteName;
        String siteType;
        List<LoadableConstantEntry> args;
        // The classfile API reads the BootstrapMethods attribute lazily and not thread-safely: two ForkJoin workers
        // linking sites of one class at once made one of them see an empty bootstrap table (IndexOutOfBounds in
        // bootstrapMethod(), ParallelWordCount under the agent in CI). So the model is read under its lock, each
        // argument's constant inflated there too; what follows (which may allocate and poll) runs outside it.
        synchronized (VmClass.MODEL_LOCK) {
            MethodHandleEntry bsm = e.bootstrap().bootstrapMethod();
            MemberRefEntry ref = bsm.reference();
            owner = ref.owner().asInternalName();
            name = ref.nameAndType().name().stringValue();
            siteName = e.name().stringValue();
            siteType = e.type().stringValue();
            args = List.copyOf(e.bootstrap().arguments());
            for (LoadableConstantEntry a : args) {
                a.constantValue();
            }
        }
        return switch (owner + "." + name) {
            case "java/lang/invoke/StringConcatFactory.makeConcatWithConstants" -> concat(siteType, args);
            case "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory" ->
                    lambdas.link(t, siteName, siteType, args);
            case "java/lang/runtime/ObjectMethods.bootstrap" -> new RecordMethods(vm, siteName, args);
            case "java/lang/runtime/SwitchBootstraps.typeSwitch" -> new TypeSwitch(vm, args, false);
            case "java/lang/runtime/SwitchBootstraps.enumSwitch" -> new TypeSwitch(vm, args, true);
            default -> throw new LinkageException("java/lang/BootstrapMethodError",
                    "toyvm: unsupported invokedynamic bootstrap " + owner.replace('/', '.') + "." + name);
        };
    }

    /** String concatenation: the recipe's \1 takes the next argument, \2 the next constant. */
    private CallSite concat(String siteType, List<LoadableConstantEntry> args) {
        String recipe = ((StringEntry) args.get(0)).stringValue();
        List<String> constants = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            constants.add(String.valueOf(args.get(i).constantValue()));
        }
        char[] types = Descriptors.parameterTypes(siteType);
        int slots = Descriptors.argumentSlots(siteType);
        return (t, sp) -> {
            int base = sp - slots;
            StringBuilder sb = new StringBuilder();
            int arg = 0;
            int slot = base;
            int constant = 0;
            for (int i = 0; i < recipe.length(); i++) {
                char ch = recipe.charAt(i);
                if (ch == '\u0001') {
                    char type = types[arg++];
                    appendArg(t, sb, type, slot);
                    slot += Descriptors.slots(type);
                } else if (ch == '\u0002') {
                    sb.append(constants.get(constant++));
                } else {
                    sb.append(ch);
                }
            }
            t.sp = sp;
            t.refs[base] = vm.strings.newString(t, sb.toString());
            return base + 1;
        };
    }

    private void appendArg(VmThread t, StringBuilder sb, char type, int slot) {
        long p = t.prims[slot];
        switch (type) {
            case 'I', 'B', 'S' -> sb.append((int) p);
            case 'J' -> sb.append(p);
            case 'C' -> sb.append((char) p);
            case 'Z' -> sb.append(p != 0);
            case 'F' -> sb.append(Float.intBitsToFloat((int) p));
            case 'D' -> sb.append(Double.longBitsToDouble(p));
            default -> sb.append(vm.strings.stringify(t, t.refs[slot]));
        }
    }

    static String methodType(LoadableConstantEntry e) {
        return ((MethodTypeEntry) e).descriptor().stringValue();
    }
}
