package hearth.engine.http;

import groovy.xml.XmlSlurper;

import java.io.StringReader;

/** XML from the internet, parsed without DOCTYPEs or external entities. */
public final class XmlText {
    private XmlText() {
    }

    public static Object parse(String text) throws Exception {
        XmlSlurper slurper = new XmlSlurper(false, false, false);
        return slurper.parse(new org.xml.sax.InputSource(new StringReader(text)));
    }
}
