import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs messages with HMAC-SHA256, as API clients sign their requests. */
public class HmacSign {
    public static void main(String[] args) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (String m : new String[] {"", "The quick brown fox jumps over the lazy dog"}) {
            System.out.println(HexFormat.of().formatHex(mac.doFinal(m.getBytes(StandardCharsets.UTF_8))) + "  \"" + m + "\"");
        }
    }
}
