import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.annotations.Expose;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;
import com.google.gson.annotations.Since;
import com.google.gson.annotations.Until;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gson as its user guide shows it: reflective (de)serialization of classes, generics through TypeToken, records,
 * the annotations (@SerializedName with alternates, @Expose, @Since/@Until, @JsonAdapter), field naming policies,
 * nulls and pretty printing, the JsonElement tree, the streaming JsonReader/JsonWriter and a custom TypeAdapter.
 */
public class GsonTool {
    enum Status { @SerializedName("active") ACTIVE, @SerializedName("gone") DELETED }

    static class Address {
        String street;
        @SerializedName(value = "zip_code", alternate = {"zip", "postcode"}) int zip;

        Address(String street, int zip) {
            this.street = street;
            this.zip = zip;
        }
    }

    static class Person {
        @Expose String name;
        @Expose(serialize = false) int age;
        @Expose(deserialize = false) double score;
        boolean active;
        List<String> tags;
        Address address;
        Map<String, Integer> counts = new TreeMap<>();
        transient String secret = "x";
        Integer missing;
        Status status = Status.ACTIVE;
        @Since(2.0) String addedLater = "v2";
        @Until(1.5) String removedLater = "v1";
        @JsonAdapter(UpperCase.class) String shout = "quiet words";
    }

    record Point(int x, int y) { }

    static class Box<T> {
        T value;
        List<T> more = new ArrayList<>();
    }

    static class UpperCase extends TypeAdapter<String> {
        @Override
        public void write(JsonWriter out, String value) throws IOException {
            out.value(value.toUpperCase());
        }

        @Override
        public String read(JsonReader in) throws IOException {
            return in.nextString().toLowerCase();
        }
    }

    /** A hand-written adapter for a type Gson should not reflect on: a point as "x,y". */
    static class PointAdapter extends TypeAdapter<Point> {
        @Override
        public void write(JsonWriter out, Point p) throws IOException {
            out.value(p.x() + "," + p.y());
        }

        @Override
        public Point read(JsonReader in) throws IOException {
            String[] xy = in.nextString().split(",");
            return new Point(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]));
        }
    }

    static Person person() {
        Person p = new Person();
        p.name = "Ada";
        p.age = 36;
        p.score = 98.5;
        p.active = true;
        p.tags = List.of("math", "engines");
        p.address = new Address("Baker St", 12345);
        p.counts.put("a", 1);
        p.counts.put("b", 2);
        return p;
    }

    public static void main(String[] args) throws IOException {
        Gson gson = new Gson();
        String json = gson.toJson(person());
        System.out.println(json);
        Person back = gson.fromJson(json, Person.class);
        System.out.println(back.name + " " + back.age + " " + back.tags + " " + back.address.street + " " + back.address.zip + " "
                + back.counts + " " + back.counts.get("a").getClass().getSimpleName() + " " + back.secret + " " + back.status
                + " " + back.shout);
        Address alt = gson.fromJson("{\"street\":\"Elm\",\"postcode\":999}", Address.class);
        System.out.println("alternate " + alt.street + " " + alt.zip + " " + gson.fromJson("\"gone\"", Status.class));

        Gson exposed = new GsonBuilder().excludeFieldsWithoutExposeAnnotation().create();
        String ex = exposed.toJson(person());
        Person exBack = exposed.fromJson("{\"name\":\"Bo\",\"age\":7,\"score\":1.5,\"active\":true}", Person.class);
        System.out.println("expose " + ex + " -> " + exBack.name + " " + exBack.age + " " + exBack.score + " " + exBack.active);
        System.out.println("version 1.0 " + new GsonBuilder().setVersion(1.0).create().toJsonTree(person()).getAsJsonObject().keySet());
        System.out.println("version 2.0 " + new GsonBuilder().setVersion(2.0).create().toJsonTree(person()).getAsJsonObject().keySet());

        Gson pretty = new GsonBuilder().setPrettyPrinting().serializeNulls()
                .setFieldNamingPolicy(FieldNamingPolicy.UPPER_CAMEL_CASE).create();
        System.out.println(pretty.toJson(person()));
        Gson dashes = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_DASHES).create();
        System.out.println(dashes.toJson(new Address("Main", 1)));

        List<Point> pts = gson.fromJson("[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4}]", new TypeToken<List<Point>>() { }.getType());
        System.out.println(pts + " " + gson.toJson(pts));
        Box<Point> box = new Box<>();
        box.value = new Point(5, 6);
        box.more.add(new Point(7, 8));
        String boxJson = gson.toJson(box, new TypeToken<Box<Point>>() { }.getType());
        Box<Point> boxBack = gson.fromJson(boxJson, new TypeToken<Box<Point>>() { }.getType());
        System.out.println("box " + boxJson + " " + boxBack.value + " " + boxBack.more);
        Map<String, List<Integer>> nested = gson.fromJson("{\"odd\":[1,3],\"even\":[2]}",
                new TypeToken<LinkedHashMap<String, List<Integer>>>() { }.getType());
        System.out.println("nested " + nested + " " + nested.get("odd").get(0).getClass().getSimpleName());
        Map<String, Object> m = gson.fromJson("{\"k\":1.5,\"l\":[true,\"s\",null],\"o\":{\"p\":2}}",
                new TypeToken<Map<String, Object>>() { }.getType());
        System.out.println(m + " " + m.getClass().getSimpleName());

        JsonObject tree = JsonParser.parseString("{\"a\":[1,2,{\"b\":null}],\"c\":\"d\",\"e\":1e3}").getAsJsonObject();
        JsonArray a = tree.getAsJsonArray("a");
        a.add("added");
        tree.addProperty("f", false);
        System.out.println(a.size() + " " + tree.get("c").getAsString() + " " + tree.get("e").getAsDouble() + " " + tree);
        System.out.println(gson.fromJson(tree.get("a").getAsJsonArray().get(2), Map.class));

        StringWriter sw = new StringWriter();
        try (JsonWriter w = new JsonWriter(sw)) {
            w.setIndent(" ");
            w.beginObject().name("n").value(1).name("list").beginArray().value("x").nullValue().value(2.5).endArray()
                    .name("deep").beginObject().name("t").value(true).endObject().endObject();
        }
        System.out.println(sw);
        try (JsonReader r = new JsonReader(new StringReader("{\"n\":1,\"list\":[\"x\",null,2.5],\"skip\":{\"a\":[1]},\"t\":true}"))) {
            StringBuilder sb = new StringBuilder();
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                switch (name) {
                    case "n" -> sb.append("n=").append(r.nextInt());
                    case "list" -> {
                        r.beginArray();
                        while (r.hasNext()) {
                            sb.append(' ').append(r.peek());
                            r.skipValue();
                        }
                        r.endArray();
                    }
                    case "t" -> sb.append(" t=").append(r.nextBoolean());
                    default -> {
                        sb.append(" skipped ").append(name);
                        r.skipValue();
                    }
                }
            }
            r.endObject();
            System.out.println(sb);
        }

        Gson custom = new GsonBuilder().registerTypeAdapter(Point.class, new PointAdapter()).create();
        String cj = custom.toJson(List.of(new Point(1, 2), new Point(-3, 4)));
        System.out.println("adapter " + cj + " " + custom.fromJson(cj, new TypeToken<List<Point>>() { }.getType()));

        for (String bad : new String[] {"{bad", "{\"age\":\"old\"}", "[1,2"}) {
            try {
                gson.fromJson(bad, Person.class);
                System.out.println("parsed " + bad);
            } catch (JsonSyntaxException e) {
                System.out.println("syntax: " + e.getMessage());
            }
        }
        long sum = 0;
        for (int i = 0; i < 2000; i++) {
            sum += gson.toJson(new Point(i, -i)).length() + gson.fromJson("{\"x\":" + i + ",\"y\":1}", Point.class).x();
        }
        System.out.println("sum " + sum);
    }
}
