import java.lang.StackWalker.Option;
import java.lang.StackWalker.StackFrame;
import java.lang.reflect.Method;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What application code does with java.lang.StackWalker: a logging helper that names its caller, getCallerClass
 * from a utility (the caller-sensitive pattern, also through Method.invoke), frames filtered, limited and counted
 * (a recursion deeper than a batch), the walker's options, walks from a constructor, a static initialiser (one
 * Class.forName runs: a @CallerSensitive frame), a lambda, a reflective call, a platform and a virtual thread
 * (Thread.runWith is @Hidden), a walk in a hot loop (compiled frames), Thread.getStackTrace beside it, misuse, and
 * System.Logger events on the console (stderr), whose source the logger finds by walking the stack. Only the
 * program's own frames are printed: the JDK's differ in line numbers and, with SHOW_REFLECT_FRAMES or
 * SHOW_HIDDEN_FRAMES, in which internal frames a VM has (toyvm's reflection and lambdas have none).
 */
public class StackWalking {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final StackWalker RETAINING = StackWalker.getInstance(Option.RETAIN_CLASS_REFERENCE);
    private static final String SELF = "StackWalking";
    static final String FROM_CLINIT = Init.where;

    /** The kind of helper a logging facade has: where was I called from? */
    static final class Where {
        static String caller() {
            return WALKER.walk(s -> s.skip(1).findFirst()).map(Where::describe).orElse("?");
        }

        static String describe(StackFrame f) {
            return f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
        }

        /** The caller-sensitive pattern: which class called the method that called this one. */
        static Class<?> callerClass() {
            return RETAINING.getCallerClass();
        }
    }

    static final class Init {
        static final String where = Where.caller();
    }

    static final class Service {
        final String createdBy;
        final Class<?> creator;

        Service() {
            createdBy = Where.caller();
            creator = Where.callerClass();
        }

        String handle(String request) {
            return request + " handled for " + Where.callerClass().getSimpleName() + " at " + Where.caller();
        }
    }

    /** Loaded by name, as plugin registries do: Class.forName, a @CallerSensitive method, runs its initialiser. */
    public static final class Plugin {
        static final List<String> LOADED_BY = callerSensitiveView();
        final List<String> createdBy = callerSensitiveView();

        /** The program's frames and the @CallerSensitive ones (ClassFrameInfo.toString tags those). */
        static List<String> callerSensitiveView() {
            return StackWalker.getInstance(Option.DROP_METHOD_INFO).walk(s -> s.map(Object::toString)
                    .filter(f -> f.startsWith(SELF) || f.contains("caller sensitive")).toList());
        }
    }

    static final class Client {
        String call(Service s) {
            return s.handle("ping");
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %2$s: %5$s%6$s%n");

        System.out.println("== callers");
        System.out.println("main called Where.caller from " + Where.caller());
        System.out.println("static initialiser: " + FROM_CLINIT);
        Service service = new Service();
        System.out.println("constructor: " + service.createdBy + ", class " + service.creator.getName());
        System.out.println(new Client().call(service));
        Supplier<String> lambda = () -> Where.caller() + " / " + Where.callerClass().getName();
        System.out.println("lambda: " + lambda.get());
        Method m = StackWalking.class.getDeclaredMethod("reflected");
        System.out.println("reflection: " + m.invoke(null));
        Method callerClass = Where.class.getDeclaredMethod("callerClass");
        System.out.println("getCallerClass through Method.invoke: " + ((Class<?>) callerClass.invoke(null)).getName());
        System.out.println("privileged: " + privileged());
        Class<?> plugin = Class.forName("StackWalking$Plugin");
        System.out.println("Class.forName ran the initialiser: " + Plugin.LOADED_BY);
        @SuppressWarnings("deprecation")
        Object made = plugin.newInstance();
        System.out.println("Class.newInstance: " + ((Plugin) made).createdBy);
        System.out.println("Constructor.newInstance: " + ((Plugin) plugin.getConstructor().newInstance()).createdBy);

        System.out.println("== frames");
        printFrames(WALKER, "default");
        printFrames(StackWalker.getInstance(Option.SHOW_REFLECT_FRAMES), "show reflect");
        printFrames(StackWalker.getInstance(EnumSet.of(Option.SHOW_HIDDEN_FRAMES, Option.RETAIN_CLASS_REFERENCE)), "show hidden");
        List<String> detail = RETAINING.walk(s -> s.limit(1).map(f -> f.getDeclaringClass().getSimpleName() + " "
                + f.getMethodName() + f.getDescriptor() + " type " + f.getMethodType() + " bci " + f.getByteCodeIndex()
                + " native " + f.isNativeMethod() + " ste " + f.toStackTraceElement()).toList());
        System.out.println("top frame: " + detail);
        List<String> classes = StackWalker.getInstance(Option.DROP_METHOD_INFO)
                .walk(s -> s.map(StackFrame::getClassName).filter(c -> c.startsWith(SELF)).toList());
        System.out.println("class names only: " + classes);

        System.out.println("== depth");
        for (int depth : new int[] {1, 7, 8, 40, 300}) {
            System.out.println("recursion " + depth + ": " + recurse(depth, WALKER) + " frames of recurse, "
                    + recurse(depth, StackWalker.getInstance(Set.of(), depth + 5)) + " with a depth estimate");
        }
        System.out.println("first 3 below: " + below(3));
        System.out.println("stack has main: " + WALKER.walk(s -> s.anyMatch(f -> f.getMethodName().equals("main"))));
        StackWalker.getInstance().forEach(f -> {
            if (f.getClassName().equals(SELF)) {
                System.out.println("forEach: " + f);
            }
        });

        System.out.println("== threads");
        AtomicReference<String> seen = new AtomicReference<>();
        Thread worker = new Thread(() -> seen.set(Where.caller() + " in " + Thread.currentThread().getName()
                + ", caller class " + Where.callerClass().getName()), "worker-1");
        worker.start();
        worker.join();
        System.out.println(seen.get());
        Thread virtual = Thread.ofVirtual().name("virtual-1").start(() -> seen.set(Where.caller() + " in "
                + Thread.currentThread().getName() + ", virtual " + Thread.currentThread().isVirtual()));
        virtual.join();
        System.out.println(seen.get());
        for (Thread.Builder builder : List.of(Thread.ofPlatform(), Thread.ofVirtual())) {
            // Thread.runWith, which runs a thread's task, is @Hidden: shown only with SHOW_HIDDEN_FRAMES.
            builder.start(() -> seen.set("virtual " + Thread.currentThread().isVirtual() + ": runWith by default "
                    + WALKER.walk(s -> s.anyMatch(f -> f.getMethodName().equals("runWith"))) + ", with SHOW_HIDDEN_FRAMES "
                    + StackWalker.getInstance(Option.SHOW_HIDDEN_FRAMES).walk(s -> s
                            .filter(f -> f.getMethodName().equals("runWith")).map(StackFrame::getClassName).toList())))
                    .join();
            System.out.println(seen.get());
        }

        System.out.println("== hot loop");
        // toyvm compiles a method at its 500th call: the last 100 walks pass hot's compiled frame, which must say
        // what its interpreted frame said (line and bci).
        int same = 0;
        String first = null;
        for (int i = 0; i < 600; i++) {
            String at = hot(i);
            if (first == null) {
                first = at;
            }
            same += at.equals(first) ? 1 : 0;
        }
        System.out.println("600 walks: " + same + " saw " + first);

        System.out.println("== compared with Thread.getStackTrace");
        StackTraceElement[] trace = Thread.currentThread().getStackTrace();
        List<String> fromTrace = java.util.Arrays.stream(trace).filter(e -> e.getClassName().startsWith(SELF))
                .map(StackTraceElement::toString).toList();
        List<String> fromWalker = WALKER.walk(s -> s.filter(f -> f.getClassName().startsWith(SELF))
                .map(f -> f.toStackTraceElement().toString()).toList());
        System.out.println("getStackTrace " + fromTrace);
        System.out.println("walker        " + fromWalker);

        System.out.println("== misuse");
        try {
            WALKER.getCallerClass();
        } catch (UnsupportedOperationException e) {
            System.out.println("getCallerClass without RETAIN_CLASS_REFERENCE: " + e.getMessage());
        }
        try {
            WALKER.walk(s -> s.findFirst().get().getDeclaringClass());
        } catch (UnsupportedOperationException e) {
            System.out.println("getDeclaringClass: " + e.getMessage());
        }
        try {
            StackWalker.getInstance(Option.DROP_METHOD_INFO).walk(s -> s.findFirst().get().getMethodName());
        } catch (UnsupportedOperationException e) {
            System.out.println("DROP_METHOD_INFO getMethodName: " + e.getClass().getSimpleName());
        }
        try {
            var leaked = WALKER.walk(s -> s);
            leaked.count();
        } catch (IllegalStateException e) {
            System.out.println("stream used after walk: " + e.getMessage());
        }
        try {
            StackWalker.getInstance(Set.of(), 0);
        } catch (IllegalArgumentException e) {
            System.out.println("estimate 0: " + e.getMessage());
        }

        System.out.println("== logger");
        System.Logger log = System.getLogger("app.orders");
        log.log(System.Logger.Level.INFO, "order {0} accepted for {1}", 1042, "alice");
        new OrderService(log).ship(1042);
        Thread.ofVirtual().start(() -> log.log(System.Logger.Level.INFO, "from a virtual thread")).join();
        log.log(System.Logger.Level.DEBUG, "not shown at the default level");
        log.log(System.Logger.Level.WARNING, () -> "stock low: " + 3);
        log.log(System.Logger.Level.ERROR, "payment failed", new IllegalStateException("card declined"));
        System.out.println("logged (see stderr)");
    }

    static final class OrderService {
        private final System.Logger log;

        OrderService(System.Logger log) {
            this.log = log;
        }

        void ship(int order) {
            log.log(System.Logger.Level.INFO, "shipping " + order);
        }
    }

    /** Libraries still wrap work in doPrivileged, a @CallerSensitive method: its frame says so. */
    @SuppressWarnings("removal")
    static String privileged() {
        return AccessController.doPrivileged((PrivilegedAction<String>) () -> RETAINING.getCallerClass().getName() + " "
                + StackWalker.getInstance(Option.DROP_METHOD_INFO).walk(s -> s.map(Object::toString)
                        .filter(f -> f.startsWith(SELF) || f.startsWith("java.security")).toList()));
    }

    static String reflected() {
        return Where.caller() + " / " + Where.callerClass().getName();
    }

    static void printFrames(StackWalker walker, String label) {
        List<String> own = walker.walk(s -> s.filter(f -> f.getClassName().startsWith(SELF))
                .map(f -> f.getMethodName() + ":" + f.getLineNumber()).collect(Collectors.toList()));
        System.out.println(label + ": " + own);
    }

    static long recurse(int n, StackWalker walker) {
        if (n > 1) {
            return recurse(n - 1, walker);
        }
        return walker.walk(s -> s.filter(f -> f.getMethodName().equals("recurse")).count());
    }

    static List<String> below(int n) {
        return WALKER.walk(s -> s.dropWhile(f -> f.getMethodName().equals("below")).limit(n)
                .map(f -> f.getMethodName()).toList());
    }

    /** Called often enough to be compiled: its own frame is then a compiled one. */
    static String hot(int i) {
        String at = WALKER.walk(s -> s.limit(2).map(f -> f.getMethodName() + ":" + f.getLineNumber() + "@" + f.getByteCodeIndex())
                .collect(Collectors.joining(" < ")));
        return i < 0 ? "" : at;
    }
}
