package org.liosmis.schema;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.liosmis.schema.MofSyntax.ClassDeclaration;
import org.liosmis.schema.MofSyntax.MethodDeclaration;
import org.liosmis.schema.MofSyntax.MofType;
import org.liosmis.schema.MofSyntax.ParameterDeclaration;
import org.liosmis.schema.MofSyntax.Pragma;
import org.liosmis.schema.MofSyntax.Production;
import org.liosmis.schema.MofSyntax.PropertyDeclaration;
import org.liosmis.schema.MofSyntax.QualifierDeclaration;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMQualifier;
import org.metricshub.wbem.javax.cim.CIMQualifierType;

/**
 * Compiles MOF files, following include pragmas, into qualifier declarations and resolved
 * classes. Superclasses and qualifiers must be declared before use, as DSP0004 requires;
 * reference classes may be declared later and are checked when the repository is built.
 * Several files (a schema, then the project's classes) can be compiled into one compiler.
 */
final class MofCompiler {

    private final Map<String, CIMQualifierType<?>> qualifierTypes = new LinkedHashMap<>();
    private final Map<String, CIMClass> classes = new LinkedHashMap<>();
    private final Map<String, String> classLocations = new LinkedHashMap<>();
    private final List<ReferenceUse> references = new ArrayList<>();
    private final QualifierBinder binder = new QualifierBinder(qualifierTypes);
    private final Deque<String> includeStack = new ArrayDeque<>();

    /** A reference type named in a declaration, checked once every class is known. */
    private record ReferenceUse(String file, int line, String refClass) {
    }

    /** Compiles the file at path within files, and everything it includes. */
    MofCompiler compile(MofFiles files, String path) {
        String text;
        try {
            text = files.read(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read MOF file " + path + ": " + e, e);
        }
        return compileText(files, path, text);
    }

    private MofCompiler compileText(MofFiles files, String path, String text) {
        includeStack.push(path);
        for (Production production : MofParser.parse(path, text)) {
            switch (production) {
                case Pragma pragma -> pragma(files, path, pragma);
                case QualifierDeclaration declaration -> declare(path, declaration);
                case ClassDeclaration declaration -> declare(path, declaration);
            }
        }
        includeStack.pop();
        return this;
    }

    /** Only include changes what is compiled; locale, namespace and the like do not apply to a class repository. */
    private void pragma(MofFiles files, String path, Pragma pragma) {
        if (!pragma.name().equalsIgnoreCase("include")) {
            return;
        }
        if (pragma.arguments().size() != 1) {
            throw new MofException(path, pragma.line(), "#pragma include takes one file name");
        }
        String included = MofFiles.resolve(path, pragma.arguments().getFirst());
        if (includeStack.contains(included)) {
            throw new MofException(path, pragma.line(), "include cycle: " + included + " is already being compiled");
        }
        String text;
        try {
            text = files.read(included);
        } catch (IOException e) {
            throw new MofException(path, pragma.line(), "cannot include " + included + ": " + e.getMessage(), e);
        }
        compileText(files, included, text);
    }

    private void declare(String file, QualifierDeclaration declaration) {
        String key = declaration.name().toLowerCase(Locale.ROOT);
        if (qualifierTypes.containsKey(key)) {
            throw new MofException(file, declaration.line(), "qualifier " + declaration.name() + " is already declared");
        }
        CIMDataType type = declaration.type().toDataType();
        Object defaultValue;
        try {
            defaultValue = MofValues.typed(declaration.defaultValue(), type);
        } catch (IllegalArgumentException e) {
            throw new MofException(file, declaration.line(), "qualifier " + declaration.name() + ": " + e.getMessage(), e);
        }
        qualifierTypes.put(key, new CIMQualifierType<>(path(declaration.name()), type, defaultValue,
                declaration.scope(), declaration.flavor()));
    }

    private void declare(String file, ClassDeclaration declaration) {
        String name = declaration.name();
        String key = name.toLowerCase(Locale.ROOT);
        if (classes.containsKey(key)) {
            throw new MofException(file, declaration.line(),
                    "class " + name + " is already defined at " + classLocations.get(key));
        }
        CIMClass superclass = null;
        if (declaration.superclass() != null) {
            superclass = classes.get(declaration.superclass().toLowerCase(Locale.ROOT));
            if (superclass == null) {
                throw new MofException(file, declaration.line(),
                        "unknown superclass " + declaration.superclass() + " of class " + name);
            }
        }
        List<CIMClassProperty<?>> properties = new ArrayList<>();
        for (PropertyDeclaration property : declaration.properties()) {
            properties.add(property(file, name, property));
        }
        List<CIMMethod<?>> methods = new ArrayList<>();
        for (MethodDeclaration method : declaration.methods()) {
            methods.add(method(file, name, method));
        }
        List<CIMQualifier<?>> qualifiers = binder.bind(file, declaration.qualifiers());
        classes.put(key, InheritanceMerger.merge(name, superclass, qualifiers, properties, methods));
        classLocations.put(key, file + ":" + declaration.line());
    }

    private CIMClassProperty<?> property(String file, String className, PropertyDeclaration property) {
        List<CIMQualifier<?>> qualifiers = binder.bind(file, property.qualifiers());
        CIMDataType type = dataType(file, property.line(), property.type());
        Object value;
        try {
            value = MofValues.typed(property.defaultValue(), type);
        } catch (IllegalArgumentException e) {
            throw new MofException(file, property.line(), "property " + property.name() + ": " + e.getMessage(), e);
        }
        return new CIMClassProperty<>(property.name(), type, value, qualifiers.toArray(CIMQualifier<?>[]::new),
                InheritanceMerger.isKey(qualifiers), false, className);
    }

    private CIMMethod<?> method(String file, String className, MethodDeclaration method) {
        List<CIMParameter<?>> parameters = new ArrayList<>();
        for (ParameterDeclaration parameter : method.parameters()) {
            parameters.add(new CIMParameter<>(parameter.name(), dataType(file, parameter.line(), parameter.type()),
                    binder.bind(file, parameter.qualifiers()).toArray(CIMQualifier<?>[]::new)));
        }
        return new CIMMethod<>(method.name(), dataType(file, method.line(), method.returnType()),
                binder.bind(file, method.qualifiers()).toArray(CIMQualifier<?>[]::new),
                parameters.toArray(CIMParameter<?>[]::new), false, className);
    }

    private CIMDataType dataType(String file, int line, MofType type) {
        if (type.isReference()) {
            references.add(new ReferenceUse(file, line, type.refClass()));
        }
        return type.toDataType();
    }

    /**
     * The immutable repository of everything compiled so far.
     *
     * @throws MofException when a reference names a class that was never declared
     */
    ClassRepository toRepository() {
        for (ReferenceUse use : references) {
            if (!classes.containsKey(use.refClass().toLowerCase(Locale.ROOT))) {
                throw new MofException(use.file(), use.line(), "unknown class " + use.refClass() + " in reference");
            }
        }
        return new CompiledClassRepository(classes.values(), qualifierTypes.values());
    }

    private static CIMObjectPath path(String name) {
        return new CIMObjectPath(null, null, null, null, name, null);
    }
}
