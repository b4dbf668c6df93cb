package org.liosmis.host.cimxml;

import java.util.List;

/**
 * A CIM-XML SIMPLEREQ with its envelope checked. Parameters stay as elements: decoding
 * them can fail with a CIM error (CIM_ERR_INVALID_PARAMETER), which belongs in the
 * response body, not in an HTTP status.
 */
public sealed interface CimRequest {

    String messageId();

    String methodName();

    /** The namespace the call addresses, as the CIMObject header must repeat it. */
    String namespace();

    /** An intrinsic operation (IMETHODCALL) on a namespace. */
    record Intrinsic(String messageId, String methodName, String namespace, List<XmlElement> parameters)
            implements CimRequest {
        public Intrinsic {
            parameters = List.copyOf(parameters);
        }
    }

    /** An extrinsic method (METHODCALL) on an instance or class path (LOCALINSTANCEPATH / LOCALCLASSPATH). */
    record Extrinsic(String messageId, String methodName, String namespace, XmlElement target,
                     List<XmlElement> parameters) implements CimRequest {
        public Extrinsic {
            parameters = List.copyOf(parameters);
        }

        /** The class the target path names, for matching the CIMObject header. */
        public String targetClassName() {
            return target.child("INSTANCENAME").map(i -> i.attribute("CLASSNAME"))
                    .or(() -> target.child("CLASSNAME").map(c -> c.attribute("NAME"))).orElse(null);
        }
    }
}
