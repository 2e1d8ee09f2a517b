import java.lang.ref.WeakReference;

/** Calls a library native toyvm does not implement: it must fail loudly, naming the method. */
public class Unsupported {
    public static void main(String[] args) throws Exception {
        Object referent = new Object();
        WeakReference<Object> ref = new WeakReference<>(referent);
        try {
            System.out.println("refers " + ref.refersTo(referent));
        } catch (UnsatisfiedLinkError e) {
            System.out.println("caught: " + e.getMessage());
        }
        System.out.println("refers " + ref.refersTo(referent));
    }
}
