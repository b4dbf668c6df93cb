package org.liosmis.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMDataType;

/**
 * The parse tree of a MOF file. Literal values are kept untyped (null, Boolean, String,
 * Character, BigInteger, Double, Alias, or a List of those for arrays) until the compiler
 * knows the type they must take.
 */
final class MofSyntax {

    private MofSyntax() {
    }

    sealed interface Production permits Pragma, QualifierDeclaration, ClassDeclaration {
        int line();
    }

    record Pragma(String name, List<String> arguments, int line) implements Production {
    }

    /** scope: CIMScope bits; flavor: CIMFlavor bits. */
    record QualifierDeclaration(String name, MofType type, Object defaultValue, int scope, int flavor, int line)
            implements Production {
    }

    record ClassDeclaration(List<QualifierUse> qualifiers, String name, String superclass,
            List<PropertyDeclaration> properties, List<MethodDeclaration> methods, int line) implements Production {
    }

    /** hasValue false means the bare form ([Key]); flavors are the words after a colon. */
    record QualifierUse(String name, Object value, boolean hasValue, List<String> flavors, int line) {
    }

    record PropertyDeclaration(List<QualifierUse> qualifiers, MofType type, String name, Object defaultValue, int line) {
    }

    record MethodDeclaration(List<QualifierUse> qualifiers, MofType returnType, String name,
            List<ParameterDeclaration> parameters, int line) {
    }

    record ParameterDeclaration(List<QualifierUse> qualifiers, MofType type, String name, int line) {
    }

    /** A reference to a named instance ($name) in an initializer. */
    record Alias(String name) {
    }

    /** A declared type: an intrinsic type or a reference (refClass set), optionally an array (size 0: variable). */
    record MofType(int baseType, String refClass, boolean array, int arraySize) {

        static final Map<String, Integer> INTRINSIC = Map.ofEntries(
                Map.entry("boolean", CIMDataType.BOOLEAN),
                Map.entry("string", CIMDataType.STRING),
                Map.entry("char16", CIMDataType.CHAR16),
                Map.entry("datetime", CIMDataType.DATETIME),
                Map.entry("uint8", CIMDataType.UINT8),
                Map.entry("sint8", CIMDataType.SINT8),
                Map.entry("uint16", CIMDataType.UINT16),
                Map.entry("sint16", CIMDataType.SINT16),
                Map.entry("uint32", CIMDataType.UINT32),
                Map.entry("sint32", CIMDataType.SINT32),
                Map.entry("uint64", CIMDataType.UINT64),
                Map.entry("sint64", CIMDataType.SINT64),
                Map.entry("real32", CIMDataType.REAL32),
                Map.entry("real64", CIMDataType.REAL64));

        /** The intrinsic type constant for a MOF type name, or null when it is not one. */
        static Integer intrinsic(String word) {
            return INTRINSIC.get(word.toLowerCase(Locale.ROOT));
        }

        static MofType reference(String refClass) {
            return new MofType(CIMDataType.REFERENCE, refClass, false, 0);
        }

        MofType asArray(int size) {
            return new MofType(baseType, refClass, true, size);
        }

        boolean isReference() {
            return refClass != null;
        }

        CIMDataType toDataType() {
            if (isReference()) {
                return array ? new CIMDataType(refClass, arraySize) : new CIMDataType(refClass);
            }
            if (!array) {
                return new CIMDataType(baseType, false);
            }
            return arraySize > 0 ? new CIMDataType(baseType, arraySize) : new CIMDataType(baseType, true);
        }
    }
}
