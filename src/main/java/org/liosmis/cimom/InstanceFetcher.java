package org.liosmis.cimom;

import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** Gets one instance from its provider, or CIM_ERR_NOT_FOUND. */
@FunctionalInterface
interface InstanceFetcher {
    CIMInstance fetch(CIMObjectPath checkedPath) throws WBEMException;
}
