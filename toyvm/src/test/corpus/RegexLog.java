import java.util.*;
import java.util.regex.*;

/** Parsing log lines with regular expressions: groups, named groups, find loops, flags, quantifiers. */
public class RegexLog {
    public static void main(String[] args) {
        String[] log = {
            "2024-03-01 12:00:01 INFO  [main] started in 532 ms",
            "2024-03-01 12:00:02 WARN  [worker-3] slow request /api/items?id=42 took 1200 ms",
            "2024-03-01 12:00:05 ERROR [worker-1] java.io.IOException: connection reset",
            "garbage line",
            "2024-03-01 12:01:00 INFO  [main] shutdown after 59 s",
        };
        Pattern p = Pattern.compile("(?<date>\\d{4}-\\d{2}-\\d{2}) (?<time>[\\d:]+) (?<level>[A-Z]+)\\s+\\[(?<thread>[^\\]]+)\\] (?<msg>.*)");
        Map<String, Integer> levels = new TreeMap<>();
        for (String l : log) {
            Matcher m = p.matcher(l);
            if (!m.matches()) {
                System.out.println("no match: " + l);
                continue;
            }
            levels.merge(m.group("level"), 1, Integer::sum);
            System.out.println(m.group("time") + " " + m.group("thread") + " -> " + m.group("msg"));
        }
        System.out.println(levels);
        Matcher nums = Pattern.compile("(\\d+) (ms|s)\\b").matcher(String.join("\n", log));
        while (nums.find()) {
            System.out.println("duration " + nums.group(1) + nums.group(2) + " at " + nums.start());
        }
        System.out.println(Pattern.compile("^\\d{4}", Pattern.MULTILINE).matcher(String.join("\n", log)).results().count());
        System.out.println(Pattern.matches("[a-z]+@[a-z]+\\.(com|org)", "dev@example.org") + " "
                + "HeLLo".matches("(?i)hello") + " " + Pattern.compile("a*b").matcher("aaab xab b").replaceAll("<$0>"));
        System.out.println(Arrays.toString("k1=v1; k2 = v2;k3=v3".split("\\s*;\\s*")));
        System.out.println(Pattern.quote("1+1=2") + " " + "1+1=2".replaceAll(Pattern.quote("+"), " plus "));
    }
}
