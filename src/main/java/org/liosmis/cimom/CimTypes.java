package org.liosmis.cimom;

import org.metricshub.wbem.javax.cim.CIMDataType;

/** The MOF names of the intrinsic CIM types, for messages. */
final class CimTypes {

    private CimTypes() {
    }

    static String name(int type) {
        return switch (type) {
            case CIMDataType.STRING -> "string";
            case CIMDataType.BOOLEAN -> "boolean";
            case CIMDataType.UINT8 -> "uint8";
            case CIMDataType.UINT16 -> "uint16";
            case CIMDataType.UINT32 -> "uint32";
            case CIMDataType.UINT64 -> "uint64";
            case CIMDataType.SINT8 -> "sint8";
            case CIMDataType.SINT16 -> "sint16";
            case CIMDataType.SINT32 -> "sint32";
            case CIMDataType.SINT64 -> "sint64";
            case CIMDataType.REAL32 -> "real32";
            case CIMDataType.REAL64 -> "real64";
            case CIMDataType.DATETIME -> "datetime";
            case CIMDataType.CHAR16 -> "char16";
            default -> "object";
        };
    }
}
