import java.io.*;

/** Binary records through DataOutputStream over a small BufferedOutputStream, read back through DataInputStream. */
public class DataStreams {
    public static void main(String[] args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes, 16))) {
            out.writeInt(0xCAFEBABE);
            out.writeUTF("héllo wörld");
            out.writeDouble(Math.PI);
            out.writeLong(-2L);
        }
        byte[] b = bytes.toByteArray();
        System.out.println(b.length + " bytes");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new ByteArrayInputStream(b)))) {
            System.out.println(Integer.toHexString(in.readInt()) + " " + in.readUTF() + " " + in.readDouble() + " " + in.readLong());
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            in.skipBytes(4);
            System.out.println("utf length " + in.readUnsignedShort());
        }
    }
}
