package org.liosmis.host.cimxml;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a parsed request: CIM-XML requests are small (the body size is bounded),
 * so a tree is simpler to decode than a pull parser, and it is built only after the
 * reader has checked depth and refused DTDs.
 */
public record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text) {

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The attribute, or null. CIM-XML attribute names are case-sensitive. */
    public String attribute(String attributeName) {
        return attributes.get(attributeName);
    }

    public String requiredAttribute(String attributeName) throws RequestRejected {
        String value = attributes.get(attributeName);
        if (value == null) {
            throw RequestRejected.notValid(name + " lacks the " + attributeName + " attribute");
        }
        return value;
    }

    public Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    public XmlElement requiredChild(String childName) throws RequestRejected {
        return child(childName).orElseThrow(() -> RequestRejected.notValid(name + " lacks " + childName));
    }

    public List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The only child element, whatever its name. */
    public XmlElement onlyChild() throws RequestRejected {
        if (children.size() != 1) {
            throw RequestRejected.notValid(name + " must hold exactly one element");
        }
        return children.getFirst();
    }
}
