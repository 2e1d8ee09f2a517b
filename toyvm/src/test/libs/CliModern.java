import org.apache.commons.cli.*;

/** The same front end on the current commons-cli API: builders, DefaultParser, typed values, groups, help. */
public class CliModern {
    public static void main(String[] args) throws Exception {
        Options options = new Options()
                .addOption(Option.builder("v").longOpt("verbose").desc("print more").build())
                .addOption(Option.builder("n").longOpt("count").hasArg().argName("N").type(Number.class).desc("how many times").build())
                .addOption(Option.builder("D").hasArgs().valueSeparator('=').desc("a property").build())
                .addOption(Option.builder().longOpt("mode").hasArg().required().desc("fast or safe").build());
        String[][] runs = {{"-v", "-n", "3", "--mode", "fast", "in.txt"}, {"--mode=safe", "-Dkey=value", "-Dx=y", "rest"},
                {"-n", "x", "--mode", "a"}, {"-v"}, {"--verbose", "--mode", "fast", "--unknown"}};
        CommandLineParser parser = new DefaultParser();
        for (String[] argv : runs) {
            try {
                CommandLine cl = parser.parse(options, argv);
                Object n = cl.hasOption("n") ? cl.getParsedOptionValue("n") : null;
                System.out.println("verbose=" + cl.hasOption("verbose") + " n=" + n + " mode=" + cl.getOptionValue("mode")
                        + " D=" + cl.getOptionProperties("D") + " args=" + cl.getArgList());
            } catch (ParseException e) {
                System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        HelpFormatter help = new HelpFormatter();
        help.setWidth(72);
        help.printHelp("tool [options] files", "Process files.", options, "See the manual.", true);
    }
}
