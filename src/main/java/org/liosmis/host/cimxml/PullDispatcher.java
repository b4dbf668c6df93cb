package org.liosmis.host.cimxml;

import java.util.Set;
import org.liosmis.cimom.EnumerationPage;
import org.liosmis.cimom.OpenOptions;
import org.liosmis.cimom.Projection;
import org.liosmis.cimom.PullOperations;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The pull operations of DSP0200 §5.4 on the wire: their IPARAMVALUEs decoded and handed to
 * {@link PullOperations}, and each page streamed as it is taken from its enumeration, its
 * EndOfSequence and EnumerationContext written after the results (DSP0201: IRETURNVALUE, then PARAMVALUEs).
 */
final class PullDispatcher {

    private static final Set<String> OPERATIONS = Set.of("OpenEnumerateInstances", "OpenEnumerateInstancePaths",
            "OpenAssociatorInstances", "OpenAssociatorInstancePaths", "OpenReferenceInstances",
            "OpenReferenceInstancePaths", "PullInstancesWithPath", "PullInstancePaths", "CloseEnumeration");
    private static final String[] OPEN_PARAMETERS = {"FilterQueryLanguage", "FilterQuery", "OperationTimeout",
            "ContinueOnError", "MaxObjectCount"};

    private final PullOperations pulls;

    PullDispatcher(PullOperations pulls) {
        this.pulls = pulls;
    }

    /** Whether the operation (by its canonical name) is one of these. */
    static boolean handles(String operation) {
        return OPERATIONS.contains(operation);
    }

    CimResponse dispatch(CimRequest.Intrinsic request, String name, String host, String client)
            throws WBEMException {
        String ns = request.namespace();
        var raw = request.parameters();
        return switch (name) {
            case "OpenEnumerateInstances" -> {
                var p = IntrinsicParameters.of(name, ns, raw, withOpenParameters("ClassName",
                        "DeepInheritance", "IncludeClassOrigin", "PropertyList"));
                Projection projection = p.projection(false, false);
                yield instances(request, host, name, projection, pulls.openEnumerateInstances(client, ns,
                        p.requiredClassName("ClassName"), p.flag("DeepInheritance", true), projection, options(p)));
            }
            case "OpenEnumerateInstancePaths" -> {
                var p = IntrinsicParameters.of(name, ns, raw, withOpenParameters("ClassName"));
                yield paths(request, host, name, pulls.openEnumerateInstancePaths(client, ns,
                        p.requiredClassName("ClassName"), options(p)));
            }
            case "OpenAssociatorInstances" -> {
                var p = IntrinsicParameters.of(name, ns, raw, withOpenParameters("InstanceName",
                        "AssocClass", "ResultClass", "Role", "ResultRole", "IncludeClassOrigin", "PropertyList"));
                Projection projection = p.projection(false, false);
                yield instances(request, host, name, projection, pulls.openAssociatorInstances(client,
                        p.objectPath("InstanceName"), p.className("AssocClass"), p.className("ResultClass"),
                        p.string("Role"), p.string("ResultRole"), projection, options(p)));
            }
            case "OpenAssociatorInstancePaths" -> {
                var p = IntrinsicParameters.of(name, ns, raw, withOpenParameters("InstanceName",
                        "AssocClass", "ResultClass", "Role", "ResultRole"));
                yield paths(request, host, name, pulls.openAssociatorInstancePaths(client,
                        p.objectPath("InstanceName"), p.className("AssocClass"), p.className("ResultClass"),
                        p.string("Role"), p.string("ResultRole"), options(p)));
            }
            case "OpenReferenceInstances" -> {
                var p = IntrinsicParameters.of(name, ns, raw, withOpenParameters("InstanceName",
                        "ResultClass", "Role", "IncludeClassOrigin", "PropertyList"));
                Projection projection = p.projection(false, false);
                yield instances(request, host, name, projection, pulls.openReferenceInstances(client,
                        p.objectPath("InstanceName"), p.className("ResultClass"), p.string("Role"), projection,
                        options(p)));
            }
            case "OpenReferenceInstancePaths" -> {
                var p = IntrinsicParameters.of(name, ns, raw, withOpenParameters("InstanceName",
                        "ResultClass", "Role"));
                yield paths(request, host, name, pulls.openReferenceInstancePaths(client,
                        p.objectPath("InstanceName"), p.className("ResultClass"), p.string("Role"), options(p)));
            }
            case "PullInstancesWithPath" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "EnumerationContext", "MaxObjectCount");
                yield instances(request, host, name, Projection.ALL, pulls.pullInstancesWithPath(client, ns,
                        context(p), requiredCount(p)));
            }
            case "PullInstancePaths" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "EnumerationContext", "MaxObjectCount");
                yield paths(request, host, name, pulls.pullInstancePaths(client, ns, context(p), requiredCount(p)));
            }
            case "CloseEnumeration" -> {
                var p = IntrinsicParameters.of(name, ns, raw, "EnumerationContext");
                pulls.closeEnumeration(client, ns, context(p));
                yield CimResponse.empty(request, host, name);
            }
            default -> throw new IllegalStateException("no dispatch for " + name);
        };
    }

    private static String[] withOpenParameters(String... own) {
        String[] all = new String[own.length + OPEN_PARAMETERS.length];
        System.arraycopy(own, 0, all, 0, own.length);
        System.arraycopy(OPEN_PARAMETERS, 0, all, own.length, OPEN_PARAMETERS.length);
        return all;
    }

    private static OpenOptions options(IntrinsicParameters p) throws WBEMException {
        Long count = p.uint32("MaxObjectCount");
        return new OpenOptions(p.uint32("OperationTimeout"), p.flag("ContinueOnError", false),
                p.string("FilterQueryLanguage"), p.string("FilterQuery"), count == null ? 0 : count);
    }

    private static String context(IntrinsicParameters p) throws WBEMException {
        String context = p.string("EnumerationContext");
        if (context == null) {
            throw IntrinsicParameters.invalid("the EnumerationContext parameter is required: the value an Open or"
                    + " Pull returned");
        }
        return context;
    }

    // a Pull must say how much it wants; an Open may leave it out (0)
    private static long requiredCount(IntrinsicParameters p) throws WBEMException {
        Long count = p.uint32("MaxObjectCount");
        if (count == null) {
            throw IntrinsicParameters.invalid("the MaxObjectCount parameter is required");
        }
        return count;
    }

    private static CimResponse instances(CimRequest request, String host, String name, Projection projection,
                                         EnumerationPage<CIMInstance> page) {
        return page(request, host, name, page, (enc, i) -> enc.instanceWithPath(i, projection.includeClassOrigin()));
    }

    private static CimResponse paths(CimRequest request, String host, String name,
                                     EnumerationPage<CIMObjectPath> page) {
        return page(request, host, name, page, CimXmlEncoder::instancePath);
    }

    // the page is taken from its enumeration while it is written: one result at a time in memory
    private static <T> CimResponse page(CimRequest request, String host, String name, EnumerationPage<T> page,
                                        OperationDispatcher.ItemWriter<T> writer) {
        return new CimResponse(request.messageId(), host, request.namespace(), (xml, enc) -> {
            xml.start("IMETHODRESPONSE").attribute("NAME", name).start("IRETURNVALUE");
            for (var it = page.items(); it.hasNext(); ) {
                writer.write(enc, it.next());
            }
            xml.end();
            EnumerationPage.End end = page.complete();
            enc.paramValue(new CIMArgument<>("EndOfSequence", CIMDataType.BOOLEAN_T, end.endOfSequence()));
            enc.paramValue(new CIMArgument<>("EnumerationContext", CIMDataType.STRING_T, end.enumerationContext()));
            xml.end();
        }, page::close);
    }
}
