package hearth.engine.http;

import groovy.xml.XmlSlurper;

import java.io.StringReader;

/** XML from the internet, parsed without DOCTYPEs or external entities. */
public final class XmlText {
    private XmlText() {
    }

    public static Object parse(String text) throws Exception {
        XmlSlurper slurper = new XmlSlurper(false, false, false);
        // failures are thrown; the parser's default handler would also print them to stderr
        slurper.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return slurper.parse(new org.xml.sax.InputSource(new StringReader(text)));
    }
}
