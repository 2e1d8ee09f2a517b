import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.DateFormatSymbols;
import java.text.DecimalFormat;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/** Dates, time zones, numbers and messages in several locales, the way an application's report code uses them. */
public class LocaleFormats {
    static final Locale[] LOCALES = {Locale.US, Locale.UK, Locale.GERMANY, Locale.FRANCE, Locale.JAPAN,
            Locale.forLanguageTag("es-ES"), Locale.forLanguageTag("pt-BR")};

    public static void main(String[] args) throws ParseException {
        LocalDate leap = LocalDate.of(2024, 2, 29);
        for (Locale l : LOCALES) {
            DateTimeFormatter text = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", l);
            DateTimeFormatter medium = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l);
            System.out.println(l + ": " + text.format(leap) + " | " + medium.format(leap) + " | "
                    + leap.getDayOfWeek().getDisplayName(TextStyle.SHORT, l) + " "
                    + leap.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, l));
            String[] months = new DateFormatSymbols(l).getShortMonths();
            String[] days = DateFormatSymbols.getInstance(l).getWeekdays();
            System.out.println("  " + months[0] + " " + months[11] + " / " + days[Calendar.MONDAY] + " "
                    + days[Calendar.SUNDAY]);
        }

        // SimpleDateFormat round trips in a fixed zone
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.US);
        iso.setTimeZone(TimeZone.getTimeZone("UTC"));
        SimpleDateFormat human = new SimpleDateFormat("EEE, d MMM yyyy HH:mm zzz", Locale.US);
        human.setTimeZone(TimeZone.getTimeZone("America/New_York"));
        for (String s : new String[] {"1970-01-01T00:00:00.000+0000", "2024-02-29T23:59:59.999+0000",
                "2021-03-14T06:59:00.000+0000", "2021-03-14T07:00:00.000+0000"}) {
            Date d = iso.parse(s);
            String out = iso.format(d);
            System.out.println(s + " -> " + d.getTime() + " -> " + out + " same=" + out.equals(s) + " | "
                    + human.format(d));
        }
        try {
            iso.parse("not a date");
        } catch (ParseException e) {
            System.out.println("ParseException at " + e.getErrorOffset() + ": " + e.getMessage());
        }
        DateFormat de = DateFormat.getDateTimeInstance(DateFormat.LONG, DateFormat.SHORT, Locale.GERMANY);
        de.setTimeZone(TimeZone.getTimeZone("Europe/Berlin"));
        System.out.println(de.format(new Date(1_700_000_000_000L)) + " | " + de.parse(de.format(new Date(0))).getTime());

        // time zones and DST transitions
        for (String id : new String[] {"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata"}) {
            ZoneId z = ZoneId.of(id);
            ZoneOffsetTransition next = z.getRules().nextTransition(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, z).toInstant());
            System.out.println(id + " " + z.getDisplayName(TextStyle.FULL, Locale.US) + " next: "
                    + (next == null ? "none" : next.getDateTimeBefore() + " " + next.getOffsetBefore() + " -> "
                    + next.getOffsetAfter() + (next.isGap() ? " gap" : " overlap")));
        }
        ZonedDateTime gap = ZonedDateTime.of(LocalDateTime.of(2024, 3, 31, 2, 30), ZoneId.of("Europe/Berlin"));
        System.out.println("in the gap: " + gap + " plus 1h: " + gap.plusHours(1));
        TimeZone ny = TimeZone.getTimeZone("America/New_York");
        GregorianCalendar cal = new GregorianCalendar(ny, Locale.US);
        cal.clear();
        cal.set(2024, Calendar.NOVEMBER, 3, 1, 30);
        System.out.println("NY DST " + ny.inDaylightTime(cal.getTime()) + " " + ny.getDisplayName(true, TimeZone.SHORT, Locale.US)
                + " " + ny.getRawOffset() + " " + cal.get(Calendar.DST_OFFSET));

        // numbers: currency, percent, compact, grouping
        double amount = 1234567.891;
        for (Locale l : LOCALES) {
            System.out.println(l + ": " + NumberFormat.getCurrencyInstance(l).format(amount) + " | "
                    + NumberFormat.getPercentInstance(l).format(0.256) + " | "
                    + NumberFormat.getCompactNumberInstance(l, NumberFormat.Style.SHORT).format(amount) + " | "
                    + NumberFormat.getCompactNumberInstance(l, NumberFormat.Style.LONG).format(12_345) + " | "
                    + NumberFormat.getNumberInstance(l).format(-amount) + " | "
                    + Currency.getInstance(l).getCurrencyCode() + " " + Currency.getInstance(l).getSymbol(l)
                    + " " + Currency.getInstance(l).getDefaultFractionDigits());
        }
        System.out.println(Currency.getInstance("JPY").getDisplayName(Locale.US) + " / "
                + Currency.getInstance("EUR").getDisplayName(Locale.FRANCE));
        NumberFormat parser = NumberFormat.getInstance(Locale.GERMANY);
        System.out.println(parser.parse("1.234,5") + " " + new DecimalFormat("#,##0.00;(#,##0.00)").format(-42.125));

        // MessageFormat with dates and choices
        MessageFormat mf = new MessageFormat(
                "On {1,date,long} at {1,time,short} {0} had {2,choice,0#no files|1#one file|1<{2,number,integer} files}.",
                Locale.US);
        mf.getFormats();
        for (Object[] a : new Object[][] {{"disk", new Date(86_400_000L), 0}, {"backup", new Date(0), 1},
                {"share", new Date(1_000_000_000_000L), 1234}}) {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            System.out.println(new MessageFormat(mf.toPattern(), Locale.US).format(a));
        }
        ChoiceFormat cf = new ChoiceFormat("-1#negative|0#zero|0<positive");
        System.out.println(cf.format(-5) + " " + cf.format(0) + " " + cf.format(3.5));

        // %t conversions
        GregorianCalendar g = new GregorianCalendar(2024, Calendar.FEBRUARY, 29, 13, 5, 9);
        System.out.println(String.format(Locale.US, "%tA %<tB %<td %<tY %<tH:%<tM:%<tS %<tp %<tj %<tD %<tF", g));
        System.out.println(String.format(Locale.FRANCE, "%tA %<te %<tB %<tY", g));
        System.out.println(String.format(Locale.GERMANY, "%,.2f %,d %tc", 1234567.891, 9876543, g));
        System.out.printf(Locale.US, "%-10s|%8.3f|%08d|%x%n", "left", Math.PI, 42, 255);
    }
}
