package org.liosmis.schema;

import java.util.List;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMQualifierType;

/**
 * The compiled class definitions every host serves: GetClass, inheritance, polymorphic
 * enumeration and the parameter types used to coerce untyped method arguments.
 * Class names are matched case-insensitively, as CIM requires. Immutable once built.
 */
public interface ClassRepository {

    /**
     * The class with every inherited property and method merged in: members declared in an
     * ancestor are marked propagated and carry their origin class; qualifiers with the
     * ToSubclass flavor are inherited. Null when there is no such class.
     */
    CIMClass getClass(String className);

    /**
     * Names of the direct subclasses (deep false) or of all descendants (deep true) of the
     * class, in declared case; className null means the root classes (or every class, deep).
     */
    List<String> subclassNames(String className, boolean deep);

    /** True when className names ancestorName itself or one of its descendants. */
    boolean isSubclassOf(String className, String ancestorName);

    /** The qualifier declaration, or null. */
    CIMQualifierType<?> getQualifierType(String name);

    /** Every class name, in declared case. */
    List<String> classNames();
}
