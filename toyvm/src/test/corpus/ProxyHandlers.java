import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * java.lang.reflect.Proxy as libraries use it: a logging decorator around a service interface, a read-only view
 * of a Map, a fake that records calls for a test, a proxy of two interfaces, exceptions from the handler (declared,
 * unchecked, undeclared checked), Object's methods through the handler, isProxyClass and getInvocationHandler.
 */
public class ProxyHandlers {
    interface Repository {
        String find(int id) throws java.io.IOException;

        int count();

        void save(String item);
    }

    interface Named {
        String name();
    }

    static final class MemoryRepository implements Repository {
        private final List<String> items = new ArrayList<>(List.of("alpha", "beta"));

        @Override
        public String find(int id) throws java.io.IOException {
            if (id >= items.size()) {
                throw new java.io.IOException("no item " + id);
            }
            return items.get(id);
        }

        @Override
        public int count() {
            return items.size();
        }

        @Override
        public void save(String item) {
            items.add(item);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T logging(Class<T> type, T target, List<String> log) {
        InvocationHandler h = (proxy, method, args) -> {
            log.add(method.getName() + (args == null ? "()" : Arrays.toString(args)));
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Integer> readOnly(Map<String, Integer> map) {
        return (Map<String, Integer>) Proxy.newProxyInstance(Map.class.getClassLoader(), new Class<?>[] {Map.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("put") || method.getName().startsWith("remove")
                            || method.getName().equals("clear")) {
                        throw new UnsupportedOperationException(method.getName() + " on a read-only map");
                    }
                    return method.invoke(map, args);
                });
    }

    public static void main(String[] args) throws Exception {
        List<String> log = new ArrayList<>();
        Repository repo = logging(Repository.class, new MemoryRepository(), log);
        repo.save("gamma");
        System.out.println(repo.count() + " items, first " + repo.find(0));
        try {
            repo.find(9);
        } catch (java.io.IOException e) {
            System.out.println("declared exception passes: " + e.getMessage());
        }
        System.out.println("log " + log);

        Map<String, Integer> scores = new TreeMap<>(Map.of("ann", 3, "bob", 5));
        Map<String, Integer> view = readOnly(scores);
        System.out.println("view " + view.get("bob") + " " + view.size() + " " + view.containsKey("cy") + " " + view);
        try {
            view.put("cy", 1);
        } catch (UnsupportedOperationException e) {
            System.out.println("refused: " + e.getMessage());
        }

        Object both = Proxy.newProxyInstance(ProxyHandlers.class.getClassLoader(),
                new Class<?>[] {Named.class, Supplier.class}, (proxy, method, a) -> switch (method.getName()) {
                    case "name" -> "both";
                    case "get" -> 42;
                    case "toString" -> "Proxy[" + ((Named) proxy).name() + "]";
                    case "hashCode" -> 7;
                    case "equals" -> proxy == a[0];
                    default -> throw new AssertionError(method);
                });
        System.out.println(((Named) both).name() + " " + ((Supplier<?>) both).get() + " " + both + " "
                + both.hashCode() + " " + both.equals(both) + " " + both.equals("x"));

        Named failing = (Named) Proxy.newProxyInstance(Named.class.getClassLoader(), new Class<?>[] {Named.class},
                (proxy, method, a) -> {
                    throw new Exception("checked, but name() declares none");
                });
        try {
            failing.name();
        } catch (UndeclaredThrowableException e) {
            System.out.println("undeclared: " + e.getCause().getMessage());
        }

        Class<?> pc = repo.getClass();
        System.out.println("isProxyClass " + Proxy.isProxyClass(pc) + " " + Proxy.isProxyClass(MemoryRepository.class)
                + ", handler is a lambda: " + (Proxy.getInvocationHandler(repo) != null)
                + ", interfaces " + Arrays.toString(pc.getInterfaces())
                + ", same class for the same interface: " + (logging(Repository.class, new MemoryRepository(),
                        log).getClass() == pc));
        Method count = Repository.class.getMethod("count");
        System.out.println("reflective call through the proxy: " + count.invoke(repo));
    }
}
