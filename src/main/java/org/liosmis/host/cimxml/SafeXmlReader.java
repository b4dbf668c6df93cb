package org.liosmis.host.cimxml;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a request body into {@link XmlElement}s with StAX, refusing anything a CIM-XML
 * request never needs and an attacker would: DTDs (hence external and expanding
 * entities) and deep nesting.
 */
public final class SafeXmlReader {

    private final XMLInputFactory factory;
    private final int maxDepth;

    public SafeXmlReader(int maxDepth) {
        this.maxDepth = maxDepth;
        this.factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    public XmlElement read(InputStream body) throws RequestRejected {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(body);
            return readDocument(reader);
        } catch (XMLStreamException e) {
            throw RequestRejected.notWellFormed("the request is not well-formed XML: " + e.getMessage());
        } finally {
            closeQuietly(reader);
        }
    }

    private XmlElement readDocument(XMLStreamReader reader) throws XMLStreamException, RequestRejected {
        Deque<Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.DTD ->
                        throw RequestRejected.notValid("document type declarations are not accepted");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw RequestRejected.notValid("entity references are not accepted");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= maxDepth) {
                        throw RequestRejected.notValid("elements are nested deeper than " + maxDepth);
                    }
                    open.push(new Builder(reader));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> { }
            }
        }
        if (root == null) {
            throw RequestRejected.notWellFormed("the request body holds no XML element");
        }
        return root;
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release that matters
            }
        }
    }

    private static final class Builder {
        private final String name;
        private final Map<String, String> attributes = new HashMap<>();
        private final List<XmlElement> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Builder(XMLStreamReader reader) {
            name = reader.getLocalName();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
        }

        XmlElement build() {
            return new XmlElement(name, attributes, children, text.toString());
        }
    }
}
