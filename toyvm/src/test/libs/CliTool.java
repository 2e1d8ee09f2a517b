import org.apache.commons.cli.*;

/** A command-line tool's front end on commons-cli's oldest API (1.0 onwards): options, parsing, help. */
public class CliTool {
    public static void main(String[] args) throws Exception {
        Options options = new Options();
        options.addOption("v", "verbose", false, "print more");
        options.addOption("n", "count", true, "how many times");
        options.addOption("o", "output", true, "output file");
        options.addOption("h", "help", false, "show this help");
        String[][] runs = {{"-v", "-n", "3", "input.txt"}, {"--count=7", "--output", "out.bin", "a", "b"}, {"-h"}, {"-x"}};
        for (String[] argv : runs) {
            try {
                CommandLine cl = new PosixParser().parse(options, argv);
                System.out.println("verbose=" + cl.hasOption("v") + " count=" + cl.getOptionValue("n", "1")
                        + " output=" + cl.getOptionValue("o") + " rest=" + cl.getArgList());
                if (cl.hasOption("h")) {
                    new HelpFormatter().printHelp("tool", options);
                }
            } catch (ParseException e) {
                System.out.println("parse error: " + e.getMessage());
            }
        }
    }
}
