package org.liosmis.host.cimxml;

import java.util.ArrayList;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * A VALUE.NAMEDINSTANCE as a client sends it in ModifyInstance: its name, and each property's
 * value as text (PROPERTY), text array (PROPERTY.ARRAY) or path (PROPERTY.REFERENCE), left for
 * the object manager to type by the class.
 */
final class InstanceReader {

    private InstanceReader() {
    }

    static CIMInstance namedInstance(XmlElement namedInstance, String requestNamespace) throws RequestRejected {
        if (!namedInstance.name().equals("VALUE.NAMEDINSTANCE")) {
            throw RequestRejected.notValid("expected VALUE.NAMEDINSTANCE, found " + namedInstance.name());
        }
        CIMObjectPath path = ValueReader.objectPath(namedInstance.requiredChild("INSTANCENAME"), requestNamespace);
        XmlElement instance = namedInstance.requiredChild("INSTANCE");
        List<CIMProperty<?>> properties = new ArrayList<>();
        for (XmlElement property : instance.children()) {
            if (property.name().equals("QUALIFIER")) {
                continue; // instance qualifiers are not modified (IncludeQualifiers is deprecated)
            }
            String name = property.requiredAttribute("NAME");
            properties.add(switch (property.name()) {
                case "PROPERTY" -> new CIMProperty<>(name, CIMDataType.STRING_T,
                        property.child("VALUE").map(XmlElement::text).orElse(null));
                case "PROPERTY.ARRAY" -> new CIMProperty<>(name, CIMDataType.STRING_ARRAY_T, property.child("VALUE.ARRAY")
                        .map(array -> array.children("VALUE").stream().map(XmlElement::text).toArray(String[]::new))
                        .orElse(null));
                case "PROPERTY.REFERENCE" -> reference(name, property, requestNamespace);
                default -> throw RequestRejected.notValid("INSTANCE holds " + property.name());
            });
        }
        return new CIMInstance(path, properties.toArray(CIMProperty<?>[]::new));
    }

    private static CIMProperty<?> reference(String name, XmlElement property, String requestNamespace)
            throws RequestRejected {
        XmlElement value = property.child("VALUE.REFERENCE").orElse(null);
        CIMObjectPath target = value == null ? null : ValueReader.objectPath(value.onlyChild(), requestNamespace);
        return new CIMProperty<>(name, new CIMDataType(target == null ? "" : target.getObjectName()), target);
    }
}
