import java.util.regex.*;

/** Rewriting text with regexes: back references, appendReplacement, lookaround, split limits. */
public class RegexReplace {
    public static void main(String[] args) {
        System.out.println("2024-03-01".replaceAll("(\\d+)-(\\d+)-(\\d+)", "$3/$2/$1"));
        System.out.println("camelCaseToSnakeCase".replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase());
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher("Hello ${name}, you owe ${amount}!");
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, m.group(1).equals("name") ? "Ada" : "\\$10");
        }
        m.appendTail(sb);
        System.out.println(sb);
        System.out.println("price: 100USD 200EUR 300USD".replaceAll("\\d+(?=USD)", "#"));
        System.out.println("a,b,,c,,".split(",").length + " " + "a,b,,c,,".split(",", -1).length + " " + "a,b,,c,,".split(",", 2)[1]);
        System.out.println("  many   spaces here ".trim().replaceAll("\\s+", " "));
        System.out.println(Pattern.compile("(\\w)\\1").matcher("bookkeeper").results().map(MatchResult::group).toList());
        System.out.println("x1y22z333".replaceFirst("\\d+", "N") + " " + "αβγ".matches("\\p{L}+") + " " + "tab\there".split("\\t")[1]);
    }
}
