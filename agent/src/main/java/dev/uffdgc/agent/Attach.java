package dev.uffdgc.agent;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code java -jar uffd-gc.jar <pid> [options]} (what {@code ./uffd-gc attach} runs): loads this jar into the
 * running toyvm {@code pid} through the Attach API. The options are checked here first, so a typo never reaches
 * the target VM; so is the target (it exists, is a JVM, runs toyvm), so a wrong pid gets one line, not an
 * Attach API stack trace.
 *
 * <p>Exit status: {@value #OK} attached; {@value #FAILED} the attach or the agent's start in the target failed;
 * {@value #USAGE} bad arguments or agent options; {@value #NO_PROCESS} no process has that pid;
 * {@value #NOT_TOYVM} the process is not a JVM that accepts attach, or a JVM that is not running toyvm.
 */
public final class Attach {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NO_PROCESS = 3;
    public static final int NOT_TOYVM = 4;

    private Attach() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the attach; returns the exit status. Every failure is one line on {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2 || !args[0].matches("\\d{1,18}")) {
            err.println("usage: java -jar uffd-gc.jar <pid> [agent options]");
            err.print(AgentOptions.USAGE);
            return USAGE;
        }
        String pid = args[0];
        String options = args.length > 1 ? args[1] : "";
        try {
            AgentOptions.parse(options);
        } catch (IllegalArgumentException e) {
            err.println("uffd-gc attach: bad agent options: " + e.getMessage());
            err.print(AgentOptions.USAGE);
            return USAGE;
        }
        if (ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
            err.println("uffd-gc attach: no process with pid " + pid);
            return NO_PROCESS;
        }
        Optional<VirtualMachineDescriptor> target = VirtualMachine.list().stream()
                .filter(d -> d.id().equals(pid)).findFirst();
        if (target.isEmpty()) {
            err.println("uffd-gc attach: process " + pid + " is not a JVM that accepts attach (not Java, another"
                    + " user's, or started with -XX:+DisableAttachMechanism)");
            return NOT_TOYVM;
        }
        if (!isToyvm(target.get().displayName())) {
            err.println("uffd-gc attach: process " + pid + " is a JVM but not toyvm (it runs: "
                    + abbreviate(target.get().displayName()) + ")");
            return NOT_TOYVM;
        }
        try {
            String jar = Path.of(Attach.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            VirtualMachine vm = VirtualMachine.attach(target.get());
            try {
                vm.loadAgent(jar, options);
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | IOException | java.net.URISyntaxException e) {
            err.println("uffd-gc attach: cannot attach to process " + pid + ": " + e.getMessage());
            return FAILED;
        } catch (AgentLoadException | AgentInitializationException e) {
            err.println("uffd-gc attach: the agent failed to start in process " + pid + ": " + e.getMessage()
                    + " (see that process's stderr)");
            return FAILED;
        }
        out.println("uffd-gc: attached to " + pid + (options.isEmpty() ? "" : " with " + options));
        return OK;
    }

    /**
     * Whether a JVM's command (its {@code sun.java.command}: the main class or jar, then the arguments) runs
     * toyvm: {@code -jar .../toyvm.jar} or toyvm's CLI class.
     */
    static boolean isToyvm(String command) {
        String first = command.strip().split("\\s+", 2)[0];
        return first.endsWith("toyvm.jar") || first.equals("dev.uffdgc.toyvm.cli.Main");
    }

    private static String abbreviate(String s) {
        String t = s.isBlank() ? "<unknown command>" : s.strip();
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
