package org.liosmis.lio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NaaIdentifierTest {

    /**
     * Worked example of spc_parse_naa_6h_vendor_specific: byte 0 = 0x6 << 4 | company_id >> 20,
     * bytes 1-2 and the high nibble of byte 3 hold the rest of company id 0x001405, giving
     * "6001405". The serial's hex digits d3f6a0d2 5b6c 4b5e 9a7e 123456789abc ('-' skipped) fill
     * the low nibble of byte 3 and bytes 4-15: 25 nibbles, so "6789abc" is cut off.
     */
    @Test
    void uuidSerialGivesTheKernelsNaa() {
        assertEquals(Optional.of("6001405D3F6A0D25B6C4B5E9A7E12345"),
                NaaIdentifier.fromUnitSerial("d3f6a0d2-5b6c-4b5e-9a7e-123456789abc"));
    }

    @Test
    void nonHexCharactersAreSkippedAndShortSerialsZeroFilled() {
        // "replica-0001": only e, c, a, 0, 0, 0, 1 are hex digits
        assertEquals("6001405ECA0001" + "0".repeat(18), NaaIdentifier.fromUnitSerial("replica-0001").orElseThrow());
        assertEquals(32, NaaIdentifier.fromUnitSerial("x").orElseThrow().length());
    }

    @Test
    void noSerialNoNaa() {
        assertTrue(NaaIdentifier.fromUnitSerial("").isEmpty());
    }

    @Test
    void companyIdIsTakenFromWwn() {
        assertEquals("6ABCDEF1234500000000000000000000",
                NaaIdentifier.fromUnitSerial("12345", 0xABCDEF).orElseThrow());
    }
}
