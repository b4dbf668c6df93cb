package org.liosmis.host.cmpi;

import org.metricshub.wbem.javax.cim.CIMDataType;

/**
 * CMPI's type codes (CMPIType, CMPI 2.0 §4.1) for the CIM types the bridge carries, and
 * their JSR48 data types. The bridge writes CMPI_chars as CMPI_string.
 */
final class CmpiTypes {

    static final int BOOLEAN = 2;
    static final int CHAR16 = 3;
    static final int REAL32 = 8;
    static final int REAL64 = 12;
    static final int UINT8 = 128;
    static final int UINT16 = 144;
    static final int UINT32 = 160;
    static final int UINT64 = 176;
    static final int SINT8 = 192;
    static final int SINT16 = 208;
    static final int SINT32 = 224;
    static final int SINT64 = 240;
    static final int INSTANCE = 4096;
    static final int REF = 4352;
    static final int STRING = 5632;
    static final int DATETIME = 6144;
    static final int ARRAY = 8192;

    private CmpiTypes() {
    }

    /** The element type of a simple CMPI type code (not a reference or an instance), or null for another. */
    static CIMDataType elementType(int code) {
        return switch (code & ~ARRAY) {
            case BOOLEAN -> CIMDataType.BOOLEAN_T;
            case CHAR16 -> CIMDataType.CHAR16_T;
            case REAL32 -> CIMDataType.REAL32_T;
            case REAL64 -> CIMDataType.REAL64_T;
            case UINT8 -> CIMDataType.UINT8_T;
            case UINT16 -> CIMDataType.UINT16_T;
            case UINT32 -> CIMDataType.UINT32_T;
            case UINT64 -> CIMDataType.UINT64_T;
            case SINT8 -> CIMDataType.SINT8_T;
            case SINT16 -> CIMDataType.SINT16_T;
            case SINT32 -> CIMDataType.SINT32_T;
            case SINT64 -> CIMDataType.SINT64_T;
            case STRING -> CIMDataType.STRING_T;
            case DATETIME -> CIMDataType.DATETIME_T;
            default -> null;
        };
    }

    /** The CMPI element type code of a JSR48 type (embedded objects as instances). */
    static int code(CIMDataType type) {
        return switch (type.getType()) {
            case CIMDataType.BOOLEAN -> BOOLEAN;
            case CIMDataType.CHAR16 -> CHAR16;
            case CIMDataType.REAL32 -> REAL32;
            case CIMDataType.REAL64 -> REAL64;
            case CIMDataType.UINT8 -> UINT8;
            case CIMDataType.UINT16 -> UINT16;
            case CIMDataType.UINT32 -> UINT32;
            case CIMDataType.UINT64 -> UINT64;
            case CIMDataType.SINT8 -> SINT8;
            case CIMDataType.SINT16 -> SINT16;
            case CIMDataType.SINT32 -> SINT32;
            case CIMDataType.SINT64 -> SINT64;
            case CIMDataType.OBJECT -> INSTANCE;
            case CIMDataType.REFERENCE -> REF;
            case CIMDataType.DATETIME -> DATETIME;
            default -> STRING;
        };
    }
}
