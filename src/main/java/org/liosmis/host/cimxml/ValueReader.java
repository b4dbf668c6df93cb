package org.liosmis.host.cimxml;

import org.liosmis.spi.CimValues;
import java.util.ArrayList;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Decodes the value and path elements of a request (DSP0201 §5.2.3 - §5.2.6) into JSR48
 * types. Values without a type stay text, the way wbemcli sends them; the provider
 * coerces them by the declared parameter types.
 */
public final class ValueReader {

    private ValueReader() {
    }

    /** LOCALNAMESPACEPATH to "root/lio". */
    public static String namespace(XmlElement localNamespacePath) throws RequestRejected {
        List<String> parts = new ArrayList<>();
        for (XmlElement part : localNamespacePath.children("NAMESPACE")) {
            parts.add(part.requiredAttribute("NAME"));
        }
        if (parts.isEmpty()) {
            throw RequestRejected.notValid("LOCALNAMESPACEPATH names no NAMESPACE");
        }
        return String.join("/", parts);
    }

    /**
     * Any of the path elements: INSTANCEPATH, LOCALINSTANCEPATH, INSTANCENAME, CLASSPATH,
     * LOCALCLASSPATH, CLASSNAME. Paths that carry no namespace get the request's.
     */
    public static CIMObjectPath objectPath(XmlElement element, String requestNamespace) throws RequestRejected {
        return switch (element.name()) {
            case "INSTANCENAME" -> instanceName(element, null, requestNamespace);
            case "CLASSNAME" -> new CIMObjectPath(null, null, null, requestNamespace,
                    element.requiredAttribute("NAME"), null);
            case "LOCALINSTANCEPATH" -> instanceName(element.requiredChild("INSTANCENAME"), null,
                    namespace(element.requiredChild("LOCALNAMESPACEPATH")));
            case "LOCALCLASSPATH" -> new CIMObjectPath(null, null, null,
                    namespace(element.requiredChild("LOCALNAMESPACEPATH")),
                    element.requiredChild("CLASSNAME").requiredAttribute("NAME"), null);
            case "INSTANCEPATH" -> {
                XmlElement namespacePath = element.requiredChild("NAMESPACEPATH");
                yield instanceName(element.requiredChild("INSTANCENAME"), namespacePath.requiredChild("HOST").text().trim(),
                        namespace(namespacePath.requiredChild("LOCALNAMESPACEPATH")));
            }
            case "CLASSPATH" -> {
                XmlElement namespacePath = element.requiredChild("NAMESPACEPATH");
                yield new CIMObjectPath(null, namespacePath.requiredChild("HOST").text().trim(), null,
                        namespace(namespacePath.requiredChild("LOCALNAMESPACEPATH")),
                        element.requiredChild("CLASSNAME").requiredAttribute("NAME"), null);
            }
            default -> throw RequestRejected.notValid(element.name() + " is not an object path");
        };
    }

    private static CIMObjectPath instanceName(XmlElement instanceName, String host, String namespace)
            throws RequestRejected {
        String className = instanceName.requiredAttribute("CLASSNAME");
        List<CIMProperty<?>> keys = new ArrayList<>();
        for (XmlElement binding : instanceName.children("KEYBINDING")) {
            keys.add(key(binding.requiredAttribute("NAME"), binding.onlyChild(), namespace));
        }
        return new CIMObjectPath(null, host, null, namespace, className, keys.toArray(CIMProperty<?>[]::new));
    }

    private static CIMProperty<?> key(String name, XmlElement value, String namespace) throws RequestRejected {
        if (value.name().equals("VALUE.REFERENCE")) {
            CIMObjectPath reference = objectPath(value.onlyChild(), namespace);
            return new CIMProperty<>(name, new CIMDataType(reference.getObjectName()), reference, true, false, null);
        }
        if (!value.name().equals("KEYVALUE")) {
            throw RequestRejected.notValid("KEYBINDING " + name + " holds " + value.name());
        }
        CIMDataType type = keyType(value);
        try {
            return new CIMProperty<>(name, type, CimValues.parse(type, value.text()), true, false, null);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.notValid("key " + name + ": " + e.getMessage());
        }
    }

    private static CIMDataType keyType(XmlElement keyValue) throws RequestRejected {
        String typeName = keyValue.attribute("TYPE");
        if (typeName != null) {
            CIMDataType type = CimValues.fromName(typeName, false);
            if (type == null) {
                throw RequestRejected.notValid("unknown key type " + typeName);
            }
            return type;
        }
        String valueType = keyValue.attribute("VALUETYPE");
        if (valueType == null || valueType.equals("string")) {
            return CIMDataType.STRING_T;
        }
        if (valueType.equals("boolean")) {
            return CIMDataType.BOOLEAN_T;
        }
        String text = keyValue.text().trim();
        if (text.contains(".") || text.contains("e") || text.contains("E")) {
            return CIMDataType.REAL64_T;
        }
        return text.startsWith("-") ? CIMDataType.SINT64_T : CIMDataType.UINT64_T;
    }

    /**
     * A PARAMVALUE as a method argument: typed by PARAMTYPE when present, otherwise text
     * (VALUE), text array (VALUE.ARRAY) or path (VALUE.REFERENCE, VALUE.REFARRAY).
     */
    public static CIMArgument<?> argument(XmlElement paramValue, String requestNamespace) throws RequestRejected {
        String name = paramValue.requiredAttribute("NAME");
        String paramType = paramValue.attribute("PARAMTYPE");
        if (paramValue.children().isEmpty()) {
            return new CIMArgument<>(name, declaredType(paramType, false, name), null);
        }
        XmlElement value = paramValue.onlyChild();
        try {
            return switch (value.name()) {
                case "VALUE" -> {
                    CIMDataType type = declaredType(paramType, false, name);
                    yield new CIMArgument<>(name, type, CimValues.parse(type, value.text()));
                }
                case "VALUE.ARRAY" -> {
                    CIMDataType type = declaredType(paramType, true, name);
                    yield new CIMArgument<>(name, type, array(value, CimValues.fromName(CimValues.name(type), false)));
                }
                case "VALUE.REFERENCE" -> {
                    CIMObjectPath path = objectPath(value.onlyChild(), requestNamespace);
                    yield new CIMArgument<>(name, new CIMDataType(path.getObjectName()), path);
                }
                case "VALUE.REFARRAY" -> {
                    List<CIMObjectPath> paths = new ArrayList<>();
                    for (XmlElement reference : value.children()) {
                        paths.add(reference.name().equals("VALUE.NULL") ? null
                                : objectPath(reference.onlyChild(), requestNamespace));
                    }
                    String refClass = paths.stream().filter(p -> p != null).findFirst()
                            .map(CIMObjectPath::getObjectName).orElse("");
                    yield new CIMArgument<>(name, new CIMDataType(refClass, 0), paths.toArray(CIMObjectPath[]::new));
                }
                default -> throw RequestRejected.notValid("PARAMVALUE " + name + " holds " + value.name());
            };
        } catch (IllegalArgumentException e) {
            throw RequestRejected.notValid("PARAMVALUE " + name + ": " + e.getMessage());
        }
    }

    private static Object[] array(XmlElement valueArray, CIMDataType elementType) {
        List<XmlElement> items = valueArray.children();
        Object[] values = CimValues.newArray(elementType, items.size());
        for (int i = 0; i < values.length; i++) {
            XmlElement item = items.get(i);
            values[i] = item.name().equals("VALUE.NULL") ? null : CimValues.parse(elementType, item.text());
        }
        return values;
    }

    private static CIMDataType declaredType(String paramType, boolean array, String name) throws RequestRejected {
        if (paramType == null) {
            return array ? CIMDataType.STRING_ARRAY_T : CIMDataType.STRING_T;
        }
        CIMDataType type = CimValues.fromName(paramType, array);
        if (type == null) {
            throw RequestRejected.notValid("PARAMVALUE " + name + " has unknown PARAMTYPE " + paramType);
        }
        return type;
    }

    /** The text of a single VALUE, for intrinsic parameters. */
    public static String text(XmlElement value) throws RequestRejected {
        if (!value.name().equals("VALUE")) {
            throw RequestRejected.notValid("expected VALUE, found " + value.name());
        }
        return value.text();
    }
}
