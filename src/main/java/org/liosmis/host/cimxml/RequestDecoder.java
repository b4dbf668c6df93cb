package org.liosmis.host.cimxml;

/** Checks the envelope of a request document (DSP0201 §5.3.1) and takes out the one call it carries. */
public final class RequestDecoder {

    private RequestDecoder() {
    }

    public static CimRequest decode(XmlElement cim) throws RequestRejected {
        if (!cim.name().equals("CIM")) {
            throw RequestRejected.notValid("the root element is " + cim.name() + ", not CIM");
        }
        XmlElement message = cim.requiredChild("MESSAGE");
        String messageId = message.requiredAttribute("ID");
        if (message.child("MULTIREQ").isPresent()) {
            throw new RequestRejected(501, "multiple-requests-unsupported",
                    "multiple operations in one request are not supported");
        }
        XmlElement call = message.requiredChild("SIMPLEREQ").onlyChild();
        return switch (call.name()) {
            case "IMETHODCALL" -> new CimRequest.Intrinsic(messageId, call.requiredAttribute("NAME"),
                    ValueReader.namespace(call.requiredChild("LOCALNAMESPACEPATH")), call.children("IPARAMVALUE"));
            case "METHODCALL" -> extrinsic(messageId, call);
            default -> throw RequestRejected.notValid("SIMPLEREQ holds " + call.name());
        };
    }

    private static CimRequest extrinsic(String messageId, XmlElement call) throws RequestRejected {
        XmlElement target = call.child("LOCALINSTANCEPATH").or(() -> call.child("LOCALCLASSPATH"))
                .orElseThrow(() -> RequestRejected.notValid("METHODCALL names no LOCALINSTANCEPATH or LOCALCLASSPATH"));
        String namespace = ValueReader.namespace(target.requiredChild("LOCALNAMESPACEPATH"));
        return new CimRequest.Extrinsic(messageId, call.requiredAttribute("NAME"), namespace, target,
                call.children("PARAMVALUE"));
    }
}
