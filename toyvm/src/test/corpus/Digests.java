import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * An md5sum/sha256sum-style checksum tool: digests of each file given (read whole, and streamed through a
 * DigestInputStream in small chunks), of a few strings, name-based UUIDs, and what a missing file gives.
 * Usage: Digests <file>...
 */
public class Digests {
    public static void main(String[] args) throws Exception {
        for (String a : args) {
            Path p = Path.of(a);
            byte[] data = Files.readAllBytes(p);
            for (String alg : new String[] {"MD5", "SHA-1", "SHA-256"}) {
                System.out.println(hex(MessageDigest.getInstance(alg).digest(data)) + "  " + p.getFileName() + " (" + alg + ")");
            }
            System.out.println(streamed(p, "SHA-256").equals(hex(MessageDigest.getInstance("SHA-256").digest(data)))
                    ? "streamed digest matches" : "streamed digest DIFFERS");
        }
        for (String s : new String[] {"", "abc", "The quick brown fox jumps over the lazy dog"}) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(s.getBytes(StandardCharsets.UTF_8));
            System.out.println("md5(\"" + s + "\") = " + hex(md5.digest()));
            System.out.println("uuid(\"" + s + "\") = " + UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8)));
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-512");
        System.out.println(sha.getAlgorithm() + " " + sha.getDigestLength() + " bytes, provider " + sha.getProvider().getName());
        System.out.println(HexFormat.of().formatHex(sha.digest("x".getBytes(StandardCharsets.UTF_8)), 0, 8));
        try {
            Files.readAllBytes(Path.of(args[0] + ".missing"));
        } catch (IOException e) {
            System.out.println(e.getClass().getName() + " for " + Path.of(e.getMessage()).getFileName());
        }
    }

    static String streamed(Path p, String alg) throws Exception {
        MessageDigest md = MessageDigest.getInstance(alg);
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
            byte[] buf = new byte[7];
            while (in.read(buf) != -1) {
                // the digest sees every byte read
            }
        }
        return hex(md.digest());
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }
}
