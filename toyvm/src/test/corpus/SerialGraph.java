import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Externalizable;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInput;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serial;
import java.io.Serializable;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Java serialization the way applications use it to save and restore state: an object graph with cycles and
 * shared nodes, transient caches rebuilt by readObject, custom writeObject/readObject hooks, an Externalizable
 * type, a singleton kept by readResolve, a non-serializable base class, enums, collections, a class without a
 * serialVersionUID (so the default one is computed from the class), and the errors: a field that is not
 * serializable, a validation failure in readObject. The stream bytes are printed as a digest: they must be the same
 * as HotSpot's, byte for byte.
 */
public class SerialGraph {
    enum Role { ADMIN, USER, GUEST }

    /** Not serializable: its no-arg constructor runs again on deserialization. */
    static class Entity {
        String origin = "constructed";

        Entity() {
        }
    }

    static class Person extends Entity implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        final String name;
        Role role;
        final List<Person> friends = new ArrayList<>();
        Person manager;
        transient int lookups = 42;

        Person(String name, Role role) {
            this.name = name;
            this.role = role;
            this.origin = "new";
        }

        @Override
        public String toString() {
            return name + "(" + role + ", friends " + friends.size() + ", manager "
                    + (manager == null ? "-" : manager.name) + ", lookups " + lookups + ", origin " + origin + ")";
        }
    }

    /** No serialVersionUID: the default is a hash of the class's shape, which both VMs must compute alike. */
    static class Counter implements Serializable {
        private int count;
        private transient String label;
        static int instances;

        static {
            instances = 0;
        }

        Counter(int count) {
            this.count = count;
            this.label = "counter-" + count;
        }

        @Serial
        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            out.writeUTF(label.toUpperCase());
        }

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            if (count < 0) {
                throw new InvalidObjectException("negative count " + count);
            }
            label = in.readUTF().toLowerCase() + " (restored)";
        }
    }

    static final class Settings implements Externalizable {
        final Map<String, String> values = new TreeMap<>();

        public Settings() {
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeInt(values.size());
            for (Map.Entry<String, String> e : values.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException {
            for (int i = in.readInt(); i > 0; i--) {
                values.put(in.readUTF(), in.readUTF());
            }
        }
    }

    static final class Registry implements Serializable {
        static final Registry INSTANCE = new Registry();
        @Serial
        private static final long serialVersionUID = 7L;

        private Registry() {
        }

        @Serial
        private Object readResolve() {
            return INSTANCE;
        }
    }

    static class Holder implements Serializable {
        @Serial
        private static final long serialVersionUID = 3L;
        Object payload = new Object();
    }

    static byte[] write(Object... objects) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (Object o : objects) {
                out.writeObject(o);
            }
        }
        return bytes.toByteArray();
    }

    static String digest(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)).substring(0, 16);
    }

    public static void main(String[] args) throws Exception {
        Person ann = new Person("ann", Role.ADMIN);
        Person bob = new Person("bob", Role.USER);
        Person cy = new Person("cy", Role.GUEST);
        ann.friends.add(bob);
        bob.friends.add(ann);
        bob.friends.add(cy);
        cy.manager = ann;
        bob.manager = ann;
        Settings settings = new Settings();
        settings.values.put("theme", "dark");
        settings.values.put("lang", "en");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("ids", new int[] {3, 1, 4, 1, 5});
        extra.put("names", new String[] {"x", "y"});
        extra.put("scores", new HashMap<>(Map.of("ann", 9.5)));
        extra.put("big", new java.math.BigInteger("123456789012345678901234567890"));

        byte[] data = write(ann, new Counter(5), settings, Registry.INSTANCE, extra, Role.GUEST, "done");
        System.out.println("stream: " + data.length + " bytes, sha-256 " + digest(data));
        System.out.println("Counter default serialVersionUID: "
                + ObjectStreamClass.lookup(Counter.class).getSerialVersionUID());

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            Person a = (Person) in.readObject();
            Person b = a.friends.get(0);
            System.out.println(a);
            System.out.println(b);
            System.out.println(b.friends.get(1));
            System.out.println("cycle kept: " + (b.friends.get(0) == a) + ", shared manager: "
                    + (b.friends.get(1).manager == a));
            Counter c = (Counter) in.readObject();
            System.out.println("counter " + c.count + " " + c.label);
            System.out.println("settings " + ((Settings) in.readObject()).values);
            System.out.println("singleton kept: " + (in.readObject() == Registry.INSTANCE));
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) in.readObject();
            System.out.println("ids " + java.util.Arrays.toString((int[]) m.get("ids")) + ", names "
                    + java.util.Arrays.toString((String[]) m.get("names")) + ", scores " + m.get("scores")
                    + ", big " + m.get("big"));
            System.out.println("enum identity: " + (in.readObject() == Role.GUEST) + ", last: " + in.readObject());
        }

        try {
            write(new Holder());
        } catch (NotSerializableException e) {
            System.out.println("not serializable: " + e.getMessage());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(write(new Counter(-1))))) {
            in.readObject();
        } catch (InvalidObjectException e) {
            System.out.println("rejected: " + e.getMessage());
        }
    }
}
