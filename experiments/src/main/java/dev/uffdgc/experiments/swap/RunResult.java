package dev.uffdgc.experiments.swap;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The figures of one mode's run, as named values: what a child JVM hands back to the driver (a properties
 * file) and what the report reads. Times are in nanoseconds, sizes in bytes, pages in pages. A run that could
 * not happen has {@code status} other than "ok" and a {@code reason}.
 */
public final class RunResult {
    private final Map<String, String> values = new LinkedHashMap<>();

    public RunResult put(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public boolean has(String key) {
        return values.containsKey(key) && !values.get(key).isEmpty();
    }

    public long num(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }

    public boolean ok() {
        return "ok".equals(get("status"));
    }

    public Map<String, String> asMap() {
        return values;
    }

    public static RunResult failed(Mode mode, String scenario, String reason) {
        return new RunResult().put("mode", mode.label).put("scenario", scenario).put("status", "skipped")
                .put("reason", reason);
    }

    public void write(Path file) {
        Properties p = new Properties();
        p.putAll(values);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "uffd-gc swap experiment run");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a run written by {@link #write}, keeping the canonical key order of {@link Report#COLUMNS}. */
    public static RunResult read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        RunResult res = new RunResult();
        for (String k : p.stringPropertyNames()) {
            res.values.put(k, p.getProperty(k));
        }
        return res;
    }
}
