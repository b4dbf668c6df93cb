package org.liosmis.schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.liosmis.schema.MofSyntax.Alias;
import org.liosmis.schema.MofSyntax.ClassDeclaration;
import org.liosmis.schema.MofSyntax.MethodDeclaration;
import org.liosmis.schema.MofSyntax.MofType;
import org.liosmis.schema.MofSyntax.ParameterDeclaration;
import org.liosmis.schema.MofSyntax.Pragma;
import org.liosmis.schema.MofSyntax.Production;
import org.liosmis.schema.MofSyntax.PropertyDeclaration;
import org.liosmis.schema.MofSyntax.QualifierDeclaration;
import org.liosmis.schema.MofSyntax.QualifierUse;
import org.metricshub.wbem.javax.cim.CIMScope;

/**
 * Recursive-descent parser for the DSP0004 (CIM 2.x) MOF grammar: compiler directives,
 * qualifier declarations, class declarations (plain, association, indication) and instance
 * declarations, which are checked for syntax and dropped.
 */
final class MofParser {

    private final String file;
    private final List<MofToken> tokens;
    private int index;

    private MofParser(String file, String text) {
        this.file = file;
        this.tokens = MofLexer.tokenize(file, text);
    }

    /** The productions of one MOF file, in order; includes are left to the caller. */
    static List<Production> parse(String file, String text) {
        return new MofParser(file, text).productions();
    }

    private List<Production> productions() {
        List<Production> productions = new ArrayList<>();
        while (peek().kind() != MofToken.Kind.END) {
            Production production = production();
            if (production != null) {
                productions.add(production);
            }
        }
        return productions;
    }

    private Production production() {
        if (peek().is("#")) {
            return pragma();
        }
        if (peek().is("qualifier")) {
            return qualifierDeclaration();
        }
        List<QualifierUse> qualifiers = optionalQualifierList();
        if (peek().is("class")) {
            return classDeclaration(qualifiers);
        }
        if (peek().is("instance")) {
            skipInstance();
            return null;
        }
        throw syntaxError("'class', 'instance of', 'Qualifier' or '#pragma'");
    }

    private Pragma pragma() {
        int line = next().line();
        if (!peek().is("pragma")) {
            throw syntaxError("'pragma'");
        }
        next();
        String name = identifier("pragma name");
        expect("(");
        List<String> arguments = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                arguments.add(stringValue());
            } while (accept(","));
        }
        expect(")");
        return new Pragma(name, arguments, line);
    }

    private QualifierDeclaration qualifierDeclaration() {
        int line = next().line();
        String name = identifier("qualifier name");
        expect(":");
        MofType type = intrinsicType();
        if (accept("[")) {
            type = type.asArray(arraySize());
        }
        Object defaultValue = accept("=") ? initializer() : null;
        expect(",");
        expectWord("scope");
        expect("(");
        int scope = 0;
        do {
            scope |= scope(identifier("scope"));
        } while (accept(","));
        expect(")");
        int flavor = 0;
        if (accept(",")) {
            expectWord("flavor");
            expect("(");
            flavor = Flavors.apply(0, flavorWords(true));
            expect(")");
        }
        expect(";");
        return new QualifierDeclaration(name, type, defaultValue, scope, flavor, line);
    }

    private int scope(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "class" -> CIMScope.CLASS;
            case "association" -> CIMScope.ASSOCIATION;
            case "indication" -> CIMScope.INDICATION;
            case "property" -> CIMScope.PROPERTY;
            case "reference" -> CIMScope.REFERENCE;
            case "method" -> CIMScope.METHOD;
            case "parameter" -> CIMScope.PARAMETER;
            case "any" -> CIMScope.ANY;
            default -> throw new MofException(file, previous().line(), "unknown scope '" + word + "'");
        };
    }

    /** Flavor(a, b) in a declaration lists flavors with commas; ": a b" after a qualifier value with blanks. */
    private List<String> flavorWords(boolean commaSeparated) {
        List<String> words = new ArrayList<>();
        do {
            if (!isFlavor(peek())) {
                throw syntaxError("a flavor (EnableOverride, DisableOverride, ToSubclass, Restricted, Translatable)");
            }
            words.add(next().text());
        } while (commaSeparated ? accept(",") : isFlavor(peek()));
        return words;
    }

    private static boolean isFlavor(MofToken token) {
        return token.kind() == MofToken.Kind.IDENTIFIER && Flavors.isFlavor(token.text());
    }

    private ClassDeclaration classDeclaration(List<QualifierUse> qualifiers) {
        int line = next().line();
        String name = identifier("class name");
        optionalAlias();
        String superclass = accept(":") ? identifier("superclass name") : null;
        expect("{");
        List<PropertyDeclaration> properties = new ArrayList<>();
        List<MethodDeclaration> methods = new ArrayList<>();
        while (!accept("}")) {
            List<QualifierUse> featureQualifiers = optionalQualifierList();
            int featureLine = peek().line();
            MofType type = featureType();
            String featureName = identifier("property or method name");
            if (accept("(")) {
                methods.add(new MethodDeclaration(featureQualifiers, type, featureName, parameters(), featureLine));
                expect(";");
                continue;
            }
            if (accept("[")) {
                type = type.asArray(arraySize());
            }
            Object defaultValue = accept("=") ? initializer() : null;
            expect(";");
            properties.add(new PropertyDeclaration(featureQualifiers, type, featureName, defaultValue, featureLine));
        }
        expect(";");
        return new ClassDeclaration(qualifiers, name, superclass, properties, methods, line);
    }

    private List<ParameterDeclaration> parameters() {
        List<ParameterDeclaration> parameters = new ArrayList<>();
        if (accept(")")) {
            return parameters;
        }
        do {
            List<QualifierUse> qualifiers = optionalQualifierList();
            int line = peek().line();
            MofType type = featureType();
            String name = identifier("parameter name");
            if (accept("[")) {
                type = type.asArray(arraySize());
            }
            if (accept("=")) {
                initializer(); // a parameter default has no place in the JSR48 model
            }
            parameters.add(new ParameterDeclaration(qualifiers, type, name, line));
        } while (accept(","));
        expect(")");
        return parameters;
    }

    /** An intrinsic type, or "ClassName REF". */
    private MofType featureType() {
        MofToken token = peek();
        if (token.kind() != MofToken.Kind.IDENTIFIER) {
            throw syntaxError("a type");
        }
        next();
        Integer intrinsic = MofType.intrinsic(token.text());
        if (intrinsic != null) {
            return new MofType(intrinsic, null, false, 0);
        }
        if (!peek().is("ref")) {
            throw new MofException(file, token.line(), "unknown type '" + token.text() + "'");
        }
        next();
        return MofType.reference(token.text());
    }

    private MofType intrinsicType() {
        MofToken token = peek();
        Integer intrinsic = token.kind() == MofToken.Kind.IDENTIFIER ? MofType.intrinsic(token.text()) : null;
        if (intrinsic == null) {
            throw syntaxError("an intrinsic type");
        }
        next();
        return new MofType(intrinsic, null, false, 0);
    }

    /** After "[": the optional fixed size and "]". */
    private int arraySize() {
        int size = 0;
        if (peek().kind() == MofToken.Kind.INTEGER) {
            BigInteger value = (BigInteger) next().value();
            if (value.signum() <= 0 || value.bitLength() > 31) {
                throw new MofException(file, previous().line(), "array size must be a positive integer");
            }
            size = value.intValue();
        }
        expect("]");
        return size;
    }

    private List<QualifierUse> optionalQualifierList() {
        if (!accept("[")) {
            return List.of();
        }
        List<QualifierUse> qualifiers = new ArrayList<>();
        do {
            int line = peek().line();
            String name = identifier("qualifier name");
            Object value = null;
            boolean hasValue = false;
            if (accept("(")) {
                value = constantValue();
                hasValue = true;
                expect(")");
            } else if (peek().is("{")) {
                value = initializer();
                hasValue = true;
            }
            List<String> flavors = accept(":") ? flavorWords(false) : List.of();
            qualifiers.add(new QualifierUse(name, value, hasValue, flavors, line));
        } while (accept(","));
        expect("]");
        return qualifiers;
    }

    /** Instance declarations are accepted for completeness but not kept: the repository holds classes. */
    private void skipInstance() {
        next();
        expectWord("of");
        identifier("class name");
        optionalAlias();
        expect("{");
        while (!accept("}")) {
            optionalQualifierList();
            identifier("property name");
            expect("=");
            initializer();
            expect(";");
        }
        expect(";");
    }

    private void optionalAlias() {
        if (accept("as")) {
            if (peek().kind() != MofToken.Kind.ALIAS) {
                throw syntaxError("an alias ($name)");
            }
            next();
        }
    }

    private Object initializer() {
        if (!accept("{")) {
            return constantValue();
        }
        List<Object> values = new ArrayList<>();
        if (!accept("}")) {
            do {
                values.add(constantValue());
            } while (accept(","));
            expect("}");
        }
        return values;
    }

    private Object constantValue() {
        MofToken token = peek();
        switch (token.kind()) {
            case STRING:
                return stringValue();
            case INTEGER, REAL, CHAR:
                next();
                return token.value();
            case ALIAS:
                next();
                return new Alias((String) token.value());
            case IDENTIFIER:
                if (token.is("true") || token.is("false")) {
                    next();
                    return token.is("true");
                }
                if (token.is("null")) {
                    next();
                    return null;
                }
                break;
            default:
                break;
        }
        throw syntaxError("a value");
    }

    /** One or more adjacent string literals, concatenated. */
    private String stringValue() {
        if (peek().kind() != MofToken.Kind.STRING) {
            throw syntaxError("a string");
        }
        StringBuilder value = new StringBuilder();
        while (peek().kind() == MofToken.Kind.STRING) {
            value.append((String) next().value());
        }
        return value.toString();
    }

    private String identifier(String what) {
        if (peek().kind() != MofToken.Kind.IDENTIFIER) {
            throw syntaxError(what);
        }
        return next().text();
    }

    private void expect(String punctuation) {
        if (!accept(punctuation)) {
            throw syntaxError("'" + punctuation + "'");
        }
    }

    private void expectWord(String word) {
        if (peek().kind() != MofToken.Kind.IDENTIFIER || !peek().is(word)) {
            throw syntaxError("'" + word + "'");
        }
        next();
    }

    private boolean accept(String punctuationOrWord) {
        if (peek().is(punctuationOrWord)) {
            index++;
            return true;
        }
        return false;
    }

    private MofToken peek() {
        return tokens.get(index);
    }

    private MofToken next() {
        return tokens.get(index++);
    }

    private MofToken previous() {
        return tokens.get(index - 1);
    }

    private MofException syntaxError(String expected) {
        MofToken found = peek();
        return new MofException(file, found.line(), "syntax error: expected " + expected + " but found " + found.describe());
    }
}
