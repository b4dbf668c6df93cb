package org.liosmis.schema;

import java.lang.reflect.Array;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.liosmis.schema.MofSyntax.MofType;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMFlavor;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMQualifier;
import org.metricshub.wbem.javax.cim.CIMQualifierType;
import org.metricshub.wbem.javax.cim.CIMScope;

/**
 * Writes resolved classes back as MOF declarations: only what the class itself declares
 * (members and qualifiers not propagated), and only the qualifiers a filter keeps.
 */
final class MofWriter {

    private static final Map<Integer, String> TYPE_NAMES = new TreeMap<>();

    static {
        MofType.INTRINSIC.forEach((name, type) -> TYPE_NAMES.put(type, name));
    }

    private final StringBuilder out = new StringBuilder();
    private final ClassRepository repository;
    private final Predicate<String> keepQualifier;

    MofWriter(ClassRepository repository, Predicate<String> keepQualifier) {
        this.repository = repository;
        this.keepQualifier = keepQualifier;
    }

    MofWriter comment(String text) {
        out.append("// ").append(text).append('\n');
        return this;
    }

    MofWriter newLine() {
        out.append('\n');
        return this;
    }

    MofWriter qualifierType(CIMQualifierType<?> type) {
        out.append("Qualifier ").append(type.getName()).append(" : ").append(typeName(type.getDataType()));
        if (type.getDataType().isArray()) {
            out.append("[]");
        }
        if (type.getValue() != null || !type.getDataType().isArray()) {
            out.append(" = ").append(value(type.getValue()));
        }
        out.append(",\n    Scope(").append(scopes(type.getScope())).append(')');
        out.append(",\n    Flavor(").append(flavors(type.getFlavor())).append(')');
        out.append(";\n\n");
        return this;
    }

    MofWriter declaredClass(CIMClass cimClass) {
        qualifiers("", cimClass.getQualifiers(), "\n");
        out.append("class ").append(cimClass.getName());
        if (cimClass.getSuperClassName() != null) {
            out.append(" : ").append(cimClass.getSuperClassName());
        }
        out.append(" {\n");
        for (CIMClassProperty<?> property : cimClass.getProperties()) {
            if (!property.isPropagated()) {
                out.append('\n');
                qualifiers("   ", property.getQualifiers(), "\n");
                out.append("   ").append(declaration(property.getDataType(), property.getName()));
                if (property.getValue() != null) {
                    out.append(" = ").append(value(property.getValue()));
                }
                out.append(";\n");
            }
        }
        for (CIMMethod<?> method : cimClass.getMethods()) {
            if (!method.isPropagated()) {
                out.append('\n');
                qualifiers("   ", method.getQualifiers(), "\n");
                out.append("   ").append(typeName(method.getDataType())).append(' ').append(method.getName()).append('(');
                CIMParameter<?>[] parameters = method.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    out.append("\n");
                    qualifiers("      ", parameters[i].getQualifiers(), "\n");
                    out.append("      ").append(declaration(parameters[i].getDataType(), parameters[i].getName()));
                    out.append(i < parameters.length - 1 ? "," : "");
                }
                out.append(");\n");
            }
        }
        out.append("};\n\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void qualifiers(String indent, CIMQualifier<?>[] qualifiers, String end) {
        StringBuilder list = new StringBuilder();
        for (CIMQualifier<?> qualifier : qualifiers) {
            if (qualifier.isPropagated() || !keepQualifier.test(qualifier.getName())) {
                continue;
            }
            list.append(list.isEmpty() ? "" : ", ").append(qualifier.getName());
            Object value = qualifier.getValue();
            if (value != null && value.getClass().isArray()) {
                list.append(' ').append(value(value));
            } else if (!Boolean.TRUE.equals(value)) {
                list.append('(').append(value(value)).append(')');
            }
            CIMQualifierType<?> declaration = repository.getQualifierType(qualifier.getName());
            if (declaration.getFlavor() != qualifier.getFlavor()) {
                list.append(" : ").append(flavors(qualifier.getFlavor()));
            }
        }
        if (!list.isEmpty()) {
            out.append(indent).append('[').append(list).append(']').append(end);
        }
    }

    private static String declaration(CIMDataType type, String name) {
        String base = typeName(type) + " " + name;
        if (!type.isArray()) {
            return base;
        }
        return base + (type.getSize() > 0 ? "[" + type.getSize() + "]" : "[]");
    }

    private static String typeName(CIMDataType type) {
        return type.getRefClassName() != null ? type.getRefClassName() + " REF" : TYPE_NAMES.get(type.getType());
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            StringBuilder list = new StringBuilder("{");
            for (int i = 0; i < Array.getLength(value); i++) {
                list.append(i == 0 ? "" : ", ").append(value(Array.get(value, i)));
            }
            return list.append('}').toString();
        }
        return switch (value) {
            case String s -> quote(s);
            case CIMDateTime dateTime -> quote(dateTime.toString());
            case Character c -> "'" + escape(String.valueOf(c)) + "'";
            default -> value.toString();
        };
    }

    private static String quote(String text) {
        return '"' + escape(text) + '"';
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\'' -> escaped.append("\\'");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append("\\t");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c < 0x20 ? String.format(Locale.ROOT, "\\x%04X", (int) c) : String.valueOf(c));
            }
        }
        return escaped.toString();
    }

    private static String scopes(int scope) {
        if ((scope & CIMScope.ANY) == CIMScope.ANY) {
            return "any";
        }
        StringBuilder words = new StringBuilder();
        Map<Integer, String> names = Map.of(CIMScope.CLASS, "class", CIMScope.ASSOCIATION, "association",
                CIMScope.INDICATION, "indication", CIMScope.PROPERTY, "property", CIMScope.REFERENCE, "reference",
                CIMScope.METHOD, "method", CIMScope.PARAMETER, "parameter");
        for (int bit : new int[] {CIMScope.CLASS, CIMScope.ASSOCIATION, CIMScope.INDICATION, CIMScope.PROPERTY,
                CIMScope.REFERENCE, CIMScope.METHOD, CIMScope.PARAMETER}) {
            if ((scope & bit) != 0) {
                words.append(words.isEmpty() ? "" : ", ").append(names.get(bit));
            }
        }
        return words.toString();
    }

    private static String flavors(int flavor) {
        String override = (flavor & CIMFlavor.DISABLEOVERRIDE) != 0 ? "DisableOverride" : "EnableOverride";
        String inheritance = (flavor & CIMFlavor.RESTRICTED) != 0 ? "Restricted" : "ToSubclass";
        return override + ", " + inheritance + ((flavor & CIMFlavor.TRANSLATE) != 0 ? ", Translatable" : "");
    }

    /** Qualifiers that shape what clients see, as opposed to documentation (Description, MappingStrings...). */
    static final Set<String> STRUCTURAL_QUALIFIERS = Set.of("abstract", "aggregate", "aggregation", "arraytype",
            "association", "bitmap", "bitvalues", "composition", "counter", "deprecated", "embeddedinstance",
            "embeddedobject", "exception", "experimental", "gauge", "in", "indication", "ispunit", "key", "max",
            "maxlen", "maxvalue", "min", "minlen", "minvalue", "octetstring", "out", "override", "punit", "required",
            "static", "terminal", "units", "valuemap", "values", "version", "weak", "write");
}
