import java.util.TimeZone;

/** Calls a library native toyvm does not implement (the host's time zone): it must fail loudly, naming it. */
public class Unsupported {
    public static void main(String[] args) throws Exception {
        try {
            System.out.println("zone " + TimeZone.getDefault().getID());
        } catch (UnsatisfiedLinkError e) {
            System.out.println("caught: " + e.getMessage());
        }
        System.out.println("zone " + TimeZone.getDefault().getID());
    }
}
