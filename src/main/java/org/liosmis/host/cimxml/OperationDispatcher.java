package org.liosmis.host.cimxml;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.liosmis.cimom.CimOperations;
import org.liosmis.cimom.Projection;
import org.liosmis.cimom.PullOperations;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Runs a decoded request against {@link CimOperations} and prepares its response. Every
 * failure up to the first result becomes an ERROR element; the response is only
 * committed to success once the operation has returned.
 */
public final class OperationDispatcher {

    /**
     * The supported intrinsic operations by lower-cased name; every other one is CIM_ERR_NOT_SUPPORTED,
     * EnumerationCount among them (DSP0200 allows it): counting what is left of a lazily produced
     * enumeration would produce all of it.
     */
    private static final Map<String, String> CANONICAL = Stream.of("GetClass", "EnumerateClasses",
            "EnumerateClassNames", "GetInstance", "EnumerateInstances", "EnumerateInstanceNames", "ModifyInstance",
            "DeleteInstance", "Associators", "AssociatorNames", "References", "ReferenceNames", "OpenEnumerateInstances",
            "OpenEnumerateInstancePaths", "OpenAssociatorInstances", "OpenAssociatorInstancePaths",
            "OpenReferenceInstances", "OpenReferenceInstancePaths", "PullInstancesWithPath", "PullInstancePaths",
            "CloseEnumeration")
            .collect(Collectors.toMap(n -> n.toLowerCase(Locale.ROOT), Function.identity()));

    private final CimOperations operations;
    private final PullDispatcher pulls;

    public OperationDispatcher(CimOperations operations, PullOperations pulls) {
        this.operations = operations;
        this.pulls = new PullDispatcher(pulls);
    }

    /**
     * The response to the request. Never throws for a CIM failure: that is answered with
     * an ERROR element. {@code host} is the host the request came in on, for INSTANCEPATHs;
     * {@code client} names who sent it (its address), whose enumeration contexts it may use.
     */
    public CimResponse dispatch(CimRequest request, String host, String client) {
        try {
            return switch (request) {
                case CimRequest.Intrinsic intrinsic -> intrinsic(intrinsic, host, client);
                case CimRequest.Extrinsic extrinsic -> extrinsic(extrinsic, host);
            };
        } catch (WBEMException | RuntimeException e) {
            return failed(request, host, e);
        }
    }

    /**
     * The ERROR answer to a request whose operation failed: at once, or while its results were
     * produced but before any of them had been sent.
     */
    public CimResponse failed(CimRequest request, String host, Exception failure) {
        if (failure instanceof WBEMException e) {
            return error(request, host, e.getID(), e.getMessage());
        }
        return error(request, host, WBEMException.CIM_ERR_FAILED, request.methodName() + " failed: "
                + failure.getMessage());
    }

    private CimResponse intrinsic(CimRequest.Intrinsic request, String host, String client) throws WBEMException {
        String name = CANONICAL.get(request.methodName().toLowerCase(Locale.ROOT));
        if (name == null) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                    "the operation " + request.methodName() + " is not supported by this server");
        }
        if (PullDispatcher.handles(name)) {
            return pulls.dispatch(request, name, host, client);
        }
        String ns = request.namespace();
        List<XmlElement> raw = request.parameters();
        return switch (name) {
            case "GetClass" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "ClassName", "LocalOnly", "IncludeQualifiers", "IncludeClassOrigin",
                        "PropertyList");
                Projection projection = p.projection(p.flag("LocalOnly", true), p.flag("IncludeQualifiers", true));
                CIMClass cimClass = operations.getClass(ns, p.requiredClassName("ClassName"), projection);
                yield single(request, host, (xml, enc) ->
                        enc.cimClass(cimClass, projection.includeQualifiers(), projection.includeClassOrigin()));
            }
            case "EnumerateClasses" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "ClassName", "DeepInheritance", "LocalOnly", "IncludeQualifiers",
                        "IncludeClassOrigin");
                Projection projection = p.projection(p.flag("LocalOnly", true), p.flag("IncludeQualifiers", true));
                Stream<CIMClass> classes = operations.enumerateClasses(ns, p.className("ClassName"),
                        p.flag("DeepInheritance", false), projection);
                yield many(request, host, classes, (enc, c) ->
                        enc.cimClass(c, projection.includeQualifiers(), projection.includeClassOrigin()));
            }
            case "EnumerateClassNames" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "ClassName", "DeepInheritance");
                yield many(request, host, operations.enumerateClassNames(ns, p.className("ClassName"),
                        p.flag("DeepInheritance", false)), CimXmlEncoder::className);
            }
            case "GetInstance" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "InstanceName", "LocalOnly", "IncludeQualifiers", "IncludeClassOrigin",
                        "PropertyList");
                Projection projection = p.projection(p.flag("LocalOnly", true), p.flag("IncludeQualifiers", false));
                CIMInstance instance = operations.getInstance(p.objectPath("InstanceName"), projection);
                yield single(request, host, (xml, enc) -> enc.instance(instance, projection.includeClassOrigin()));
            }
            case "EnumerateInstances" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "ClassName", "LocalOnly", "DeepInheritance", "IncludeQualifiers",
                        "IncludeClassOrigin", "PropertyList");
                Projection projection = p.projection(p.flag("LocalOnly", true), p.flag("IncludeQualifiers", false));
                Stream<CIMInstance> instances = operations.enumerateInstances(ns, p.requiredClassName("ClassName"),
                        p.flag("DeepInheritance", true), projection);
                yield many(request, host, instances, (enc, i) -> enc.namedInstance(i, projection.includeClassOrigin()));
            }
            case "EnumerateInstanceNames" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "ClassName");
                yield many(request, host, operations.enumerateInstanceNames(ns, p.requiredClassName("ClassName")),
                        CimXmlEncoder::instanceName);
            }
            case "ModifyInstance" -> {
                // IncludeQualifiers is deprecated and instance qualifiers are not kept: accepted, ignored
                var p = IntrinsicParameters.of(name, ns, raw, "ModifiedInstance", "IncludeQualifiers", "PropertyList");
                operations.modifyInstance(p.namedInstance("ModifiedInstance"), p.propertyList());
                yield CimResponse.empty(request, host, name);
            }
            case "DeleteInstance" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "InstanceName");
                operations.deleteInstance(p.objectPath("InstanceName"));
                yield CimResponse.empty(request, host, name);
            }
            case "Associators" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "ObjectName", "AssocClass", "ResultClass", "Role", "ResultRole",
                        "IncludeQualifiers", "IncludeClassOrigin", "PropertyList");
                Projection projection = p.projection(false, p.flag("IncludeQualifiers", false));
                Stream<CIMInstance> associators = operations.associators(p.objectPath("ObjectName"),
                        p.className("AssocClass"), p.className("ResultClass"), p.string("Role"),
                        p.string("ResultRole"), projection);
                yield many(request, host, associators,
                        (enc, i) -> enc.objectWithPath(i, projection.includeClassOrigin()));
            }
            case "AssociatorNames" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "ObjectName", "AssocClass", "ResultClass", "Role", "ResultRole");
                yield many(request, host, operations.associatorNames(p.objectPath("ObjectName"),
                        p.className("AssocClass"), p.className("ResultClass"), p.string("Role"),
                        p.string("ResultRole")), CimXmlEncoder::objectPath);
            }
            case "References" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "ObjectName", "ResultClass", "Role", "IncludeQualifiers",
                        "IncludeClassOrigin", "PropertyList");
                Projection projection = p.projection(false, p.flag("IncludeQualifiers", false));
                Stream<CIMInstance> references = operations.references(p.objectPath("ObjectName"),
                        p.className("ResultClass"), p.string("Role"), projection);
                yield many(request, host, references,
                        (enc, i) -> enc.objectWithPath(i, projection.includeClassOrigin()));
            }
            case "ReferenceNames" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "ObjectName", "ResultClass", "Role");
                yield many(request, host, operations.referenceNames(p.objectPath("ObjectName"),
                        p.className("ResultClass"), p.string("Role")), CimXmlEncoder::objectPath);
            }
            default -> throw new IllegalStateException("no dispatch for " + name);
        };
    }

    private CimResponse extrinsic(CimRequest.Extrinsic request, String host) throws WBEMException {
        CIMObjectPath target;
        List<CIMArgument<?>> arguments = new ArrayList<>();
        try {
            target = ValueReader.objectPath(request.target(), request.namespace());
            for (XmlElement parameter : request.parameters()) {
                arguments.add(ValueReader.argument(parameter, request.namespace()));
            }
        } catch (RequestRejected e) {
            throw IntrinsicParameters.invalid(e.getMessage());
        }
        MethodResult result = operations.invokeMethod(target, request.methodName(), arguments);
        return new CimResponse(request.messageId(), host, request.namespace(), (xml, enc) -> {
            xml.start("METHODRESPONSE").attribute("NAME", request.methodName());
            enc.returnValue(result.returnType(), result.returnValue());
            for (CIMArgument<?> out : result.outArgs()) {
                enc.paramValue(out);
            }
            xml.end();
        }, null);
    }

    private static CimResponse single(CimRequest request, String host, CimResponse.Body value) {
        return new CimResponse(request.messageId(), host, request.namespace(), (xml, enc) -> {
            xml.start("IMETHODRESPONSE").attribute("NAME", canonical(request)).start("IRETURNVALUE");
            value.write(xml, enc);
            xml.end().end();
        }, null);
    }

    @FunctionalInterface
    interface ItemWriter<T> {
        void write(CimXmlEncoder encoder, T item) throws IOException;
    }

    // the stream is consumed while writing, so nothing but the current item is held in memory
    private static <T> CimResponse many(CimRequest request, String host, Stream<T> items, ItemWriter<T> writer) {
        return new CimResponse(request.messageId(), host, request.namespace(), (xml, enc) -> {
            xml.start("IMETHODRESPONSE").attribute("NAME", canonical(request)).start("IRETURNVALUE");
            for (var it = items.iterator(); it.hasNext(); ) {
                writer.write(enc, it.next());
            }
            xml.end().end();
        }, items::close);
    }

    private static CimResponse error(CimRequest request, String host, int code, String description) {
        boolean intrinsic = request instanceof CimRequest.Intrinsic;
        return new CimResponse(request.messageId(), host, request.namespace(), (xml, enc) -> {
            xml.start(intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE").attribute("NAME", request.methodName());
            xml.start("ERROR").attribute("CODE", Integer.toString(code)).attribute("DESCRIPTION", description).end();
            xml.end();
        }, null);
    }

    private static String canonical(CimRequest request) {
        return CANONICAL.getOrDefault(request.methodName().toLowerCase(Locale.ROOT), request.methodName());
    }
}
