package org.liosmis.spi;

import java.util.List;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Serves the extrinsic methods of one CIM class. Input arguments arrive typed by the
 * method's declared parameters (the dispatcher coerced and checked them) and the target
 * instance is known to exist. Method-level failures are return values; a WBEMException
 * is for what the operation itself cannot do.
 */
public interface MethodProvider {

    MethodResult invokeMethod(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs)
            throws WBEMException;
}
