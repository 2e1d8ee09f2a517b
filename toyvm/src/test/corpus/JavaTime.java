import java.time.*;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** java.time with fixed dates (no clock): arithmetic, formatting, parsing, durations. */
public class JavaTime {
    public static void main(String[] args) {
        LocalDate d = LocalDate.of(2024, 1, 31);
        System.out.println(d + " " + d.plusMonths(1) + " " + d.getDayOfWeek() + " " + d.isLeapYear() + " " + d.lengthOfMonth());
        System.out.println(ChronoUnit.DAYS.between(d, LocalDate.of(2024, 12, 25)) + " " + d.withDayOfMonth(1).minusDays(1));
        LocalDateTime t = LocalDateTime.of(2024, 3, 10, 14, 5, 9);
        System.out.println(t + " " + t.format(DateTimeFormatter.ISO_LOCAL_DATE) + " " + t.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
        System.out.println(LocalDate.parse("2023-07-04").getDayOfYear() + " " + Duration.ofMinutes(135) + " " + Period.between(d, LocalDate.of(2025, 3, 1)));
        System.out.println(Duration.ofSeconds(3725).toHoursPart() + "h" + Duration.ofSeconds(3725).toMinutesPart() + "m " + Instant.ofEpochSecond(1_700_000_000));
        System.out.println(YearMonth.of(2024, 2).atEndOfMonth() + " " + LocalTime.of(23, 59).plusMinutes(2) + " " + Month.MARCH.plus(11));
    }
}
