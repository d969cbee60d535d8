package dev.gatehouse.internal.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The changeset ids Gatehouse's Liquibase changelog (on the class path) expects, in order. */
final class ChangeLog {

    private ChangeLog() {
    }

    static List<String> changeSetIds(String masterPath) {
        List<String> ids = new ArrayList<>();
        String dir = masterPath.substring(0, masterPath.lastIndexOf('/') + 1);
        Document master = read(masterPath);
        NodeList includes = master.getElementsByTagName("include");
        for (int i = 0; i < includes.getLength(); i++) {
            Element include = (Element) includes.item(i);
            boolean relative = Boolean.parseBoolean(include.getAttribute("relativeToChangelogFile"));
            collect(read((relative ? dir : "") + include.getAttribute("file")), ids);
        }
        collect(master, ids);
        return List.copyOf(ids);
    }

    private static void collect(Document doc, List<String> ids) {
        NodeList sets = doc.getElementsByTagName("changeSet");
        for (int i = 0; i < sets.getLength(); i++) {
            ids.add(((Element) sets.item(i)).getAttribute("id"));
        }
    }

    private static Document read(String path) {
        try (InputStream in = ChangeLog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Gatehouse's changelog " + path + " is not on the class path");
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(in);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Gatehouse cannot read its changelog " + path + ": " + e.getMessage(), e);
        }
    }
}
