package org.liosmis.smis;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the SNIA Server profile describes of the WBEM server hosting the providers: only the
 * embedded server has one of its own to describe; under a broker these classes are the broker's.
 *
 * @param version   lio-smis' version, stated in the object manager's Description
 * @param listeners the server's CIM-XML listeners, read at each request: a port given as 0 is
 *                  known only once the server has bound it
 */
public record ObjectManager(String version, Supplier<List<Listener>> listeners) {

    /** A CIM-XML listener: its URL scheme ("http" or "https") and TCP port. */
    public record Listener(String scheme, int port) {
    }
}
