// A stranger-style program using commons-csv (and, through it, commons-io and commons-codec): parse with a header, print, round-trip.
import org.apache.commons.csv.*;
import java.io.*;
import java.util.*;

public class CsvTool {
    public static void main(String[] args) throws IOException {
        String data = "name,qty,price\n\"Widget, large\",3,9.99\nGadget,10,1.25\n\"Quote \"\"q\"\"\",1,100\n";
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        double total = 0;
        try (CSVParser p = CSVParser.parse(data, fmt)) {
            System.out.println(p.getHeaderNames());
            for (CSVRecord r : p) {
                double line = Integer.parseInt(r.get("qty")) * Double.parseDouble(r.get("price"));
                total += line;
                System.out.printf("%-16s %8.2f%n", r.get("name"), line);
            }
        }
        System.out.printf("total %.2f%n", total);
        StringWriter out = new StringWriter();
        try (CSVPrinter pr = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("k", "v").get())) {
            pr.printRecord("a,b", 1);
            pr.printRecord("line\nbreak", null);
            pr.printRecord("plain", 3.5);
        }
        System.out.print(out);
        try (CSVParser p = CSVParser.parse(out.toString(), CSVFormat.RFC4180.builder().setHeader().get())) {
            for (CSVRecord r : p) System.out.println(r.toMap());
        }
    }
}
