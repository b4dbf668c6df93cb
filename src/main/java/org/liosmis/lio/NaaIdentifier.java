package org.liosmis.lio;

import java.util.Optional;

/**
 * The NAA designator LIO reports in VPD page 0x83, derived from the unit serial exactly as
 * target_core_spc.c (spc_parse_naa_6h_vendor_specific) does: NAA type 6, the 24-bit IEEE
 * company id, then the serial's hex digits (other characters skipped) as 25 nibbles of vendor
 * specific identifier, zero-filled when the serial has fewer.
 */
public final class NaaIdentifier {

    /** LIO's default IEEE company id (OUI 00:14:05), shown in wwn/company_id. */
    public static final int LIO_COMPANY_ID = 0x001405;

    private static final int NIBBLES = 32;

    private NaaIdentifier() {
    }

    /** 32 uppercase hex digits, or empty when no unit serial is set (the kernel then reports no NAA). */
    public static Optional<String> fromUnitSerial(String unitSerial) {
        return fromUnitSerial(unitSerial, LIO_COMPANY_ID);
    }

    public static Optional<String> fromUnitSerial(String unitSerial, int companyId) {
        if (unitSerial == null || unitSerial.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder naa = new StringBuilder(NIBBLES).append('6').append("%06X".formatted(companyId & 0xFFFFFF));
        for (int i = 0; i < unitSerial.length() && naa.length() < NIBBLES; i++) {
            char c = unitSerial.charAt(i);
            // hex_to_bin(): ASCII hex digits only
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                naa.append(Character.toUpperCase(c));
            }
        }
        while (naa.length() < NIBBLES) {
            naa.append('0');
        }
        return Optional.of(naa.toString());
    }
}
