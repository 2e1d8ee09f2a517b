import java.io.Serializable;
import java.lang.annotation.*;
import java.lang.constant.ClassDesc;
import java.lang.reflect.*;
import java.util.*;
import java.util.function.Supplier;

/**
 * What a serializer, a dependency injector or a test framework asks of java.lang.Class: nesting (member, local,
 * anonymous classes, canonical names, enclosing methods and constructors), nests, sealed hierarchies, record
 * components, generic signatures, annotation presence, packages, resources, access flags, nominal descriptors.
 */
public class ClassIntrospection {
    @Retention(RetentionPolicy.RUNTIME) @Inherited @interface Entity { }
    @Retention(RetentionPolicy.RUNTIME) @interface Audited { }
    @Retention(RetentionPolicy.CLASS) @interface BuildOnly { }

    sealed interface Shape permits Circle, Square, Polygon { }
    record Circle(double radius) implements Shape { }
    record Square(double side) implements Shape { }
    static non-sealed class Polygon implements Shape { }
    public static final class Triangle extends Polygon { }

    record Pair<A extends Comparable<A>, B>(A first, List<? extends B> second, int[] counts) implements Serializable { }

    @Entity @BuildOnly static class Base<T> implements Comparable<Base<T>>, Supplier<List<T>> {
        public int compareTo(Base<T> o) { return 0; }
        public List<T> get() { return List.of(); }
        public class Inner { }
        protected static class Nested { }
        private interface Hidden { }
    }
    @Audited static class Derived extends Base<String> { }
    static class Plain { }

    enum Planet { MERCURY, VENUS { @Override public String toString() { return "Venus!"; } } }

    static Object local;
    static Object ctorLocal;

    ClassIntrospection() {
        class MadeInConstructor { }
        ctorLocal = new MadeInConstructor();
    }

    static void describe(Class<?> c) {
        System.out.println(c.getName() + " | simple " + c.getSimpleName() + " | canonical " + c.getCanonicalName()
                + " | type " + c.getTypeName() + " | member " + c.isMemberClass() + " local " + c.isLocalClass()
                + " anonymous " + c.isAnonymousClass() + " | declaring " + c.getDeclaringClass()
                + " | enclosing " + c.getEnclosingClass() + " | method " + c.getEnclosingMethod()
                + " | ctor " + c.getEnclosingConstructor());
    }

    static String names(Class<?>[] cs) {
        if (cs == null) return "null";
        List<String> out = new ArrayList<>();
        for (Class<?> c : cs) out.add(c.getSimpleName());
        Collections.sort(out);
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        class Local implements Runnable { public void run() { } }
        local = new Local();
        Runnable anon = new Runnable() { public void run() { } };
        new ClassIntrospection();
        for (Class<?> c : List.of(ClassIntrospection.class, Base.Inner.class, Base.Nested.class, Local.class,
                anon.getClass(), ctorLocal.getClass(), Circle[][].class, int[].class, Map.Entry.class, String.class)) {
            describe(c);
        }
        System.out.println(names(Base.class.getDeclaredClasses()) + " " + names(Base.class.getClasses())
                + " " + names(Derived.class.getClasses()) + " " + names(ClassIntrospection.class.getDeclaredClasses()).length());

        System.out.println(Circle.class.getNestHost().getSimpleName() + " " + int.class.getNestHost() + " "
                + Base.Inner.class.isNestmateOf(Derived.class) + " " + String.class.isNestmateOf(Derived.class) + " "
                + Base.Inner.class.getNestMembers().length + " " + names(String[].class.getNestMembers()));
        System.out.println(Shape.class.isSealed() + " " + names(Shape.class.getPermittedSubclasses()) + " "
                + Polygon.class.isSealed() + " " + Polygon.class.getPermittedSubclasses() + " " + int.class.isSealed());
        for (Class<?> c : List.of(Shape.class, Polygon.class, Triangle.class, Circle.class, Base.class, Pair.class,
                Planet.class, Entity.class, Circle[].class, int.class, Base.Nested.class)) {
            System.out.println(c.toGenericString());
        }

        Pair<String, Number> p = new Pair<>("x", List.of(1, 2.5), new int[] {3});
        for (RecordComponent rc : Pair.class.getRecordComponents()) {
            System.out.println(rc + " : " + rc.getType().getSimpleName() + " generic " + rc.getGenericType()
                    + " sig " + rc.getGenericSignature() + " accessor " + rc.getAccessor().getName()
                    + " -> " + (rc.getAccessor().invoke(p) instanceof int[] a ? Arrays.toString(a) : rc.getAccessor().invoke(p))
                    + " declared by " + rc.getDeclaringRecord().getSimpleName());
        }
        System.out.println(Arrays.toString(Circle.class.getRecordComponents()) + " " + Plain.class.getRecordComponents());

        System.out.println(Arrays.toString(Base.class.getTypeParameters()) + " " + Arrays.toString(Pair.class.getTypeParameters()[0].getBounds())
                + " " + Derived.class.getGenericSuperclass() + " " + Arrays.toString(Base.class.getGenericInterfaces())
                + " " + Plain.class.getGenericSuperclass() + " " + Runnable.class.getGenericSuperclass()
                + " " + Arrays.toString(Pair.class.getGenericInterfaces()));
        ParameterizedType pt = (ParameterizedType) Derived.class.getGenericSuperclass();
        System.out.println(pt.getRawType() + " " + Arrays.toString(pt.getActualTypeArguments()) + " " + pt.getOwnerType());
        System.out.println(Derived.class.getAnnotatedSuperclass().getType() + " "
                + Derived.class.getAnnotatedSuperclass().getAnnotations().length + " "
                + Arrays.toString(Arrays.stream(Base.class.getAnnotatedInterfaces()).map(AnnotatedType::getType).toArray())
                + " " + Object.class.getAnnotatedSuperclass() + " " + Runnable.class.getAnnotatedInterfaces().length);

        System.out.println(Base.class.isAnnotationPresent(Entity.class) + " " + Derived.class.isAnnotationPresent(Entity.class)
                + " " + Derived.class.isAnnotationPresent(Audited.class) + " " + Base.class.isAnnotationPresent(Audited.class)
                + " " + Base.class.isAnnotationPresent(BuildOnly.class) + " " + Plain.class.getAnnotation(Entity.class)
                + " " + Plain.class.getAnnotations().length + " " + Plain.class.getDeclaredAnnotations().length
                + " " + Plain.class.getAnnotationsByType(Audited.class).getClass().getSimpleName()
                + " " + Plain.class.getDeclaredAnnotationsByType(Entity.class).length + " " + Derived.class.getDeclaredAnnotation(Entity.class)
                + " " + Entity.class.isAnnotation() + " " + Entity.class.isAnnotationPresent(Inherited.class));

        Package pkg = ClassIntrospection.class.getPackage();
        System.out.println("package '" + pkg.getName() + "' " + (pkg == Plain.class.getPackage()) + " "
                + String.class.getPackage().getName() + " " + int[].class.getPackage() + " " + int.class.getPackage());
        System.out.println(ClassIntrospection.class.getResource("ClassIntrospection.class").getProtocol() + " "
                + ClassIntrospection.class.getResource("/ClassIntrospection.class").getPath().endsWith("/ClassIntrospection.class") + " "
                + ClassIntrospection.class.getResource("NoSuchFile.txt") + " " + Object.class.getResource("Object.class") + " "
                + String.class.getResource("/java/util/List.class"));
        try (var in = ClassIntrospection.class.getResource("ClassIntrospection.class").openStream()) {
            System.out.println("class file magic " + Integer.toHexString(new java.io.DataInputStream(in).readInt()));
        }
        System.out.println(ClassIntrospection.class.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith("/")
                + " " + String.class.getProtectionDomain().getCodeSource() + " " + Plain.class.getSigners()
                + " " + (Plain.class.getProtectionDomain() == Plain.class.getProtectionDomain()));

        System.out.println(new TreeSet<>(Base.Nested.class.accessFlags()) + " " + new TreeSet<>(Shape.class.accessFlags())
                + " " + new TreeSet<>(ClassIntrospection.class.accessFlags()) + " " + new TreeSet<>(int[].class.accessFlags())
                + " " + new TreeSet<>(Entity.class.accessFlags()) + " " + new TreeSet<>(anon.getClass().accessFlags()));
        System.out.println(String.class.describeConstable().get() + " " + int[][].class.describeConstable().get().descriptorString()
                + " " + Base.Inner.class.describeConstable().map(ClassDesc::displayName).get() + " " + int.class.describeConstable().get());
        System.out.println(Planet.MERCURY.describeConstable().get() + " " + Planet.VENUS.describeConstable().get()
                + " " + Planet.VENUS.describeConstable().get().constantName() + " " + Planet.VENUS);
        Object same = Planet.VENUS.describeConstable().get().resolveConstantDesc(java.lang.invoke.MethodHandles.lookup());
        System.out.println(same == Planet.VENUS);

        Random wrapped = Random.from(new SplittableRandom(42));
        System.out.println(wrapped.nextInt(1000) + " " + wrapped.ints(3, 0, 10).boxed().toList() + " " + (Random.from(wrapped) == wrapped));
        try {
            wrapped.setSeed(1);
        } catch (UnsupportedOperationException e) {
            System.out.println("setSeed: UnsupportedOperationException");
        }
        Random seeded = new Random(7);
        System.out.println(seeded.nextGaussian() + " " + seeded.nextExponential() + " " + seeded.doubles(2, 1, 2).sum()
                + " " + seeded.longs(2).count() + " " + seeded.nextInt(5, 9) + " " + seeded.nextFloat(2f));
    }
}
