import javax.xml.parsers.*;
import javax.xml.transform.*;
import javax.xml.transform.dom.*;
import javax.xml.transform.stream.*;
import javax.xml.xpath.*;
import org.w3c.dom.*;
import java.io.*;

/**
 * A DaCapo-xalan-like kernel on the JDK's java.xml: parse with DOM, query with XPath, walk with SAX and StAX,
 * serialize with a Transformer. Found: toyvm's loader took the JDK's classes only from java/, javax/, jdk/ and sun/
 * (NoClassDefFoundError: org/w3c/dom/Node; the implementation is com.sun.org.apache.*), and a JDK resource in a
 * package its module does not open (the serializer's XMLEntities.properties, found through its jrt:/ URL) had none.
 */
public class XmlKernel {
    public static void main(String[] args) throws Exception {
        String xml = "<library><book id='1' year='1999'><title>Java</title><price>29.5</price></book><book id='2' year='2005'><title>GC Handbook</title><price>55</price></book></library>";
        DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        Document doc = db.parse(new ByteArrayInputStream(xml.getBytes("UTF-8")));
        NodeList books = doc.getElementsByTagName("book");
        for (int i = 0; i < books.getLength(); i++) {
            Element b = (Element) books.item(i);
            System.out.println(b.getAttribute("id") + " " + b.getElementsByTagName("title").item(0).getTextContent());
        }
        XPath xp = XPathFactory.newInstance().newXPath();
        System.out.println(xp.evaluate("sum(//price)", doc) + " " + xp.evaluate("//book[@year > 2000]/title", doc));
        javax.xml.stream.XMLStreamReader r = javax.xml.stream.XMLInputFactory.newInstance().createXMLStreamReader(new StringReader(xml));
        int elems = 0; while (r.hasNext()) if (r.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT) elems++;
        System.out.println("StAX elements " + elems);
        org.xml.sax.helpers.DefaultHandler h = new org.xml.sax.helpers.DefaultHandler() {
            int depth, max;
            StringBuilder text = new StringBuilder();
            @Override public void startElement(String uri, String local, String q, org.xml.sax.Attributes atts) { depth++; max = Math.max(max, depth); if (atts.getLength() > 0) text.append(q).append('@').append(atts.getValue(0)).append(' '); }
            @Override public void endElement(String uri, String local, String q) { depth--; }
            @Override public void endDocument() { System.out.println("SAX max depth " + max + ": " + text); }
        };
        SAXParserFactory.newInstance().newSAXParser().parse(new ByteArrayInputStream(xml.getBytes("UTF-8")), h);
        Element nb = doc.createElement("book"); nb.setAttribute("id", "3"); nb.appendChild(doc.createTextNode("new")); doc.getDocumentElement().appendChild(nb);
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter sw = new StringWriter();
        t.transform(new DOMSource(doc), new StreamResult(sw));
        System.out.println(sw);
    }
}
