package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.ClassPath;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.interp.Code;
import dev.uffdgc.toyvm.interp.VmExit;
import dev.uffdgc.toyvm.thread.VmThread;

/** Natives of Object, Class, System, Runtime, Throwable and reflective array creation. */
final class CoreNatives {
    private static final int MAX_STACK_TRACE_DEPTH = 1024;
    private static final java.util.Set<String> PRIMITIVES =
            java.util.Set.of("int", "long", "double", "float", "char", "byte", "short", "boolean", "void");

    private CoreNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        object(vm, r);
        klass(vm, r);
        system(vm, r);
        throwable(vm, r);
        r.add("java/lang/reflect/Array", "newArray(Ljava/lang/Class;I)Ljava/lang/Object;", (t, b) -> {
            VmClass component = vm.mirrors.classOfMirror(t.refs[b]);
            int n = (int) t.prims[b + 1];
            if (component.name.equals("void")) {
                throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", null);
            }
            if (n < 0) {
                throw vm.throwing.raise(t, "java/lang/NegativeArraySizeException", Integer.toString(n));
            }
            VmClass arrayClass = switch (component.name) {
                case "int" -> vm.classes.load("[I");
                case "long" -> vm.classes.load("[J");
                case "double" -> vm.classes.load("[D");
                case "float" -> vm.classes.load("[F");
                case "char" -> vm.classes.load("[C");
                case "byte" -> vm.classes.load("[B");
                case "short" -> vm.classes.load("[S");
                case "boolean" -> vm.classes.load("[Z");
                default -> vm.classes.arrayOf(component);
            };
            t.refs[b] = vm.alloc.array(t, arrayClass, n);
        });
        r.add("java/lang/reflect/Array", "getLength(Ljava/lang/Object;)I", (t, b) -> {
            if (t.refs[b] == 0) {
                throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
            }
            if (!vm.classOf(t.refs[b]).isArray()) {
                throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "Argument is not an array");
            }
            t.prims[b] = vm.mem.getInt(ObjectLayout.offset(t.refs[b]) + ARRAY_LENGTH_OFFSET);
        });
        // Plain reads and writes of Reference.referent: refersTo creates no strong reference, so it needs no
        // keep-alive barrier (unlike get(), see PendingReferences), and clearing a weak referent loses nothing
        // the SATB snapshot holds (weak edges are not part of it).
        for (String ref : new String[] {"java/lang/ref/Reference", "java/lang/ref/PhantomReference"}) {
            r.add(ref, "refersTo0(Ljava/lang/Object;)Z", (t, b) -> t.prims[b] = vm.mem.getInt(ObjectLayout.offset(t.refs[b])
                    + vm.classes.load("java/lang/ref/Reference").findField("referent").offset) == t.refs[b + 1] ? 1 : 0);
            // PhantomReference's (a Cleaner's, e.g. a file stream's on close) as Reference's.
            r.add(ref, "clear0()V", (t, b) -> vm.mem.putInt(ObjectLayout.offset(t.refs[b])
                    + vm.classes.load("java/lang/ref/Reference").findField("referent").offset, 0));
        }
        // The JDK asks java.lang.invoke to initialise a class (Lookup.ensureInitialized, access checks and
        // all); the VM does it directly.
        r.add("jdk/internal/access/SharedSecrets", "ensureClassInitialized(Ljava/lang/Class;)V",
                (t, b) -> vm.init.initialize(t, vm.mirrors.classOfMirror(t.refs[b])));
        // Its natives are the scoped (FFM) memory accessors, which toyvm's Unsafe serves; nothing to register.
        r.add("jdk/internal/misc/ScopedMemoryAccess", "registerNatives()V", (t, b) -> { });
    }

    /** The identity hash: assigned on first request, kept in the header, so it survives moves. */
    static int identityHash(Vm vm, VmThread t, int ref) {
        int h = vm.mem.getInt(ObjectLayout.offset(ref) + HASH_OFFSET);
        if (h == 0) {
            // Two threads may race to install one: the first CAS wins and everyone returns its value.
            int mine = vm.nextIdentityHash(t);
            int seen = vm.mem.compareAndExchangeInt(ObjectLayout.offset(ref) + HASH_OFFSET, 0, mine);
            h = seen == 0 ? mine : seen;
        }
        return h;
    }

    private static void object(Vm vm, Intrinsics r) {
        String o = "java/lang/Object";
        r.add(o, "getClass()Ljava/lang/Class;", (t, b) -> t.refs[b] = vm.mirrors.mirror(t, vm.classOf(t.refs[b])));
        r.add(o, "hashCode()I", (t, b) -> t.prims[b] = identityHash(vm, t, t.refs[b]));
        r.add(o, "clone()Ljava/lang/Object;", (t, b) -> {
            VmClass c = vm.classOf(t.refs[b]);
            if (!c.isArray() && !c.isAssignableTo(vm.classes.load("java/lang/Cloneable"))) {
                throw vm.throwing.raise(t, "java/lang/CloneNotSupportedException", c.binaryName());
            }
            int h = t.pushHandle(t.refs[b]);
            t.refs[b] = vm.alloc.copyOf(t, h);
            t.popHandles(h);
        });
    }

    private static void klass(Vm vm, Intrinsics r) {
        String k = "java/lang/Class";
        r.add(k, "desiredAssertionStatus()Z", (t, b) -> {
            VmClass c = self(vm, t, b);
            t.prims[b] = vm.options.assertions.desired(c.binaryName(), ClassPath.isJdkPackage(c.name)) ? 1 : 0;
        });
        r.add(k, "getName()Ljava/lang/String;", (t, b) -> t.refs[b] = vm.strings.intern(t, self(vm, t, b).binaryName()));
        r.add(k, "getSimpleName()Ljava/lang/String;", (t, b) -> t.refs[b] = vm.strings.newString(t, simpleName(self(vm, t, b))));
        r.add(k, "isInterface()Z", (t, b) -> t.prims[b] = self(vm, t, b).isInterface() ? 1 : 0);
        r.add(k, "isArray()Z", (t, b) -> t.prims[b] = self(vm, t, b).isArray() ? 1 : 0);
        r.add(k, "isPrimitive()Z", (t, b) -> t.prims[b] = self(vm, t, b).name.indexOf('/') < 0
                && PRIMITIVES.contains(self(vm, t, b).name) ? 1 : 0);
        r.add(k, "getPrimitiveClass(Ljava/lang/String;)Ljava/lang/Class;",
                (t, b) -> t.refs[b] = vm.mirrors.mirror(t, vm.classes.primitive(vm.strings.toHost(t.refs[b]))));
        r.add(k, "isEnum()Z", (t, b) -> {
            VmClass c = self(vm, t, b);
            t.prims[b] = c.superclass != null && c.superclass.name.equals("java/lang/Enum") ? 1 : 0;
        });
        r.add(k, "isRecord()Z", (t, b) -> {
            VmClass c = self(vm, t, b);
            t.prims[b] = c.superclass != null && c.superclass.name.equals("java/lang/Record") ? 1 : 0;
        });
        r.add(k, "isInstance(Ljava/lang/Object;)Z", (t, b) -> {
            int o = t.refs[b + 1];
            t.prims[b] = o != 0 && vm.classOf(o).isAssignableTo(self(vm, t, b)) ? 1 : 0;
        });
        r.add(k, "isAssignableFrom(Ljava/lang/Class;)Z",
                (t, b) -> t.prims[b] = vm.mirrors.classOfMirror(t.refs[b + 1]).isAssignableTo(self(vm, t, b)) ? 1 : 0);
        r.add(k, "getSuperclass()Ljava/lang/Class;", (t, b) -> {
            VmClass c = self(vm, t, b);
            t.refs[b] = c.superclass == null || c.isInterface() ? 0 : vm.mirrors.mirror(t, c.superclass);
        });
        r.add(k, "getComponentType()Ljava/lang/Class;", (t, b) -> {
            VmClass c = self(vm, t, b);
            // A primitive array's component is its element type's primitive class (int[] -> int).
            VmClass comp = c.component != null ? c.component
                    : c.isArray() ? vm.classes.primitive(primitiveName(c.elemType)) : null;
            t.refs[b] = comp == null ? 0 : vm.mirrors.mirror(t, comp);
        });
        r.add(k, "enumConstants()[Ljava/lang/Object;", (t, b) -> {
            VmClass c = self(vm, t, b);
            VmMethod values = c.methods.get("values()[L" + c.name + ";");
            if (values == null || !values.isStatic()) {
                t.refs[b] = 0;
                return;
            }
            vm.init.initialize(t, c);
            t.sp = b + 1;
            vm.interp.call(t, values);
            t.refs[b] = t.refs[b + 1];
        });
    }

    private static VmClass self(Vm vm, VmThread t, int b) {
        return vm.mirrors.classOfMirror(t.refs[b]);
    }

    static String simpleName(VmClass c) {
        if (c.isArray()) {
            return c.component == null ? primitiveName(c.elemType) + "[]" : simpleName(c.component) + "[]";
        }
        if (c.name.contains(VmClass.LAMBDA)) { // a hidden class's, as HotSpot's: its name after the package
            String b = c.binaryName();
            return b.substring(b.lastIndexOf('.') + 1);
        }
        String n = c.name.substring(c.name.lastIndexOf('/') + 1);
        int d = n.lastIndexOf('$');
        if (d >= 0) {
            n = n.substring(d + 1);
            int i = 0;
            while (i < n.length() && Character.isDigit(n.charAt(i))) {
                i++;
            }
            n = n.substring(i);
        }
        return n;
    }

    static String primitiveName(char t) {
        return switch (t) {
            case 'I' -> "int";
            case 'J' -> "long";
            case 'D' -> "double";
            case 'F' -> "float";
            case 'C' -> "char";
            case 'B' -> "byte";
            case 'S' -> "short";
            case 'Z' -> "boolean";
            default -> "void";
        };
    }

    private static void system(Vm vm, Intrinsics r) {
        String s = "java/lang/System";
        r.add(s, "installLangAccess(Ljava/lang/Object;)V", (t, b) -> {
            VmClass secrets = vm.classes.load("jdk/internal/access/SharedSecrets");
            vm.statics.refs[secrets.findField("javaLangAccess").offset] = t.refs[b];
        });
        r.add(s, "nanoTime()J", (t, b) -> t.prims[b] = System.nanoTime());
        r.add(s, "currentTimeMillis()J", (t, b) -> t.prims[b] = System.currentTimeMillis());
        r.add(s, "identityHashCode(Ljava/lang/Object;)I",
                (t, b) -> t.prims[b] = t.refs[b] == 0 ? 0 : identityHash(vm, t, t.refs[b]));
        r.add("java/lang/Runtime", "halt0(I)V", (t, b) -> {
            vm.guestThreads.exit((int) t.prims[b]);
            throw new VmExit((int) t.prims[b]);
        });
        r.add(s, "gc()V", (t, b) -> vm.collect(Collector.Cause.SYSTEM_GC, 0));
        r.add(s, "arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V", new ArrayCopy(vm));
        r.add(s, "getenv(Ljava/lang/String;)Ljava/lang/String;", (t, b) -> {
            String v = System.getenv(vm.strings.toHost(t.refs[b]));
            t.refs[b] = v == null ? 0 : vm.strings.newString(t, v);
        });
        String rt = "java/lang/Runtime";
        r.add(rt, "freeMemory()J", (t, b) -> t.prims[b] = vm.heap.capacity() - vm.heap.used());
        r.add(rt, "totalMemory()J", (t, b) -> t.prims[b] = vm.heap.capacity());
        r.add(rt, "maxMemory()J", (t, b) -> t.prims[b] = vm.heap.capacity());
        r.add(rt, "availableProcessors()I", (t, b) -> t.prims[b] = Runtime.getRuntime().availableProcessors());
    }

    private static void throwable(Vm vm, Intrinsics r) {
        String th = "java/lang/Throwable";
        r.add(th, "fillInStackTrace0()[I", (t, b) -> t.refs[b] = backtrace(vm, t, t.refs[b]));
        r.add("java/lang/NullPointerException", "getExtendedNPEMessage()Ljava/lang/String;",
                (t, b) -> t.refs[b] = extendedNullPointerMessage(vm, t, t.refs[b]));
        r.add(th, "frameClass(I)Ljava/lang/String;",
                (t, b) -> t.refs[b] = vm.strings.intern(t, vm.classes.method((int) t.prims[b]).owner.binaryName()));
        r.add(th, "frameMethod(I)Ljava/lang/String;",
                (t, b) -> t.refs[b] = vm.strings.intern(t, vm.classes.method((int) t.prims[b]).name));
        r.add(th, "frameFile(I)Ljava/lang/String;", (t, b) -> {
            String f = vm.classes.method((int) t.prims[b]).owner.sourceFile;
            t.refs[b] = f == null ? 0 : vm.strings.intern(t, f);
        });
    }

    /**
     * HotSpot's JVM_GetExtendedNPEMessage: the message computed from the bytecode at the top frame's bci, which
     * the backtrace keeps only for a failed null check; null for an NPE the program or a native built.
     */
    private static int extendedNullPointerMessage(Vm vm, VmThread t, int npe) {
        int btRef = vm.mem.getInt(ObjectLayout.offset(npe) + vm.classes.load("java/lang/Throwable").findField("backtrace").offset);
        long bt = ObjectLayout.offset(btRef);
        int len = btRef == 0 ? 0 : vm.mem.getInt(bt + ARRAY_LENGTH_OFFSET);
        if (len % 2 == 0) {
            return 0;
        }
        VmMethod m = vm.classes.method(vm.mem.getInt(bt + ARRAY_BASE_OFFSET));
        int bci = vm.mem.getInt(bt + ARRAY_BASE_OFFSET + 4L * (len - 1));
        String msg;
        try {
            // The classfile models are not thread-safe (Rare.prepare): analyse under their lock.
            synchronized (VmClass.MODEL_LOCK) {
                msg = NullPointerMessages.message(m.model, m.isStatic(), bci);
            }
        } catch (IllegalStateException e) {
            // Bytecode javac does not write (stacks that meet at different depths): no message, as the JDK
            // allows, rather than a program ended by its NullPointerException's getMessage.
            msg = null;
        }
        return msg == null ? 0 : vm.strings.newString(t, msg);
    }

    /**
     * The frames above the throwable's construction, as (method id, line) pairs, innermost first. Like HotSpot,
     * skips fillInStackTrace frames and the constructors of the throwable itself.
     */
    private static int backtrace(Vm vm, VmThread t, int throwable) {
        VmClass exClass = vm.classOf(throwable);
        int d = t.depth;
        while (d > 0 && vm.classes.method(t.frameMethodIds[d]).name.startsWith("fillInStackTrace")) {
            d--;
        }
        while (d > 0 && vm.classes.method(t.frameMethodIds[d]).isConstructor()
                && exClass.isAssignableTo(vm.classes.method(t.frameMethodIds[d]).owner)) {
            d--;
        }
        // The frames to record, innermost first: HotSpot leaves out @Hidden methods' (VmMethod.isHidden).
        int[] frames = new int[Math.min(d, MAX_STACK_TRACE_DEPTH)];
        int n = 0;
        for (int i = d; i > 0 && n < frames.length; i--) {
            if (!vm.classes.method(t.frameMethodIds[i]).isHidden()) {
                frames[n++] = i;
            }
        }
        // A failed null check's NullPointerException keeps its bci as a last, odd element (Throwable reads
        // length / 2 frames): NullPointerMessages computes the JDK's message from it when getMessage asks.
        int topBci = -1;
        if (t.failedNullCheck && n > 0 && vm.classes.method(t.frameMethodIds[d]).code != null
                && exClass == vm.classes.load("java/lang/NullPointerException")) {
            t.failedNullCheck = false;
            if (frames[0] == d) { // (the bci is of the innermost recorded frame: none if that one is hidden)
                topBci = vm.classes.method(t.frameMethodIds[d]).code.bciAt(t.framePcs[d]);
            }
        }
        int arr = vm.alloc.array(t, vm.classes.load("[I"), 2 * n + (topBci >= 0 ? 1 : 0));
        for (int i = 0; i < n; i++) {
            VmMethod m = vm.classes.method(t.frameMethodIds[frames[i]]);
            Code c = m.code;
            int line = c == null ? -1 : c.lineAt(t.framePcs[frames[i]]);
            vm.mem.putInt(ObjectLayout.offset(arr) + ARRAY_BASE_OFFSET + 8L * i, m.id);
            vm.mem.putInt(ObjectLayout.offset(arr) + ARRAY_BASE_OFFSET + 8L * i + 4, line);
        }
        if (topBci >= 0) {
            vm.mem.putInt(ObjectLayout.offset(arr) + ARRAY_BASE_OFFSET + 8L * n, topBci);
        }
        return arr;
    }
}
