import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ChoiceFormat;
import java.text.MessageFormat;
import java.util.*;

/**
 * An application's own resource bundles, the way i18n tutorials and CLI tools use them: a ListResourceBundle class
 * with a locale variant, .properties bundles on the class path (UTF-8, a language variant over a base file, locale
 * fallback through the default locale to the base), MessageFormat patterns from a bundle, missing keys and bundles.
 */
public class ResourceBundles {
    public static void main(String[] args) {
        Locale.setDefault(Locale.US);

        ResourceBundle labels = ResourceBundle.getBundle("Labels");
        System.out.println(labels.getClass().getName() + " " + labels.getLocale() + " '" + labels.getString("ok") + "' "
                + labels.getObject("retries") + " " + String.join(",", labels.getStringArray("days")));
        ResourceBundle labelsDe = ResourceBundle.getBundle("Labels", Locale.GERMANY);
        System.out.println(labelsDe.getClass().getName() + " " + labelsDe.getLocale() + " '" + labelsDe.getString("ok")
                + "' " + labelsDe.getObject("retries") + " " + new TreeSet<>(labelsDe.keySet()));

        for (Locale locale : List.of(Locale.US, Locale.FRANCE, Locale.CANADA_FRENCH, Locale.JAPAN, Locale.ITALY, Locale.ROOT)) {
            ResourceBundle messages = ResourceBundle.getBundle("i18n.Messages", locale);
            String greeting = MessageFormat.format(messages.getString("greeting"), "Ada");
            String files = new MessageFormat(messages.getString("files"), locale).format(new Object[] {3, 1234567});
            System.out.println(locale.toLanguageTag() + " -> [" + messages.getLocale() + "] " + greeting + " | " + files
                    + " | " + messages.getString("app.name") + " | " + messages.containsKey("farewell"));
        }

        ResourceBundle fr = ResourceBundle.getBundle("i18n.Messages", Locale.FRANCE);
        System.out.println(fr == ResourceBundle.getBundle("i18n.Messages", Locale.FRANCE));
        System.out.println(new TreeSet<>(fr.keySet()) + " " + Collections.list(fr.getKeys()).size());
        System.out.println(new ChoiceFormat(fr.getString("choice")).format(0) + " / "
                + MessageFormat.format(fr.getString("disk"), 0) + " / " + MessageFormat.format(fr.getString("disk"), 2));

        // Through the system class loader (the main thread's context loader), as libraries that take a loader do.
        ClassLoader system = Thread.currentThread().getContextClassLoader();
        System.out.println(system == ClassLoader.getSystemClassLoader());
        ResourceBundle viaLoader = ResourceBundle.getBundle("i18n.Messages", Locale.FRANCE, system);
        System.out.println(viaLoader.getString("greeting") + " " + viaLoader.getLocale() + " "
                + ResourceBundle.getBundle("Labels", Locale.GERMAN, system).getString("cancel"));
        Properties raw = new Properties();
        try (InputStream in = ClassLoader.getSystemResourceAsStream("i18n/Messages_ja.properties")) {
            raw.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(raw.getProperty("greeting").length() + " " + (system.getResource("i18n/None.properties") == null));

        try {
            fr.getString("no.such.key");
        } catch (MissingResourceException e) {
            System.out.println(e.getMessage() + " | " + e.getClassName() + " | " + e.getKey());
        }
        try {
            labels.getObject("missing");
        } catch (MissingResourceException e) {
            System.out.println(e.getMessage() + " | " + e.getClassName() + " | " + e.getKey());
        }
        try {
            ResourceBundle.getBundle("i18n.Missing", Locale.ITALY);
        } catch (MissingResourceException e) {
            System.out.println(e.getMessage() + " | " + e.getClassName() + " | " + e.getKey());
        }
        try {
            labels.getString("retries");
        } catch (ClassCastException e) {
            System.out.println("ClassCastException for a non-string value");
        }
    }
}

/** A class-based bundle: values of any type (an Integer, a String[]). */
class Labels extends ListResourceBundle {
    public Labels() {
    }

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"ok", "OK"},
            {"cancel", "Cancel"},
            {"retries", 3},
            {"days", new String[] {"Mon", "Tue", "Wed"}},
        };
    }
}

/** The German variant: overrides some keys, inherits the rest from Labels (its parent). */
class Labels_de extends ListResourceBundle {
    public Labels_de() {
    }

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"ok", "Jawohl"},
            {"cancel", "Abbrechen"},
        };
    }
}
