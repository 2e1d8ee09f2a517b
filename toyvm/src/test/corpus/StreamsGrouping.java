import java.util.*;
import java.util.stream.*;

/** Collectors: groupingBy with downstreams, partitioningBy, summarizing, toMap, joining, teeing. */
public class StreamsGrouping {
    record Employee(String name, String dept, int age, double salary) { }

    static void show(Object o) {
        System.out.println(o);
    }

    public static void main(String[] args) {
        List<Employee> staff = List.of(new Employee("Ann", "eng", 34, 120_000), new Employee("Bob", "eng", 45, 135_500),
                new Employee("Cid", "ops", 29, 80_250), new Employee("Dee", "sales", 38, 90_000),
                new Employee("Eve", "ops", 51, 99_999), new Employee("Fay", "eng", 23, 95_000));
        show(staff.stream().collect(Collectors.groupingBy(Employee::dept, TreeMap::new, Collectors.counting())));
        show(staff.stream().collect(Collectors.groupingBy(Employee::dept, TreeMap::new,
                Collectors.mapping(Employee::name, Collectors.joining("/", "<", ">")))));
        show(staff.stream().collect(Collectors.partitioningBy(e -> e.age() >= 35, Collectors.averagingDouble(Employee::salary))));
        DoubleSummaryStatistics s = staff.stream().mapToDouble(Employee::salary).summaryStatistics();
        System.out.printf("n=%d min=%.1f max=%.1f avg=%.3f sum=%.1f%n", s.getCount(), s.getMin(), s.getMax(), s.getAverage(), s.getSum());
        show(staff.stream().collect(Collectors.toMap(Employee::name, Employee::age, (a, b) -> a, TreeMap::new)));
        System.out.println(staff.stream().sorted(Comparator.comparingDouble(Employee::salary).reversed()).limit(3).map(Employee::name).toList());
        show(staff.stream().collect(Collectors.teeing(Collectors.counting(), Collectors.summingInt(Employee::age),
                (c, sum) -> sum / (double) c)));
        Optional<Employee> oldest = staff.stream().max(Comparator.comparingInt(Employee::age));
        System.out.println(oldest.map(Employee::name).orElse("none") + " " + staff.stream().anyMatch(e -> e.dept().equals("hr")));
        show(Stream.of("a,b", "c", "d,e,f").flatMap(x -> Arrays.stream(x.split(","))).collect(Collectors.toCollection(ArrayDeque::new)));
    }
}
