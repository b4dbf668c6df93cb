package org.liosmis.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.liosmis.schema.MofSyntax.QualifierUse;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMQualifier;
import org.metricshub.wbem.javax.cim.CIMQualifierType;

/** Types the qualifiers written on a MOF element by their declarations. */
final class QualifierBinder {

    private final Map<String, CIMQualifierType<?>> declarations;

    /** declarations: keyed by lower-case name. */
    QualifierBinder(Map<String, CIMQualifierType<?>> declarations) {
        this.declarations = declarations;
    }

    /**
     * The qualifiers with the declared name, type and flavor (overridden by flavors written
     * on the use). A bare boolean qualifier ([Key]) means true; any other bare qualifier
     * takes its declared default.
     */
    List<CIMQualifier<?>> bind(String file, List<QualifierUse> uses) {
        List<CIMQualifier<?>> qualifiers = new ArrayList<>(uses.size());
        for (QualifierUse use : uses) {
            CIMQualifierType<?> declaration = declarations.get(use.name().toLowerCase(Locale.ROOT));
            if (declaration == null) {
                throw new MofException(file, use.line(), "unknown qualifier " + use.name());
            }
            for (CIMQualifier<?> earlier : qualifiers) {
                if (earlier.getName().equalsIgnoreCase(declaration.getName())) {
                    throw new MofException(file, use.line(), "qualifier " + use.name() + " is given twice");
                }
            }
            CIMDataType type = declaration.getDataType();
            qualifiers.add(new CIMQualifier<>(declaration.getName(), type, value(file, use, declaration),
                    Flavors.apply(declaration.getFlavor(), use.flavors())));
        }
        return qualifiers;
    }

    private static Object value(String file, QualifierUse use, CIMQualifierType<?> declaration) {
        CIMDataType type = declaration.getDataType();
        if (!use.hasValue()) {
            return type.getType() == CIMDataType.BOOLEAN && !type.isArray() ? Boolean.TRUE : declaration.getValue();
        }
        try {
            return MofValues.typed(use.value(), type);
        } catch (IllegalArgumentException e) {
            throw new MofException(file, use.line(), "qualifier " + declaration.getName() + ": " + e.getMessage(), e);
        }
    }
}
