package org.liosmis.host.cimxml;

import org.liosmis.spi.CimValues;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.liosmis.cimom.Projection;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The IPARAMVALUEs of one intrinsic call, checked against the names the operation takes
 * (DSP0200 §5.3.2). Parameter names match case-insensitively; a missing optional
 * parameter takes the default the caller gives, which is DSP0200's.
 */
final class IntrinsicParameters {

    private final String operation;
    private final String namespace;
    private final Map<String, XmlElement> byName = new HashMap<>();

    private IntrinsicParameters(String operation, String namespace, List<XmlElement> parameters, Set<String> accepted)
            throws WBEMException {
        this.operation = operation;
        this.namespace = namespace;
        for (XmlElement parameter : parameters) {
            String name = parameter.attribute("NAME");
            if (name == null || !accepted.contains(name.toLowerCase(Locale.ROOT))) {
                throw invalid(operation + " takes no parameter " + name);
            }
            if (byName.put(name.toLowerCase(Locale.ROOT), parameter) != null) {
                throw invalid(operation + " got the parameter " + name + " twice");
            }
        }
    }

    /** The parameters of one call to an operation that takes the names given. */
    static IntrinsicParameters of(String operation, String namespace, List<XmlElement> parameters,
                                  String... accepted) throws WBEMException {
        return new IntrinsicParameters(operation, namespace, parameters,
                Stream.of(accepted).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    String requiredClassName(String name) throws WBEMException {
        String className = className(name);
        if (className == null) {
            throw invalid(operation + " needs the " + name + " parameter");
        }
        return className;
    }

    /** A CLASSNAME parameter (ClassName, AssocClass, ResultClass), or null. */
    String className(String name) throws WBEMException {
        XmlElement value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.name().equals("CLASSNAME") || value.attribute("NAME") == null) {
            throw invalid(name + " must be a CLASSNAME");
        }
        return value.attribute("NAME");
    }

    /** InstanceName (an INSTANCENAME) or ObjectName (INSTANCENAME or CLASSNAME), required. */
    CIMObjectPath objectPath(String name) throws WBEMException {
        XmlElement value = value(name);
        if (value == null) {
            throw invalid(operation + " needs the " + name + " parameter");
        }
        if (!value.name().equals("INSTANCENAME") && !(value.name().equals("CLASSNAME") && name.equals("ObjectName"))) {
            throw invalid(name + " must not be a " + value.name());
        }
        try {
            return ValueReader.objectPath(value, namespace);
        } catch (RequestRejected e) {
            throw invalid(name + ": " + e.getMessage());
        }
    }

    /** ModifiedInstance: a VALUE.NAMEDINSTANCE, required. */
    CIMInstance namedInstance(String name) throws WBEMException {
        XmlElement value = value(name);
        if (value == null) {
            throw invalid(operation + " needs the " + name + " parameter");
        }
        try {
            return InstanceReader.namedInstance(value, namespace);
        } catch (RequestRejected e) {
            throw invalid(name + ": " + e.getMessage());
        }
    }

    boolean flag(String name, boolean defaultValue) throws WBEMException {
        String text = string(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            return CimValues.parseBoolean(text.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(name + ": " + e.getMessage());
        }
    }

    /** A uint32 VALUE parameter (OperationTimeout, MaxObjectCount), or null. */
    Long uint32(String name) throws WBEMException {
        String text = string(name);
        if (text == null) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw invalid(name + " must be a uint32 (0 to 4294967295), not \"" + text + "\"");
        }
        return value;
    }

    /** A VALUE parameter (Role, ResultRole), or null. */
    String string(String name) throws WBEMException {
        XmlElement value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.name().equals("VALUE")) {
            throw invalid(name + " must be a VALUE");
        }
        return value.text();
    }

    /** PropertyList: null (absent or NULL) means every property. */
    String[] propertyList() throws WBEMException {
        XmlElement value = value("PropertyList");
        if (value == null) {
            return null;
        }
        if (!value.name().equals("VALUE.ARRAY")) {
            throw invalid("PropertyList must be a VALUE.ARRAY");
        }
        return value.children("VALUE").stream().map(v -> v.text().trim()).toArray(String[]::new);
    }

    Projection projection(boolean localOnly, boolean includeQualifiers) throws WBEMException {
        return Projection.of(localOnly, includeQualifiers, flag("IncludeClassOrigin", false), propertyList());
    }

    private XmlElement value(String name) throws WBEMException {
        XmlElement parameter = byName.get(name.toLowerCase(Locale.ROOT));
        if (parameter == null || parameter.children().isEmpty()) {
            return null;
        }
        if (parameter.children().size() != 1) {
            throw invalid(name + " must hold one value");
        }
        return parameter.children().getFirst();
    }

    static WBEMException invalid(String description) {
        return new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, description);
    }
}
