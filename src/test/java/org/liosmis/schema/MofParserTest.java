package org.liosmis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liosmis.schema.MofSyntax.ClassDeclaration;
import org.liosmis.schema.MofSyntax.MethodDeclaration;
import org.liosmis.schema.MofSyntax.Pragma;
import org.liosmis.schema.MofSyntax.PropertyDeclaration;
import org.liosmis.schema.MofSyntax.QualifierDeclaration;
import org.liosmis.schema.MofSyntax.QualifierUse;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMFlavor;
import org.metricshub.wbem.javax.cim.CIMScope;

class MofParserTest {

    private static List<MofSyntax.Production> parse(String text) {
        return MofParser.parse("p.mof", text);
    }

    private static ClassDeclaration parseClass(String text) {
        return (ClassDeclaration) parse(text).getFirst();
    }

    private static MofException error(String text) {
        return assertThrows(MofException.class, () -> parse(text));
    }

    @Test
    void pragmas() {
        List<MofSyntax.Production> productions = parse("#pragma locale (\"en_US\")\n#pragma include (\"Core/\" \"A.mof\")");
        assertEquals(new Pragma("locale", List.of("en_US"), 1), productions.get(0));
        assertEquals(new Pragma("include", List.of("Core/A.mof"), 2), productions.get(1));
    }

    @Test
    void qualifierDeclarationWithScopeAndFlavor() {
        QualifierDeclaration declaration = (QualifierDeclaration) parse(
                "Qualifier Values : string[], Scope(property, method, parameter),\n"
                        + " Flavor(EnableOverride, ToSubclass, Translatable);").getFirst();
        assertEquals("Values", declaration.name());
        assertTrue(declaration.type().array());
        assertEquals(CIMScope.PROPERTY | CIMScope.METHOD | CIMScope.PARAMETER, declaration.scope());
        assertEquals(CIMFlavor.TRANSLATE, declaration.flavor());

        QualifierDeclaration key = (QualifierDeclaration) parse(
                "qualifier Key : boolean = false, scope(property, reference), flavor(DisableOverride, Restricted);").getFirst();
        assertEquals(Boolean.FALSE, key.defaultValue());
        assertEquals(CIMFlavor.DISABLEOVERRIDE | CIMFlavor.RESTRICTED, key.flavor());
        assertEquals(CIMScope.ANY, ((QualifierDeclaration) parse("Qualifier D : string = null, Scope(any);").getFirst()).scope());
    }

    @Test
    void classWithSuperclassQualifiersAndEveryKindOfProperty() {
        ClassDeclaration declaration = parseClass("""
                [Association, Abstract, Version ( "2.49.0" ), Description("one " "two") : ToSubclass Translatable]
                class CIM_A : CIM_B {
                   [Key, MaxLen(256)] string Id;
                   uint16 Codes[] = {1, -2, 0x10};
                   sint8 Fixed[4];
                   real64 Ratio = 1.5e3;
                   char16 Letter = 'q';
                   datetime When = "20240101000000.000000+000";
                   boolean Flag = true;
                   string Nothing = null;
                   CIM_X REF Target;
                };""");
        assertEquals("CIM_A", declaration.name());
        assertEquals("CIM_B", declaration.superclass());
        List<QualifierUse> qualifiers = declaration.qualifiers();
        assertEquals(List.of("Association", "Abstract", "Version", "Description"),
                qualifiers.stream().map(QualifierUse::name).toList());
        assertFalse(qualifiers.get(0).hasValue());
        assertEquals("one two", qualifiers.get(3).value());
        assertEquals(List.of("ToSubclass", "Translatable"), qualifiers.get(3).flavors());

        List<PropertyDeclaration> properties = declaration.properties();
        assertEquals(9, properties.size());
        assertEquals(3, properties.get(0).line());
        assertEquals(CIMDataType.STRING, properties.get(0).type().baseType());
        assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.valueOf(16)), properties.get(1).defaultValue());
        assertTrue(properties.get(1).type().array());
        assertEquals(0, properties.get(1).type().arraySize());
        assertEquals(4, properties.get(2).type().arraySize());
        assertEquals(1500.0, properties.get(3).defaultValue());
        assertEquals('q', properties.get(4).defaultValue());
        assertEquals(Boolean.TRUE, properties.get(6).defaultValue());
        assertNull(properties.get(7).defaultValue());
        assertEquals("CIM_X", properties.get(8).type().refClass());
    }

    @Test
    void methodsWithParameters() {
        ClassDeclaration declaration = parseClass("""
                class C {
                   [ValueMap {"0", "1"}]
                   uint32 Go(
                      [In, Required] string Name,
                      [Out] CIM_Job REF Job,
                      [In] CIM_X REF Many[],
                      [In] uint16 Sizes[] = {1},
                      uint8 Bytes[16]);
                   uint32 Idle();
                };""");
        MethodDeclaration go = declaration.methods().get(0);
        assertEquals("Go", go.name());
        assertEquals(3, go.line());
        assertEquals(CIMDataType.UINT32, go.returnType().baseType());
        assertEquals(5, go.parameters().size());
        assertEquals("CIM_Job", go.parameters().get(1).type().refClass());
        assertTrue(go.parameters().get(2).type().array());
        assertEquals(16, go.parameters().get(4).type().arraySize());
        assertEquals(0, declaration.methods().get(1).parameters().size());
    }

    @Test
    void instancesAreParsedAndDropped() {
        List<MofSyntax.Production> productions = parse("""
                instance of CIM_X as $x { Name = "a"; [Key] Values = {1, 2}; };
                class C { };""");
        assertEquals(1, productions.size());
    }

    @Test
    void syntaxErrorsNameTheLineAndWhatWasExpected() {
        MofException missingSemicolon = error("class C {\n  string A\n  string B;\n};");
        assertEquals("p.mof:3: syntax error: expected ';' but found 'string'", missingSemicolon.getMessage());
        assertEquals(2, error("class C {\n  strung A;\n};").line());
        assertEquals(1, error("class C { string A; }").line());
        assertEquals(3, error("\n\nfoo").line());
        assertEquals(2, error("Qualifier Q : boolean,\n Scope(nowhere);").line());
        assertEquals(2, error("Qualifier Q : boolean, Scope(any),\n Flavor(Sometimes);").line());
        assertEquals(2, error("class C {\n [Key(] string A; };").line());
        assertEquals(1, error("class C { string A[0]; };").line());
        assertEquals(2, error("#pragma include(\n Core);").line());
    }
}
