/*
 * Prints the layout of every CMPI structure, member and constant the bridge uses: built once with
 * lio_cmpi.h and once with a broker's own CMPI headers, the two outputs must be equal
 * (make -C src/test/c layout CMPI_INCLUDE=DIR; docs/brokers.md).
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <stddef.h>
#ifdef LIO_OWN_CMPI
#include "lio_cmpi.h"
#else
#include <cmpidt.h>
#include <cmpift.h>
#endif
#define O(t, m) printf("%s.%s %zu\n", #t, #m, offsetof(t, m))
#define S(t) printf("sizeof %s %zu\n", #t, sizeof(t))
int main(void) {
    S(CMPIValue); S(CMPIData); S(CMPIStatus); S(CMPIValuePtr);
    O(CMPIData, type); O(CMPIData, state); O(CMPIData, value);
    O(CMPIStatus, rc); O(CMPIStatus, msg);
    O(CMPIBroker, hdl); O(CMPIBroker, bft); O(CMPIBroker, eft);
    O(CMPIBrokerEncFT, newInstance); O(CMPIBrokerEncFT, newObjectPath); O(CMPIBrokerEncFT, newString);
    O(CMPIBrokerEncFT, newArray); O(CMPIBrokerEncFT, newDateTimeFromChars);
    O(CMPIContextFT, getEntry);
    O(CMPIResultFT, returnData); O(CMPIResultFT, returnInstance); O(CMPIResultFT, returnObjectPath); O(CMPIResultFT, returnDone);
    O(CMPIInstanceFT, getProperty); O(CMPIInstanceFT, getPropertyAt); O(CMPIInstanceFT, getPropertyCount);
    O(CMPIInstanceFT, setProperty); O(CMPIInstanceFT, getObjectPath); O(CMPIInstanceFT, setPropertyFilter);
    O(CMPIObjectPathFT, getNameSpace); O(CMPIObjectPathFT, getHostname); O(CMPIObjectPathFT, getClassName);
    O(CMPIObjectPathFT, addKey); O(CMPIObjectPathFT, getKeyAt); O(CMPIObjectPathFT, getKeyCount);
    O(CMPIArgsFT, addArg); O(CMPIArgsFT, getArgAt); O(CMPIArgsFT, getArgCount);
    O(CMPIStringFT, getCharPtr);
    O(CMPIArrayFT, getSize); O(CMPIArrayFT, getElementAt); O(CMPIArrayFT, setElementAt);
    O(CMPIDateTimeFT, getStringFormat);
    S(CMPIInstanceMIFT); O(CMPIInstanceMIFT, cleanup); O(CMPIInstanceMIFT, execQuery);
    S(CMPIMethodMIFT); O(CMPIMethodMIFT, invokeMethod);
    S(CMPIAssociationMIFT); O(CMPIAssociationMIFT, referenceNames);
    S(CMPIInstanceMI); O(CMPIInstanceMI, ft);
    printf("types %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d\n", CMPI_boolean, CMPI_char16, CMPI_real32, CMPI_real64,
        CMPI_uint8, CMPI_uint16, CMPI_uint32, CMPI_uint64, CMPI_sint8, CMPI_sint16, CMPI_sint32, CMPI_sint64,
        CMPI_instance, CMPI_ref, CMPI_string, CMPI_chars, CMPI_dateTime);
    printf("states %d %d %d %d array %d rc %d %d\n", CMPI_nullValue, CMPI_keyValue, CMPI_notFound, CMPI_badValue, CMPI_ARRAY,
        CMPI_RC_DO_NOT_UNLOAD, CMPI_RC_NEVER_UNLOAD);
    return 0;
}
