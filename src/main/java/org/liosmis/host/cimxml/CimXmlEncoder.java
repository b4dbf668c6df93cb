package org.liosmis.host.cimxml;

import org.liosmis.spi.CimValues;
import java.io.IOException;
import java.io.StringWriter;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMFlavor;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.CIMQualifier;

/**
 * Writes the CIM elements of DSP0201 (classes, instances, paths, values) to a
 * {@link MarkupWriter}. Paths without a host or namespace get those the request came in on.
 */
public final class CimXmlEncoder {

    private final MarkupWriter xml;
    private final String defaultHost;
    private final String defaultNamespace;

    public CimXmlEncoder(MarkupWriter xml, String defaultHost, String defaultNamespace) {
        this.xml = xml;
        this.defaultHost = defaultHost;
        this.defaultNamespace = defaultNamespace;
    }

    public void cimClass(CIMClass cimClass, boolean includeQualifiers, boolean includeClassOrigin) throws IOException {
        xml.start("CLASS").attribute("NAME", cimClass.getName()).attribute("SUPERCLASS", cimClass.getSuperClassName());
        if (includeQualifiers) {
            qualifiers(cimClass.getQualifiers());
        }
        for (CIMClassProperty<?> property : cimClass.getProperties()) {
            property(property, includeQualifiers ? property.getQualifiers() : new CIMQualifier<?>[0],
                    includeClassOrigin);
        }
        for (CIMMethod<?> method : cimClass.getMethods()) {
            method(method, includeQualifiers, includeClassOrigin);
        }
        xml.end();
    }

    public void instance(CIMInstance instance, boolean includeClassOrigin) throws IOException {
        xml.start("INSTANCE").attribute("CLASSNAME", instance.getClassName());
        for (CIMProperty<?> property : instance.getProperties()) {
            property(property, new CIMQualifier<?>[0], includeClassOrigin);
        }
        xml.end();
    }

    /** VALUE.NAMEDINSTANCE, as EnumerateInstances returns it. */
    public void namedInstance(CIMInstance instance, boolean includeClassOrigin) throws IOException {
        xml.start("VALUE.NAMEDINSTANCE");
        instanceName(instance.getObjectPath());
        instance(instance, includeClassOrigin);
        xml.end();
    }

    /** VALUE.OBJECTWITHPATH, as Associators and References return it. */
    public void objectWithPath(CIMInstance instance, boolean includeClassOrigin) throws IOException {
        withPath("VALUE.OBJECTWITHPATH", instance, includeClassOrigin);
    }

    /** VALUE.INSTANCEWITHPATH, as the pull operations return instances. */
    public void instanceWithPath(CIMInstance instance, boolean includeClassOrigin) throws IOException {
        withPath("VALUE.INSTANCEWITHPATH", instance, includeClassOrigin);
    }

    private void withPath(String element, CIMInstance instance, boolean includeClassOrigin) throws IOException {
        xml.start(element);
        instancePath(instance.getObjectPath());
        instance(instance, includeClassOrigin);
        xml.end();
    }

    /** OBJECTPATH, as AssociatorNames and ReferenceNames return it. */
    public void objectPath(CIMObjectPath path) throws IOException {
        xml.start("OBJECTPATH");
        instancePath(path);
        xml.end();
    }

    /** RETURNVALUE of an extrinsic method; nothing for a method without a return type. */
    public void returnValue(CIMDataType type, Object value) throws IOException {
        if (type == null && value == null) {
            return;
        }
        xml.start("RETURNVALUE").attribute("PARAMTYPE", paramType(type, value));
        value(value);
        xml.end();
    }

    /** An output PARAMVALUE of an extrinsic method. */
    public void paramValue(CIMArgument<?> argument) throws IOException {
        xml.start("PARAMVALUE").attribute("NAME", argument.getName())
                .attribute("PARAMTYPE", paramType(argument.getDataType(), argument.getValue()));
        if (argument.getDataType() != null && CimValues.isEmbeddedObject(argument.getDataType())) {
            xml.attribute("EmbeddedObject", argument.getDataType().getType() == CIMDataType.CLASS ? "object" : "instance");
        }
        value(argument.getValue());
        xml.end();
    }

    private static String paramType(CIMDataType type, Object value) {
        if (type != null) {
            return CimValues.name(type);
        }
        return value instanceof CIMObjectPath || value instanceof CIMObjectPath[] ? "reference" : "string";
    }

    public void instanceName(CIMObjectPath path) throws IOException {
        xml.start("INSTANCENAME").attribute("CLASSNAME", path.getObjectName());
        for (CIMProperty<?> key : path.getKeys()) {
            xml.start("KEYBINDING").attribute("NAME", key.getName());
            if (key.getValue() instanceof CIMObjectPath reference) {
                valueReference(reference);
            } else {
                xml.start("KEYVALUE").attribute("VALUETYPE", keyValueType(key.getDataType()))
                        .attribute("TYPE", CimValues.name(key.getDataType()))
                        .text(CimValues.format(key.getValue())).end();
            }
            xml.end();
        }
        xml.end();
    }

    /** INSTANCEPATH, with a NAMESPACEPATH whose HOST is the path's own or the request's. */
    public void instancePath(CIMObjectPath path) throws IOException {
        xml.start("INSTANCEPATH");
        namespacePath(path);
        instanceName(path);
        xml.end();
    }

    public void className(String name) throws IOException {
        xml.start("CLASSNAME").attribute("NAME", name).end();
    }

    /** VALUE.REFERENCE: INSTANCEPATH when the path names a host, LOCALINSTANCEPATH with a namespace, else INSTANCENAME. */
    public void valueReference(CIMObjectPath path) throws IOException {
        xml.start("VALUE.REFERENCE");
        boolean isClass = path.getKeys().length == 0;
        if (path.getHost() != null && path.getNamespace() != null) {
            xml.start(isClass ? "CLASSPATH" : "INSTANCEPATH");
            namespacePath(path);
            instanceOrClassName(path, isClass);
            xml.end();
        } else if (path.getNamespace() != null) {
            xml.start(isClass ? "LOCALCLASSPATH" : "LOCALINSTANCEPATH");
            localNamespacePath(path.getNamespace());
            instanceOrClassName(path, isClass);
            xml.end();
        } else {
            instanceOrClassName(path, isClass);
        }
        xml.end();
    }

    /** A VALUE, VALUE.ARRAY, VALUE.REFERENCE or VALUE.REFARRAY for the value; nothing for null. */
    public void value(Object value) throws IOException {
        if (value == null) {
            return;
        }
        if (value instanceof CIMObjectPath path) {
            valueReference(path);
        } else if (value instanceof CIMObjectPath[] paths) {
            xml.start("VALUE.REFARRAY");
            for (CIMObjectPath path : paths) {
                if (path == null) {
                    xml.start("VALUE.NULL").end();
                } else {
                    valueReference(path);
                }
            }
            xml.end();
        } else if (value instanceof Object[] array) {
            xml.start("VALUE.ARRAY");
            for (Object item : array) {
                if (item == null) {
                    xml.start("VALUE.NULL").end();
                } else {
                    xml.textElement("VALUE", scalarText(item));
                }
            }
            xml.end();
        } else {
            xml.textElement("VALUE", scalarText(value));
        }
    }

    /** True for references and reference arrays, which PARAMVALUE and RETURNVALUE type as "reference". */
    public static boolean isReference(CIMDataType type) {
        return type != null && type.getType() == CIMDataType.REFERENCE;
    }

    private String scalarText(Object value) throws IOException {
        if (value instanceof CIMInstance embedded) {
            StringWriter text = new StringWriter();
            new CimXmlEncoder(new MarkupWriter(text), defaultHost, defaultNamespace).instance(embedded, false);
            return text.toString();
        }
        if (value instanceof CIMClass embedded) {
            StringWriter text = new StringWriter();
            new CimXmlEncoder(new MarkupWriter(text), defaultHost, defaultNamespace).cimClass(embedded, true, false);
            return text.toString();
        }
        return CimValues.format(value);
    }

    private void property(CIMProperty<?> property, CIMQualifier<?>[] qualifiers, boolean includeClassOrigin)
            throws IOException {
        CIMDataType type = property.getDataType();
        if (isReference(type)) {
            xml.start("PROPERTY.REFERENCE").attribute("NAME", property.getName())
                    .attribute("REFERENCECLASS", emptyToNull(type.getRefClassName()));
        } else {
            xml.start(type.isArray() ? "PROPERTY.ARRAY" : "PROPERTY").attribute("NAME", property.getName())
                    .attribute("TYPE", CimValues.name(type));
            if (CimValues.isEmbeddedObject(type)) {
                xml.attribute("EmbeddedObject", type.getType() == CIMDataType.CLASS ? "object" : "instance");
            }
        }
        if (includeClassOrigin) {
            xml.attribute("CLASSORIGIN", property.getOriginClass());
        }
        if (property.isPropagated()) {
            xml.attribute("PROPAGATED", "true");
        }
        qualifiers(qualifiers);
        value(property.getValue());
        xml.end();
    }

    private void method(CIMMethod<?> method, boolean includeQualifiers, boolean includeClassOrigin)
            throws IOException {
        xml.start("METHOD").attribute("NAME", method.getName());
        if (method.getDataType() != null) {
            xml.attribute("TYPE", CimValues.name(method.getDataType()));
        }
        if (includeClassOrigin) {
            xml.attribute("CLASSORIGIN", method.getOriginClass());
        }
        if (method.isPropagated()) {
            xml.attribute("PROPAGATED", "true");
        }
        if (includeQualifiers) {
            qualifiers(method.getQualifiers());
        }
        for (CIMParameter<?> parameter : method.getParameters()) {
            parameter(parameter, includeQualifiers);
        }
        xml.end();
    }

    private void parameter(CIMParameter<?> parameter, boolean includeQualifiers) throws IOException {
        CIMDataType type = parameter.getDataType();
        if (isReference(type)) {
            xml.start(type.isArray() ? "PARAMETER.REFARRAY" : "PARAMETER.REFERENCE")
                    .attribute("NAME", parameter.getName())
                    .attribute("REFERENCECLASS", emptyToNull(type.getRefClassName()));
        } else {
            xml.start(type.isArray() ? "PARAMETER.ARRAY" : "PARAMETER").attribute("NAME", parameter.getName())
                    .attribute("TYPE", CimValues.name(type));
        }
        if (type.isArray() && type.getSize() > 0) {
            xml.attribute("ARRAYSIZE", Integer.toString(type.getSize()));
        }
        if (includeQualifiers) {
            qualifiers(parameter.getQualifiers());
        }
        xml.end();
    }

    private void qualifiers(CIMQualifier<?>[] qualifiers) throws IOException {
        for (CIMQualifier<?> qualifier : qualifiers) {
            int flavor = qualifier.getFlavor();
            xml.start("QUALIFIER").attribute("NAME", qualifier.getName())
                    .attribute("TYPE", CimValues.name(qualifier.getDataType()))
                    .attribute("PROPAGATED", qualifier.isPropagated() ? "true" : null)
                    .attribute("OVERRIDABLE", (flavor & CIMFlavor.DISABLEOVERRIDE) != 0 ? "false" : null)
                    .attribute("TOSUBCLASS", (flavor & CIMFlavor.RESTRICTED) != 0 ? "false" : null)
                    .attribute("TRANSLATABLE", (flavor & CIMFlavor.TRANSLATE) != 0 ? "true" : null);
            value(qualifier.getValue());
            xml.end();
        }
    }

    private void instanceOrClassName(CIMObjectPath path, boolean isClass) throws IOException {
        if (isClass) {
            className(path.getObjectName());
        } else {
            instanceName(path);
        }
    }

    private void namespacePath(CIMObjectPath path) throws IOException {
        xml.start("NAMESPACEPATH");
        xml.textElement("HOST", path.getHost() != null ? path.getHost() : defaultHost);
        localNamespacePath(path.getNamespace() != null ? path.getNamespace() : defaultNamespace);
        xml.end();
    }

    public void localNamespacePath(String namespace) throws IOException {
        xml.start("LOCALNAMESPACEPATH");
        for (String part : namespace.split("/")) {
            if (!part.isEmpty()) {
                xml.start("NAMESPACE").attribute("NAME", part).end();
            }
        }
        xml.end();
    }

    private static String keyValueType(CIMDataType type) {
        return switch (type.getType()) {
            case CIMDataType.BOOLEAN -> "boolean";
            case CIMDataType.STRING, CIMDataType.CHAR16, CIMDataType.DATETIME -> "string";
            default -> "numeric";
        };
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
