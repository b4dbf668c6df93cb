package org.liosmis.cimom;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.liosmis.schema.ClassRepository;
import org.liosmis.spi.MethodProvider;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * InvokeMethod: finds the declared method, checks the target, coerces every argument to
 * its declared parameter type and only then calls the class's method provider.
 */
final class MethodInvocation {

    private final ClassRepository classes;
    private final ProviderRegistry providers;
    private final RequestChecks checks;
    private final InstanceFetcher fetcher;

    MethodInvocation(ClassRepository classes, ProviderRegistry providers, RequestChecks checks,
                     InstanceFetcher fetcher) {
        this.classes = classes;
        this.providers = providers;
        this.checks = checks;
        this.fetcher = fetcher;
    }

    MethodResult invoke(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs)
            throws WBEMException {
        CIMClass cimClass = checks.existingClass(objectName.getNamespace(), objectName.getObjectName());
        CIMMethod<?> method = method(cimClass, methodName);
        CIMObjectPath target;
        if (objectName.getKeys().length == 0) {
            if (!Boolean.TRUE.equals(method.getQualifierValue("Static"))) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, cimClass.getName() + "."
                        + method.getName() + " is not a static method: invoke it on an instance");
            }
            target = new CIMObjectPath(null, null, null, objectName.getNamespace(), cimClass.getName(), null);
        } else {
            target = checks.instanceName(objectName);
            fetcher.fetch(target);
        }
        List<CIMArgument<?>> typed = coerce(cimClass, method, inArgs);
        MethodProvider provider = providers.methodProvider(target.getNamespace(), cimClass.getName())
                .orElseThrow(() -> new WBEMException(WBEMException.CIM_ERR_METHOD_NOT_AVAILABLE,
                        cimClass.getName() + "." + method.getName() + " is declared but not implemented here"));
        return provider.invokeMethod(target, method.getName(), typed);
    }

    private static CIMMethod<?> method(CIMClass cimClass, String methodName) throws WBEMException {
        for (CIMMethod<?> method : cimClass.getMethods()) {
            if (method.getName().equalsIgnoreCase(methodName)) {
                return method;
            }
        }
        throw new WBEMException(WBEMException.CIM_ERR_METHOD_NOT_FOUND,
                cimClass.getName() + " has no method \"" + methodName + "\"");
    }

    private static List<CIMArgument<?>> coerce(CIMClass cimClass, CIMMethod<?> method, List<CIMArgument<?>> inArgs)
            throws WBEMException {
        String where = cimClass.getName() + "." + method.getName();
        Set<String> seen = new HashSet<>();
        List<CIMArgument<?>> typed = new ArrayList<>();
        for (CIMArgument<?> arg : inArgs) {
            CIMParameter<?> parameter = inputParameter(method, arg.getName());
            if (parameter == null) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                        where + " has no input parameter \"" + arg.getName() + "\"");
            }
            if (!seen.add(parameter.getName().toLowerCase(Locale.ROOT))) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                        where + ": parameter " + parameter.getName() + " is given twice");
            }
            Object value = ValueCoercer.coerce(where + " parameter " + parameter.getName(),
                    parameter.getDataType(), arg.getValue());
            typed.add(new CIMArgument<>(parameter.getName(), parameter.getDataType(), value));
        }
        return typed;
    }

    /** In defaults to true (DSP0004); a parameter that is only Out cannot be passed in. */
    private static CIMParameter<?> inputParameter(CIMMethod<?> method, String name) {
        for (CIMParameter<?> parameter : method.getParameters()) {
            if (parameter.getName().equalsIgnoreCase(name)) {
                return Boolean.FALSE.equals(parameter.getQualifierValue("In")) ? null : parameter;
            }
        }
        return null;
    }
}
