package org.liosmis.host.cmpi;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.liosmis.cimom.CimOperations;
import org.liosmis.cimom.Projection;
import org.liosmis.service.ProviderProcess;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * One operation as the bridge wrote it: the CMPI management interface function, the object
 * path it was called with, and its own parameters; answered by the service's dispatcher,
 * which checks the path, the class and every argument as for a client of "serve".
 */
abstract sealed class BrokerRequest {

    /** The operations, numbered as src/main/c/bridge.c numbers them. */
    private static final int GET_INSTANCE = 1;
    private static final int ENUMERATE_INSTANCES = 2;
    private static final int ENUMERATE_INSTANCE_NAMES = 3;
    private static final int CREATE_INSTANCE = 4;
    private static final int MODIFY_INSTANCE = 5;
    private static final int DELETE_INSTANCE = 6;
    private static final int EXEC_QUERY = 7;
    private static final int INVOKE_METHOD = 8;
    private static final int ASSOCIATORS = 9;
    private static final int ASSOCIATOR_NAMES = 10;
    private static final int REFERENCES = 11;
    private static final int REFERENCE_NAMES = 12;

    final CIMObjectPath path;

    private BrokerRequest(CIMObjectPath path) {
        this.path = path;
    }

    static BrokerRequest read(byte[] request) throws WBEMException {
        WireIn in = new WireIn(request);
        int operation = in.u8();
        CIMObjectPath path = in.path();
        if (path == null) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "the broker passed no object path");
        }
        if (path.getNamespace() == null) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_NAMESPACE,
                    "the broker passed an object path without a namespace");
        }
        return switch (operation) {
            case GET_INSTANCE -> new Instances(path, false, in.propertyList());
            case ENUMERATE_INSTANCES -> new Instances(path, true, in.propertyList());
            case ENUMERATE_INSTANCE_NAMES -> new InstanceNames(path);
            case CREATE_INSTANCE, EXEC_QUERY -> new Refused(path, operation == CREATE_INSTANCE);
            case MODIFY_INSTANCE -> new Modify(path, in.instance(), in.propertyList());
            case DELETE_INSTANCE -> new Delete(path);
            case INVOKE_METHOD -> new Method(path, in.name("method name"), in.arguments());
            case ASSOCIATORS, ASSOCIATOR_NAMES -> new Associators(path, operation == ASSOCIATORS, in.string(),
                    in.string(), in.string(), in.string(), operation == ASSOCIATORS ? in.propertyList() : null);
            case REFERENCES, REFERENCE_NAMES -> new References(path, operation == REFERENCES, in.string(),
                    in.string(), operation == REFERENCES ? in.propertyList() : null);
            default -> throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                    "the broker asked for CMPI operation " + operation + ", which lio-smis does not know");
        };
    }

    byte[] answer(ProviderProcess process) throws WBEMException {
        return process.call(cimom -> run(cimom, new WireOut(path.getNamespace()).success()).end());
    }

    abstract WireOut run(CimOperations cimom, WireOut out) throws WBEMException;

    /** A filter parameter: brokers pass null or an empty string for one the client left out. */
    static String given(String filter) {
        return filter == null || filter.isEmpty() ? null : filter;
    }

    static Projection projection(String[] propertyList) {
        return Projection.of(false, false, false, propertyList);
    }

    static WireOut instances(WireOut out, Stream<CIMInstance> instances) {
        return items(out, WireOut.INSTANCE, instances, out::instance);
    }

    static WireOut paths(WireOut out, Stream<CIMObjectPath> paths) {
        return items(out, WireOut.PATH, paths, out::path);
    }

    /** Each item of the stream as it comes, then the stream closed. */
    private static <T> WireOut items(WireOut out, int kind, Stream<T> items, Consumer<T> write) {
        try (items) {
            items.forEach(item -> {
                out.item(kind);
                write.accept(item);
            });
        }
        return out;
    }

    private static final class Instances extends BrokerRequest {
        private final boolean enumerate;
        private final String[] propertyList;

        Instances(CIMObjectPath path, boolean enumerate, String[] propertyList) {
            super(path);
            this.enumerate = enumerate;
            this.propertyList = propertyList;
        }

        @Override
        WireOut run(CimOperations cimom, WireOut out) throws WBEMException {
            return instances(out, enumerate
                    ? cimom.enumerateInstances(path.getNamespace(), path.getObjectName(), true, projection(propertyList))
                    : Stream.of(cimom.getInstance(path, projection(propertyList))));
        }
    }

    private static final class InstanceNames extends BrokerRequest {
        InstanceNames(CIMObjectPath path) {
            super(path);
        }

        @Override
        WireOut run(CimOperations cimom, WireOut out) throws WBEMException {
            return paths(out, cimom.enumerateInstanceNames(path.getNamespace(), path.getObjectName()));
        }
    }

    private static final class Refused extends BrokerRequest {
        private final boolean create;

        Refused(CIMObjectPath path, boolean create) {
            super(path);
            this.create = create;
        }

        @Override
        WireOut run(CimOperations cimom, WireOut out) throws WBEMException {
            if (create) {
                cimom.createInstance(path);
            } else {
                cimom.execQuery(path, null, null).close();
            }
            return out;
        }
    }

    private static final class Modify extends BrokerRequest {
        private final CIMInstance instance;
        private final String[] propertyList;

        Modify(CIMObjectPath path, CIMInstance instance, String[] propertyList) throws WBEMException {
            super(path);
            if (instance == null) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "the broker passed no modified instance");
            }
            this.instance = instance;
            this.propertyList = propertyList;
        }

        @Override
        WireOut run(CimOperations cimom, WireOut out) throws WBEMException {
            cimom.modifyInstance(new CIMInstance(path, instance.getProperties()), propertyList);
            return out;
        }
    }

    private static final class Delete extends BrokerRequest {
        Delete(CIMObjectPath path) {
            super(path);
        }

        @Override
        WireOut run(CimOperations cimom, WireOut out) throws WBEMException {
            cimom.deleteInstance(path);
            return out;
        }
    }

    private static final class Method extends BrokerRequest {
        private final String name;
        private final List<CIMArgument<?>> arguments;

        Method(CIMObjectPath path, String name, List<CIMArgument<?>> arguments) {
            super(path);
            this.name = name;
            this.arguments = arguments;
        }

        @Override
        WireOut run(CimOperations cimom, WireOut out) throws WBEMException {
            MethodResult result = cimom.invokeMethod(path, name, arguments);
            if (result.returnValue() == null) {
                throw new WBEMException(WBEMException.CIM_ERR_FAILED, name + " returned no value");
            }
            out.item(WireOut.RETURN_VALUE);
            out.value(null, result.returnValue());
            for (CIMArgument<?> argument : result.outArgs()) {
                if (argument.getValue() != null) {
                    out.item(WireOut.OUT_ARGUMENT);
                    out.string(argument.getName());
                    out.value(argument.getDataType(), argument.getValue());
                }
            }
            return out;
        }
    }

    private static final class Associators extends BrokerRequest {
        private final boolean instances;
        private final String associationClass;
        private final String resultClass;
        private final String role;
        private final String resultRole;
        private final String[] propertyList;

        Associators(CIMObjectPath path, boolean instances, String associationClass, String resultClass, String role,
                    String resultRole, String[] propertyList) {
            super(path);
            this.instances = instances;
            this.associationClass = given(associationClass);
            this.resultClass = given(resultClass);
            this.role = given(role);
            this.resultRole = given(resultRole);
            this.propertyList = propertyList;
        }

        @Override
        WireOut run(CimOperations cimom, WireOut out) throws WBEMException {
            return instances
                    ? instances(out, cimom.associators(path, associationClass, resultClass, role, resultRole,
                    projection(propertyList)))
                    : paths(out, cimom.associatorNames(path, associationClass, resultClass, role, resultRole));
        }
    }

    private static final class References extends BrokerRequest {
        private final boolean instances;
        private final String resultClass;
        private final String role;
        private final String[] propertyList;

        References(CIMObjectPath path, boolean instances, String resultClass, String role, String[] propertyList) {
            super(path);
            this.instances = instances;
            this.resultClass = given(resultClass);
            this.role = given(role);
            this.propertyList = propertyList;
        }

        @Override
        WireOut run(CimOperations cimom, WireOut out) throws WBEMException {
            return instances ? instances(out, cimom.references(path, resultClass, role, projection(propertyList)))
                    : paths(out, cimom.referenceNames(path, resultClass, role));
        }
    }
}
