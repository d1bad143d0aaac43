package dev.concertina.entities.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The parts of a {@code META-INF/persistence.xml} persistence unit that decide the schema: listed
 * classes, mapping files, whether unlisted classes of the unit's root are scanned, and properties.
 * Read with the JDK's XML parser, namespace-agnostic (JPA 2.x {@code xmlns.jcp.org} and 3.x
 * {@code jakarta.ee} files both work).
 */
public record PersistenceXml(
        String name,
        URL location,
        List<String> classes,
        List<String> mappingFiles,
        List<String> jarFiles,
        boolean excludeUnlistedClasses,
        Map<String, String> properties) {

    public PersistenceXml {
        classes = List.copyOf(classes);
        mappingFiles = List.copyOf(mappingFiles);
        jarFiles = List.copyOf(jarFiles);
        properties = Map.copyOf(properties);
    }

    /** The unit called {@code unitName} in one of {@code files}; empty when none has it. */
    public static Optional<PersistenceXml> find(List<URL> files, String unitName) {
        for (URL file : files) {
            for (PersistenceXml unit : parse(file)) {
                if (unit.name().equals(unitName)) {
                    return Optional.of(unit);
                }
            }
        }
        return Optional.empty();
    }

    /** Every unit in one file, in document order. */
    public static List<PersistenceXml> parse(URL file) {
        Document doc;
        try (InputStream in = file.openStream()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setExpandEntityReferences(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(in);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    file + ": not a readable persistence.xml: "
                            + String.valueOf(e.getMessage()).replace('\n', ' '),
                    e);
        }
        List<PersistenceXml> units = new ArrayList<>();
        for (Element unit : children(doc.getDocumentElement(), "persistence-unit")) {
            List<String> classes = new ArrayList<>();
            List<String> mappings = new ArrayList<>();
            List<String> jars = new ArrayList<>();
            boolean exclude = false;
            Map<String, String> props = new LinkedHashMap<>();
            for (Element e : children(unit, null)) {
                switch (e.getLocalName()) {
                    case "class":
                        classes.add(e.getTextContent().trim());
                        break;
                    case "mapping-file":
                        mappings.add(e.getTextContent().trim());
                        break;
                    case "jar-file":
                        jars.add(e.getTextContent().trim());
                        break;
                    case "exclude-unlisted-classes": {
                        String v = e.getTextContent().trim();
                        // An empty element means true (JPA schema default for the element's value).
                        exclude = v.isEmpty() || Boolean.parseBoolean(v);
                        break;
                    }
                    case "properties":
                        for (Element p : children(e, "property")) {
                            props.put(p.getAttribute("name"), p.getAttribute("value"));
                        }
                        break;
                    default:
                        break;
                }
            }
            units.add(new PersistenceXml(unit.getAttribute("name"), file, classes, mappings, jars, exclude, props));
        }
        return units;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element && (localName == null || localName.equals(n.getLocalName()))) {
                out.add((Element) n);
            }
        }
        return out;
    }
}
