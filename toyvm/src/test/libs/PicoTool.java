import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * picocli as its quick guide shows it: an annotated command (@Command, @Option, @Parameters) with the standard
 * help options, defaults, typed and multi-valued options, an enum with its candidates, a map option, exclusive
 * argument groups, a mixin, subcommands as classes and as methods, a custom converter, usage help with wrapped
 * descriptions, parse errors and exit codes.
 */
@Command(name = "calc", mixinStandardHelpOptions = true, version = {"calc 1.0", "picocli on a guest"},
        description = "Sums numbers, scaled. A long description to make picocli wrap the text of the usage help over several lines.",
        subcommands = {CommandLine.HelpCommand.class, PicoTool.Stats.class}, footer = "%nExit code: 1 above the limit.")
public class PicoTool implements Callable<Integer> {
    enum Mode { SUM, PRODUCT, MAX }

    static class Verbosity {
        @Option(names = {"-v", "--verbose"}, description = "Verbose output; repeat for more.")
        boolean[] verbose = new boolean[0];
    }

    static class Exclusive {
        @Option(names = "--limit", description = "Upper limit.") int limit;
        @Option(names = "--unlimited", description = "No limit.") boolean unlimited;
    }

    @Mixin Verbosity verbosity;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--scale"}, defaultValue = "1", description = "Scale (default: ${DEFAULT-VALUE}).") int scale;
    @Option(names = {"-m", "--mode"}, defaultValue = "SUM", description = "One of: ${COMPLETION-CANDIDATES}.") Mode mode;
    @Option(names = "-D", mapFallbackValue = "", description = "Properties.") Map<String, String> props;
    @Option(names = "--rate", converter = PercentConverter.class, description = "A rate like 12%%.") BigDecimal rate;
    @Option(names = "--tag", split = ",", description = "Tags.") List<String> tags = new ArrayList<>();
    @ArgGroup(exclusive = true) Exclusive exclusive;
    @Parameters(paramLabel = "N", description = "numbers") List<Long> numbers = new ArrayList<>();

    static class PercentConverter implements CommandLine.ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            if (!value.endsWith("%")) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a percentage");
            }
            return new BigDecimal(value.substring(0, value.length() - 1)).movePointLeft(2);
        }
    }

    @Command(name = "stats", description = "Statistics of the numbers.")
    static class Stats implements Runnable {
        @ParentCommand PicoTool parent;
        @Parameters(arity = "1..*") double[] values;
        @Option(names = "--precision", defaultValue = "2") int precision;

        @Override
        public void run() {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            System.out.printf("n=%d mean=%." + precision + "f scale=%d%n", values.length, sum / values.length, parent.scale);
        }
    }

    @Command(name = "echo", description = "Prints its arguments.")
    int echo(@Parameters(paramLabel = "WORD") String[] words, @Option(names = "-n") boolean noNewline) {
        System.out.print(String.join(" ", words) + (noNewline ? "" : "\n"));
        return words.length;
    }

    @Override
    public Integer call() {
        long result = switch (mode) {
            case SUM -> numbers.stream().mapToLong(Long::longValue).sum();
            case PRODUCT -> numbers.stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
            case MAX -> numbers.stream().mapToLong(Long::longValue).max().orElse(0);
        };
        result *= scale;
        if (verbosity.verbose.length > 0) {
            System.out.println("numbers " + numbers + " scale " + scale + " mode " + mode + " props " + props + " rate " + rate
                    + " tags " + tags + " verbosity " + verbosity.verbose.length);
        }
        System.out.println(spec.name() + " " + mode.name().toLowerCase() + " " + result);
        if (exclusive != null && !exclusive.unlimited && result > exclusive.limit) {
            return 1;
        }
        return 0;
    }

    public static void main(String[] args) {
        String[][] runs = {
            {"-v", "-s", "3", "1", "2", "3"},
            {"-vvv", "--mode=PRODUCT", "-Dk=v", "-Dflag", "--rate", "12.5%", "--tag", "a,b", "--tag=c", "2", "5"},
            {"--help"},
            {"--version"},
            {"--bogus"},
            {"--mode", "MEDIAN", "1"},
            {"--rate", "7", "1"},
            {"--limit", "10", "50", "1"},
            {"--limit", "10", "--unlimited", "1"},
            {"-s", "x"},
            {"stats", "1", "2", "4"},
            {"-s", "4", "stats", "--precision", "4", "1", "2"},
            {"stats"},
            {"echo", "-n", "hello", "world"},
            {"help", "stats"},
        };
        for (String[] run : runs) {
            CommandLine cl = new CommandLine(new PicoTool());
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(run);
            System.out.println("[" + String.join(" ", run) + "] exit " + code + (err.toString().isEmpty() ? "" : " err:\n" + err));
        }
        CommandLine cl = new CommandLine(new PicoTool());
        try {
            cl.parseArgs("--scale");
        } catch (ParameterException e) {
            System.out.println("parseArgs: " + e.getMessage());
        }
        CommandLine.ParseResult pr = cl.parseArgs("-m", "MAX", "7", "9");
        System.out.println("matched " + pr.matchedOptions().size() + " " + pr.matchedPositionals().size() + " "
                + cl.getCommandSpec().optionsMap().keySet().stream().sorted().toList() + " subcommands " + cl.getSubcommands().keySet());
    }
}
