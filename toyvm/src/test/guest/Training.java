/**
 * The training run for toyvm's AOT cache (see the launcher, ./uffd-gc): the other guest programs, each run
 * {@code args[0]} times, so the host JVM records the classes toyvm loads and the interpreter's profiles over
 * a broad mix of bytecodes (arithmetic, calls, exceptions, strings, collections, allocation).
 */
public class Training {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        for (int i = 0; i < rounds; i++) {
            run(Arith::main);
            run(Calls::main);
            run(Exceptions::main);
            run(Strings::main);
            run(Allocation::main);
            run(Collections2::main);
        }
        run(Language::main); // last: it ends with System.exit(7)
    }

    /** Runs one program's main; Exceptions deliberately ends with an uncaught exception. */
    private static void run(java.util.function.Consumer<String[]> main) {
        try {
            main.accept(new String[0]);
        } catch (RuntimeException e) {
            System.out.println("ended with " + e);
        }
    }
}
