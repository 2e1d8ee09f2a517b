/**
 * Calls a library native toyvm does not implement (the process tree's: toyvm answers the current process's pid, not
 * its parent): it must fail loudly, naming it, catchable the first time and uncaught the second.
 */
public class Unsupported {
    public static void main(String[] args) throws Exception {
        try {
            System.out.println("parent " + ProcessHandle.current().parent().isPresent());
        } catch (UnsatisfiedLinkError e) {
            System.out.println("caught: " + e.getMessage());
        }
        System.out.println("parent " + ProcessHandle.current().parent().isPresent());
    }
}
