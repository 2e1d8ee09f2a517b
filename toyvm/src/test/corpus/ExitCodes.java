/** Output on both streams, then System.exit with a status: what scripts check. */
public class ExitCodes {
    public static void main(String[] args) {
        System.out.println("to stdout");
        System.err.println("to stderr");
        System.err.printf("error count: %d%n", 2);
        System.out.print("no newline");
        System.out.flush();
        Runtime.getRuntime().exit(args.length == 0 ? 3 : Integer.parseInt(args[0]));
    }
}
