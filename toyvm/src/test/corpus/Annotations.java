import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Annotations read the way frameworks read them: an ORM mapping fields by @Column, a validator checking @Range,
 * a command dispatcher finding @Command methods and their @Arg parameters; retention, @Inherited, repeatable
 * annotations, every kind of member (primitives, String, enum, Class, arrays, nested annotations), defaults,
 * equals/hashCode/toString of the instances, type annotations and record components.
 */
public class Annotations {
    enum Level { LOW, MEDIUM, HIGH }

    @Retention(RetentionPolicy.RUNTIME) @Inherited @Documented
    @interface Entity { String table(); int version() default 1; }

    @Retention(RetentionPolicy.RUNTIME) @interface Audited { Level level() default Level.MEDIUM; }

    @Retention(RetentionPolicy.CLASS) @interface ClassOnly { }

    @Retention(RetentionPolicy.SOURCE) @interface SourceOnly { }

    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.FIELD)
    @interface Column { String name() default ""; boolean nullable() default true; int length() default 255; }

    @Retention(RetentionPolicy.RUNTIME) @interface Range { long min() default Long.MIN_VALUE; long max(); }

    @Retention(RetentionPolicy.RUNTIME) @Repeatable(Tags.class) @Inherited @interface Tag { String value(); }

    @Retention(RetentionPolicy.RUNTIME) @Inherited @interface Tags { Tag[] value(); }

    @Retention(RetentionPolicy.RUNTIME) @interface Author { String name(); String[] emails() default {}; }

    /** Every kind of member an annotation can have, each with a default. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface Everything {
        byte b() default 1;
        short s() default -2;
        char c() default 'c';
        int i() default 42;
        long l() default 1L << 40;
        float f() default 1.5f;
        double d() default -0.25;
        boolean z() default true;
        String str() default "tab\there \"quoted\" \u00e9";
        Level level() default Level.HIGH;
        Class<?> type() default String.class;
        Class<?> prim() default int.class;
        Class<?> arr() default String[][].class;
        int[] ints() default {1, 2, 3};
        String[] strs() default {};
        Class<?>[] types() default {List.class, Map.class};
        Level[] levels() default {Level.LOW};
        Author author() default @Author(name = "nobody");
        Author[] authors() default {@Author(name = "a", emails = {"a@x"}), @Author(name = "b")};
    }

    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD) @interface Command { String value(); String help() default ""; }

    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.PARAMETER) @interface Arg { String value(); boolean optional() default false; }

    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE_USE) @interface NonNull { }

    @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER}) @interface Checked { String value() default "yes"; }

    interface Service { }

    interface Named { }

    @Entity(table = "base_items") @Tag("base") @Audited @ClassOnly @SourceOnly
    static class BaseItem { }

    @Tag("a") @Tag("b") @Author(name = "ann", emails = {"ann@example.org", "ann@example.com"})
    static class Item extends @Checked BaseItem implements @NonNull Service, @Checked("twice") Named {
        @Column(name = "item_id", nullable = false) long id;
        @Column(length = 40) @Range(min = 1, max = 40) String title = "untitled";
        @Range(max = 100) int quantity;
        @Column @NonNull String note;
        transient int cache;
        List<@NonNull String> labels = new ArrayList<>();

        Item() { }

        @Deprecated
        Item(@Arg("id") long id, @Arg(value = "title", optional = true) String title) {
            this.id = id;
            this.title = title;
        }

        @Command(value = "rename", help = "Renames the item") @Deprecated(since = "2", forRemoval = true)
        public String rename(@Arg("to") String to, int times, @Arg(value = "suffix", optional = true) @NonNull String suffix) {
            title = (to + suffix).repeat(times);
            return title;
        }

        @Command("count")
        public int count(@Arg("by") int by) {
            quantity += by;
            return quantity;
        }

        public @NonNull String describe() {
            return title + "x" + quantity;
        }
    }

    @Tag("only")
    static class SubItem extends Item { }

    static class Plain extends BaseItem { }

    @Everything
    static class Defaults { }

    @Everything(b = -1, s = 300, c = '\n', i = -7, l = -1, f = Float.NaN, d = Double.POSITIVE_INFINITY, z = false,
            str = "", level = Level.LOW, type = void.class, prim = long[].class, arr = Item.class, ints = {}, strs = {"x", "y"},
            types = {}, levels = {Level.HIGH, Level.LOW}, author = @Author(name = "me", emails = "me@here"), authors = {})
    static class Overrides { }

    record Point(@Range(min = 0, max = 10) int x, @Column(name = "why") @NonNull Integer y) { }

    enum Planet {
        @Deprecated PLUTO, @Tag("big") JUPITER
    }

    @Retention(RetentionPolicy.RUNTIME) @interface Wrapper { Tag[] tags(); Class<? extends Annotation> kind() default Tag.class; }

    @Wrapper(tags = {@Tag("w1"), @Tag("w2")})
    static class Wrapped { }

    public static void main(String[] args) throws Exception {
        retentionAndInheritance();
        repeatable();
        members();
        orm();
        validate(new Item(), "fresh");
        Item bad = new Item();
        bad.quantity = 101;
        bad.title = "";
        validate(bad, "bad");
        commands();
        typeAnnotations();
        records();
        equality();
        metaAnnotations();
        System.out.println("done");
    }

    static void retentionAndInheritance() {
        System.out.println("BaseItem declared: " + Arrays.toString(BaseItem.class.getDeclaredAnnotations()));
        System.out.println("Item all: " + Arrays.toString(Item.class.getAnnotations()));
        System.out.println("Item declared: " + Arrays.toString(Item.class.getDeclaredAnnotations()));
        System.out.println("SubItem all: " + Arrays.toString(SubItem.class.getAnnotations()));
        System.out.println("Plain all: " + Arrays.toString(Plain.class.getAnnotations()));
        System.out.println("Plain declared: " + Plain.class.getDeclaredAnnotations().length);
        System.out.println("Plain entity " + Plain.class.getAnnotation(Entity.class) + " audited " + Plain.class.getAnnotation(Audited.class));
        System.out.println("present " + Item.class.isAnnotationPresent(Entity.class) + " " + Item.class.isAnnotationPresent(Audited.class)
                + " " + Item.class.isAnnotationPresent(Tag.class) + " " + Item.class.isAnnotationPresent(Tags.class)
                + " " + BaseItem.class.isAnnotationPresent(ClassOnly.class) + " " + BaseItem.class.isAnnotationPresent(SourceOnly.class));
        Entity e = SubItem.class.getAnnotation(Entity.class);
        System.out.println("entity table " + e.table() + " version " + e.version() + " type " + e.annotationType().getSimpleName());
        System.out.println("declared entity on SubItem " + SubItem.class.getDeclaredAnnotation(Entity.class));
        System.out.println("unannotated " + Arrays.toString(Annotations.class.getAnnotations()) + " " + String.class.getAnnotation(Entity.class));
    }

    static void repeatable() {
        System.out.println("Item Tag " + Item.class.getAnnotation(Tag.class) + " Tags " + Item.class.getAnnotation(Tags.class));
        System.out.println("Item byType " + Arrays.toString(Item.class.getAnnotationsByType(Tag.class)));
        System.out.println("SubItem byType " + Arrays.toString(SubItem.class.getAnnotationsByType(Tag.class)));
        System.out.println("SubItem declaredByType " + Arrays.toString(SubItem.class.getDeclaredAnnotationsByType(Tag.class)));
        System.out.println("Plain byType " + Arrays.toString(Plain.class.getAnnotationsByType(Tag.class))
                + " declared " + Plain.class.getDeclaredAnnotationsByType(Tag.class).length);
        Tag[] tags = Item.class.getAnnotationsByType(Tag.class);
        System.out.println("array type " + tags.getClass().getComponentType().getSimpleName() + " " + tags.length);
        Wrapper w = Wrapped.class.getAnnotation(Wrapper.class);
        System.out.println("wrapped " + w + " kind " + w.kind().getSimpleName() + " " + w.tags()[1].value());
    }

    static void members() {
        Everything d = Defaults.class.getAnnotation(Everything.class);
        Everything o = Overrides.class.getAnnotation(Everything.class);
        System.out.println("defaults " + sortedMembers(d));
        System.out.println("overrides " + sortedMembers(o));
        System.out.println("values " + d.b() + " " + d.s() + " " + d.c() + " " + d.i() + " " + d.l() + " " + d.f() + " " + d.d() + " "
                + d.z() + " " + d.str() + " " + d.level() + " " + d.type() + " " + d.prim() + " " + d.arr().getSimpleName());
        System.out.println("arrays " + Arrays.toString(d.ints()) + " " + Arrays.toString(d.strs()) + " " + Arrays.toString(d.types())
                + " " + Arrays.toString(d.levels()) + " " + d.author().name() + " " + d.authors().length + " " + d.authors()[0].emails()[0]);
        int[] ints = d.ints();
        ints[0] = 99;
        System.out.println("copied on return " + d.ints()[0] + " " + Float.isNaN(o.f()) + " " + o.d() + " " + (int) o.c() + " " + o.prim().getName());
        List<String> defaults = new ArrayList<>();
        for (Method m : Everything.class.getDeclaredMethods()) {
            Object v = m.getDefaultValue();
            defaults.add(m.getName() + "=" + (v != null && v.getClass().isArray() ? v.getClass().getComponentType().getSimpleName() + "[]" : v));
        }
        defaults.sort(null);
        System.out.println("getDefaultValue " + defaults);
        try {
            System.out.println("no default " + Range.class.getDeclaredMethod("max").getDefaultValue() + " "
                    + Object.class.getMethod("toString").getDefaultValue());
        } catch (NoSuchMethodException ex) {
            throw new AssertionError(ex);
        }
    }

    /** An ORM's mapping: fields with @Column become columns, the table comes from @Entity (inherited). */
    static void orm() throws Exception {
        Map<String, String> columns = new TreeMap<>();
        for (Field f : Item.class.getDeclaredFields()) {
            Column c = f.getAnnotation(Column.class);
            if (c != null) {
                columns.put(c.name().isEmpty() ? f.getName() : c.name(), f.getType().getSimpleName() + (c.nullable() ? "" : " NOT NULL")
                        + " (" + c.length() + ")");
            }
        }
        System.out.println("table " + Item.class.getAnnotation(Entity.class).table() + " columns " + columns);
        Field title = Item.class.getDeclaredField("title");
        System.out.println("title annotations " + sortedMembers(title.getAnnotations()) + " declared " + title.getDeclaredAnnotations().length);
        System.out.println("cache " + Item.class.getDeclaredField("cache").getAnnotations().length + " note " + sortedMembers(
                Item.class.getDeclaredField("note").getDeclaredAnnotations()) + " byType " + title.getAnnotationsByType(Range.class).length);
        System.out.println("enum constants " + Arrays.toString(Planet.class.getField("PLUTO").getAnnotations()) + " "
                + Planet.class.getField("JUPITER").getAnnotation(Tag.class).value());
    }

    /** A bean validator: @Range on numbers and string lengths. */
    static void validate(Object bean, String what) throws Exception {
        List<String> errors = new ArrayList<>();
        for (Field f : bean.getClass().getDeclaredFields()) {
            Range r = f.getAnnotation(Range.class);
            if (r == null) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(bean);
            long n = v instanceof String s ? s.length() : ((Number) v).longValue();
            if (n < r.min() || n > r.max()) {
                errors.add(f.getName() + " " + n + " not in [" + r.min() + ", " + r.max() + "]");
            }
        }
        System.out.println("validate " + what + ": " + (errors.isEmpty() ? "ok" : errors));
    }

    /** A command dispatcher: @Command methods, their @Arg parameters, invoked by name. */
    static void commands() throws Exception {
        Map<String, Method> commands = new TreeMap<>();
        for (Method m : Item.class.getDeclaredMethods()) {
            Command c = m.getAnnotation(Command.class);
            if (c != null) {
                commands.put(c.value(), m);
            }
        }
        for (Map.Entry<String, Method> e : commands.entrySet()) {
            Method m = e.getValue();
            List<String> params = new ArrayList<>();
            for (Parameter p : m.getParameters()) {
                Arg a = p.getAnnotation(Arg.class);
                params.add(p.getType().getSimpleName() + (a == null ? " (unnamed)" : " " + a.value() + (a.optional() ? "?" : "")));
            }
            Command c = m.getAnnotation(Command.class);
            System.out.println("command " + e.getKey() + " help '" + c.help() + "' params " + params + " all "
                    + Arrays.toString(m.getDeclaredAnnotations()));
            System.out.println("  parameter annotations " + Arrays.deepToString(m.getParameterAnnotations()));
        }
        Item item = new Item();
        System.out.println("invoke " + commands.get("rename").invoke(item, "new", 2, "!") + " " + commands.get("count").invoke(item, 5));
        Method describe = Item.class.getMethod("describe");
        System.out.println("describe " + describe.getAnnotations().length + " " + Arrays.deepToString(describe.getParameterAnnotations()));
        Constructor<Item> ctor = Item.class.getDeclaredConstructor(long.class, String.class);
        System.out.println("constructor " + Arrays.toString(ctor.getAnnotations()) + " " + Arrays.deepToString(ctor.getParameterAnnotations()));
        Deprecated dep = commands.get("rename").getAnnotation(Deprecated.class);
        System.out.println("deprecated since " + dep.since() + " forRemoval " + dep.forRemoval());
        Constructor<?> inner = Inner.class.getDeclaredConstructor(Annotations.class, String.class);
        System.out.println("inner constructor " + Arrays.deepToString(inner.getParameterAnnotations()));
    }

    class Inner {
        Inner(@Arg("name") String name) { }
    }

    static void typeAnnotations() throws Exception {
        AnnotatedType sup = Item.class.getAnnotatedSuperclass();
        System.out.println("superclass " + sup.getType().getTypeName() + " " + Arrays.toString(sup.getAnnotations()));
        for (AnnotatedType t : Item.class.getAnnotatedInterfaces()) {
            System.out.println("interface " + t.getType().getTypeName() + " " + Arrays.toString(t.getAnnotations()));
        }
        System.out.println("plain superclass " + Arrays.toString(Plain.class.getAnnotatedSuperclass().getAnnotations())
                + " interfaces " + Plain.class.getAnnotatedInterfaces().length);
        AnnotatedType note = Item.class.getDeclaredField("note").getAnnotatedType();
        System.out.println("field note " + Arrays.toString(note.getAnnotations()));
        Method describe = Item.class.getMethod("describe");
        System.out.println("return " + Arrays.toString(describe.getAnnotatedReturnType().getAnnotations()));
        Method rename = Item.class.getMethod("rename", String.class, int.class, String.class);
        for (AnnotatedType p : rename.getAnnotatedParameterTypes()) {
            System.out.println("parameter type " + p.getType().getTypeName() + " " + Arrays.toString(p.getAnnotations()));
        }
        AnnotatedType labels = Item.class.getDeclaredField("labels").getAnnotatedType();
        System.out.println("labels " + labels.getType().getTypeName() + " " + labels.getClass().getInterfaces()[0].getSimpleName());
    }

    static void records() throws Exception {
        for (RecordComponent rc : Point.class.getRecordComponents()) {
            System.out.println("component " + rc.getName() + " " + Arrays.toString(rc.getAnnotations()) + " type "
                    + Arrays.toString(rc.getAnnotatedType().getAnnotations()));
            System.out.println("  field " + sortedMembers(Point.class.getDeclaredField(rc.getName()).getAnnotations())
                    + " accessor " + Arrays.toString(rc.getAccessor().getAnnotations()));
        }
        System.out.println("canonical " + Arrays.deepToString(Point.class.getDeclaredConstructor(int.class, Integer.class).getParameterAnnotations()));
    }

    static void equality() throws Exception {
        Tag a = Item.class.getAnnotationsByType(Tag.class)[0];
        Tag base = BaseItem.class.getAnnotation(Tag.class);
        Tag again = SubItem.class.getAnnotation(Tag.class);
        Column c1 = Item.class.getDeclaredField("id").getAnnotation(Column.class);
        Column c2 = Item.class.getDeclaredField("id").getAnnotation(Column.class);
        Column c3 = Item.class.getDeclaredField("note").getAnnotation(Column.class);
        System.out.println("equals " + a.equals(base) + " " + c1.equals(c2) + " " + c1.equals(c3) + " " + c1.equals(null) + " " + c1.equals("x"));
        System.out.println("hash " + a.hashCode() + " " + base.hashCode() + " " + again.hashCode() + " " + c1.hashCode() + " " + c3.hashCode()
                + " " + (c1.hashCode() == c2.hashCode()));
        Everything d1 = Defaults.class.getAnnotation(Everything.class);
        Everything d2 = Defaults.class.getAnnotation(Everything.class);
        Everything o = Overrides.class.getAnnotation(Everything.class);
        System.out.println("everything " + d1.equals(d2) + " " + d1.equals(o) + " " + (d1.hashCode() == d2.hashCode()) + " same " + (d1 == d2));
        Author author = Item.class.getAnnotation(Author.class);
        System.out.println("author " + author + " " + author.hashCode() + " " + author.annotationType());
        Annotation handMade = new Tag() {
            public String value() { return "base"; }
            public Class<? extends Annotation> annotationType() { return Tag.class; }
        };
        System.out.println("hand-made equals " + base.equals(handMade));
    }

    /**
     * toString with its top-level members sorted by name. The JDK orders an instance's members as a HashMap of the
     * defaulted ones iterates, and two names in one bucket keep the order getDeclaredMethods gave them: HotSpot's
     * is by the addresses of its symbols (the class file's order on toyvm), so annotations with several defaults
     * (Everything, Column) are printed member by member in a fixed order; each member's text is the JDK's.
     */
    static String sortedMembers(Annotation... as) {
        List<String> out = new ArrayList<>();
        for (Annotation a : as) {
            String s = a.toString();
            int open = s.indexOf('(');
            List<String> members = new ArrayList<>();
            int depth = 0;
            int start = open + 1;
            char quote = 0;
            for (int i = start; i < s.length() - 1; i++) {
                char ch = s.charAt(i);
                if (quote != 0) {
                    if (ch == '\\') {
                        i++;
                    } else if (ch == quote) {
                        quote = 0;
                    }
                } else if (ch == '"' || ch == '\'') {
                    quote = ch;
                } else if (ch == '(' || ch == '{') {
                    depth++;
                } else if (ch == ')' || ch == '}') {
                    depth--;
                } else if (ch == ',' && depth == 0) {
                    members.add(s.substring(start, i).strip());
                    start = i + 1;
                }
            }
            members.add(s.substring(start, s.length() - 1).strip());
            members.sort(null);
            out.add(s.substring(0, open + 1) + String.join(", ", members) + ")");
        }
        return out.size() == 1 ? out.get(0) : out.toString();
    }

    static void metaAnnotations() {
        System.out.println("Entity meta " + Arrays.toString(Entity.class.getAnnotations()));
        Retention r = Column.class.getAnnotation(Retention.class);
        Target t = Column.class.getAnnotation(Target.class);
        System.out.println("Column " + r.value() + " " + Arrays.toString(t.value()) + " repeatable " + Tag.class.getAnnotation(Repeatable.class));
        System.out.println("Override " + Arrays.toString(Override.class.getAnnotations()) + " FunctionalInterface on Runnable "
                + Runnable.class.isAnnotationPresent(FunctionalInterface.class));
    }
}
