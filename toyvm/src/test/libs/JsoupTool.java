// A stranger-style program using jsoup as its README shows: parse, CSS select, absolute URLs, clean, wrap.
import org.jsoup.Jsoup;
import org.jsoup.nodes.*;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Elements;

public class JsoupTool {
    public static void main(String[] args) {
        String html = "<html><head><title>Test page</title></head><body>"
            + "<div id=main class='c1 c2'><p>Hello <b>world</b>!</p><a href='/x?a=1&b=2'>link one</a>"
            + "<a href='http://example.com/y'>link two</a><ul><li>one<li>two<li>three</ul>"
            + "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table></div>"
            + "<script>var x = '<b>';</script></body></html>";
        Document doc = Jsoup.parse(html, "http://base.org/");
        System.out.println(doc.title());
        for (Element a : doc.select("a[href]")) System.out.println(a.text() + " -> " + a.absUrl("href"));
        Elements lis = doc.select("ul > li");
        System.out.println(lis.size() + " " + lis.eachText());
        System.out.println(doc.select("td").stream().mapToInt(e -> Integer.parseInt(e.text())).sum());
        System.out.println(doc.getElementById("main").className() + " " + doc.select("p").first().html());
        System.out.println(Jsoup.clean("<p onclick=evil()>ok<script>bad</script></p>", Safelist.basic()));
        doc.select("b").wrap("<i></i>");
        System.out.println(doc.body().select("p").outerHtml());
        StringBuilder sb = new StringBuilder("<root>");
        for (int i = 0; i < 300; i++) sb.append("<item n='").append(i).append("'>v").append(i * i).append("</item>");
        Document big = Jsoup.parse(sb.append("</root>").toString());
        System.out.println(big.select("item[n~=^1.$]").eachText());
    }
}
