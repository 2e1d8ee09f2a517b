package dev.uffdgc.agent;

import com.sun.tools.attach.VirtualMachine;
import java.nio.file.Path;

/**
 * {@code java -jar uffd-gc.jar <pid> [options]} (what {@code ./uffd-gc attach} runs): loads this jar into the
 * running toyvm {@code pid} through the Attach API. The options are checked here first, so a typo never reaches
 * the target VM.
 */
public final class Attach {
    private Attach() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || !args[0].matches("\\d+")) {
            System.err.println("usage: java -jar uffd-gc.jar <pid> [agent options]");
            System.err.print(AgentOptions.USAGE);
            System.exit(2);
        }
        String options = args.length > 1 ? args[1] : "";
        try {
            AgentOptions.parse(options);
        } catch (IllegalArgumentException e) {
            System.err.println("uffd-gc attach: bad agent options: " + e.getMessage());
            System.err.print(AgentOptions.USAGE);
            System.exit(2);
        }
        String jar = Path.of(Attach.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgent(jar, options);
        } finally {
            vm.detach();
        }
        System.out.println("uffd-gc: attached to " + args[0] + (options.isEmpty() ? "" : " with " + options));
    }
}
