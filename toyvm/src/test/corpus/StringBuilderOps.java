/** StringBuilder's editing operations and String's everyday methods. */
public class StringBuilderOps {
    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder("hello world");
        sb.insert(0, ">> ").append('!').append(42).append(3.5).append(true).append((Object) null);
        System.out.println(sb + " len=" + sb.length());
        sb.reverse();
        System.out.println(sb);
        sb.reverse().setCharAt(3, 'H');
        sb.deleteCharAt(sb.length() - 1).delete(0, 3).replace(0, 5, "HELLO");
        System.out.println(sb + " " + sb.indexOf("o") + " " + sb.lastIndexOf("l") + " " + sb.charAt(1));
        sb.setLength(5);
        System.out.println(sb.insert(2, 3.25).insert(0, new char[] {'[', '['}).append("]]") + " " + sb.substring(2, 6));
        String s = "  The Quick Brown Fox  ";
        System.out.println("[" + s.strip() + "][" + s.stripLeading() + "][" + s.stripTrailing() + "] " + s.isBlank());
        System.out.println(s.trim().toUpperCase() + " " + s.trim().toLowerCase() + " " + s.indexOf("Quick") + " " + s.contains("Fox"));
        System.out.println(String.join("|", "a", "b", "c") + " " + "ab".repeat(3) + " " + "Mississippi".replace("ss", "SS")
                + " " + "Mississippi".lastIndexOf('s') + " " + "abc".compareTo("abd") + " " + "b".compareToIgnoreCase("A"));
        System.out.println(new StringBuilder().appendCodePoint(0x1F600).length() + " " + "x".equals(new String("x")) + " "
                + String.valueOf(new char[] {'o', 'k'}) + " " + "a-b-c".chars().filter(c -> c == '-').count());
        System.out.println(new StringBuilder("abc").compareTo(new StringBuilder("abd")) + " " + "Hello".charAt(4) + " "
                + String.valueOf((Object) null) + " " + "%s=%d".formatted("x", 5) + " " + "A".hashCode() + " " + "hello".hashCode());
    }
}
