import java.util.*;
import org.apache.commons.lang3.*;
import org.apache.commons.lang3.builder.*;
import org.apache.commons.lang3.math.NumberUtils;
import org.apache.commons.lang3.time.DurationFormatUtils;

/** commons-lang3 as application code uses it: string utilities, arrays, numbers, builders, escaping, durations. */
public class LangTool {
    static final class Point {
        final int x;
        final String label;
        Point(int x, String label) { this.x = x; this.label = label; }
        @Override public boolean equals(Object o) {
            return o instanceof Point p && new EqualsBuilder().append(x, p.x).append(label, p.label).isEquals();
        }
        @Override public int hashCode() { return new HashCodeBuilder(17, 37).append(x).append(label).toHashCode(); }
        @Override public String toString() {
            return new ToStringBuilder(this, ToStringStyle.SHORT_PREFIX_STYLE).append("x", x).append("label", label).toString();
        }
    }

    public static void main(String[] args) {
        System.out.println(StringUtils.capitalize("hello") + " " + StringUtils.abbreviate("The quick brown fox", 10) + " "
                + StringUtils.leftPad("42", 6, '0') + " " + StringUtils.center("mid", 9, '*') + " " + StringUtils.reverse("abc"));
        System.out.println(StringUtils.isBlank("  ") + " " + StringUtils.defaultIfEmpty("", "dflt") + " " + StringUtils.join(List.of(1, 2, 3), "-")
                + " " + StringUtils.countMatches("banana", "an") + " " + StringUtils.substringBetween("a[b]c", "[", "]")
                + " " + StringUtils.splitByCharacterTypeCamelCase("parseHTTPResponse").length + " " + StringUtils.difference("abcde", "abxyz"));
        System.out.println(StringUtils.wrap("q", "'") + " " + StringUtils.getLevenshteinDistance("kitten", "sitting") + " "
                + StringUtils.stripAccents("éàü") + " " + StringUtils.swapCase("MiXeD") + " " + StringUtils.repeat("ab", ",", 3));
        int[] a = {3, 1, 2};
        System.out.println(Arrays.toString(ArrayUtils.add(a, 9)) + " " + ArrayUtils.contains(a, 2) 
                + " " + ArrayUtils.toString(ArrayUtils.toObject(a)) + " " + ArrayUtils.indexOf(a, 1) + " " + ArrayUtils.isEmpty(new int[0]));
        System.out.println(NumberUtils.toInt("12x", -1) + " " + NumberUtils.isCreatable("1.5e3") + " " + NumberUtils.max(4, 9, 2) + " "
                + NumberUtils.createNumber("0x1F") + " " + NumberUtils.toDouble("2.5"));
        Point p = new Point(3, "p");
        System.out.println(p + " " + p.equals(new Point(3, "p")) + " " + (p.hashCode() == new Point(3, "p").hashCode()) + " "
                + new CompareToBuilder().append(1, 2).append("a", "a").toComparison());
        System.out.println(StringEscapeUtils.escapeJava("tab\t\"q\"\n") + " " + StringEscapeUtils.escapeHtml4("<a href=\"x\">&</a>") + " "
                + StringEscapeUtils.unescapeXml("&lt;b&gt;"));
        System.out.println(DurationFormatUtils.formatDuration(3_723_004L, "HH:mm:ss.SSS") + " " + DurationFormatUtils.formatDurationWords(93_784_000L, true, true));
        System.out.println(ObjectUtils.firstNonNull(null, "first", "second") + " " + ObjectUtils.defaultIfNull(null, 5) + " "
                + BooleanUtils.toStringYesNo(true) + " " + CharUtils.isAsciiAlpha('x') + " " + ClassUtils.getShortClassName(LangTool.class)
                + " " + SystemUtils.IS_OS_LINUX);
        try {
            Validate.isTrue(1 > 2, "must be bigger: %d", 1);
        } catch (IllegalArgumentException e) {
            System.out.println("validate: " + e.getMessage());
        }
        System.out.println(org.apache.commons.lang3.text.WordUtils.wrap("a long line of words that needs to wrap at twenty", 20));
    }
}
