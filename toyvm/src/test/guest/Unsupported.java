import java.util.zip.Deflater;

/**
 * Calls a library native toyvm does not implement (zlib's deflate: toyvm supplies only zip's checksums): it must
 * fail loudly, naming it, catchable the first time and uncaught the second.
 */
public class Unsupported {
    public static void main(String[] args) throws Exception {
        try {
            System.out.println("deflated " + new Deflater().getBytesRead());
        } catch (UnsatisfiedLinkError e) {
            System.out.println("caught: " + e.getMessage());
        }
        System.out.println("deflated " + new Deflater().getBytesRead());
    }
}
