import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;

/** Records through Java serialization: written by their components and read back through the canonical constructor. */
public class SerialRecords {
    record Point(int x, int y) implements Serializable { }

    record Line(String name, List<Point> points) implements Serializable {
        Line {
            if (points.isEmpty()) {
                throw new IllegalArgumentException("empty line " + name);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Line("diagonal", List.of(new Point(0, 0), new Point(3, 3))));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            System.out.println(in.readObject());
        }
    }
}
