package org.liosmis.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMFlavor;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMQualifierType;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;

class MofCompilerTest {

    private static MofException error(String text) {
        return assertThrows(MofException.class, () -> TestMof.compile(text));
    }

    @Test
    void qualifierValuesAreTypedByTheirDeclaration() {
        CIMClass cimClass = TestMof.compile("""
                [Abstract, Version("1.0.0")]
                class T_A {
                   [Key, MaxLen(64), ValueMap {"0", "2"}, Values {"Unknown", "OK"}, MaxValue(-5)]
                   string Id;
                   [EmbeddedInstance("T_A"), Deprecated {"T_A.Id"}, ModelCorrespondence("T_A.Id")]
                   string Nested;
                };""").getClass("T_A");
        assertEquals(Boolean.TRUE, cimClass.getQualifierValue("Abstract"));
        var id = cimClass.getProperty("Id");
        assertEquals(Boolean.TRUE, id.getQualifierValue("Key"));
        assertEquals(new UnsignedInteger32(64), id.getQualifierValue("MaxLen"));
        assertArrayEquals(new String[] {"0", "2"}, (String[]) id.getQualifierValue("ValueMap"));
        assertArrayEquals(new String[] {"Unknown", "OK"}, (String[]) id.getQualifierValue("Values"));
        assertEquals(-5L, id.getQualifierValue("MaxValue"));
        assertEquals(CIMDataType.STRING_ARRAY_T, id.getQualifier("ValueMap").getDataType());
        var nested = cimClass.getProperty("Nested");
        assertEquals("T_A", nested.getQualifierValue("EmbeddedInstance"));
        // a single value for an array qualifier becomes a one-element array
        assertArrayEquals(new String[] {"T_A.Id"}, (String[]) nested.getQualifierValue("ModelCorrespondence"));
        assertEquals(CIMFlavor.RESTRICTED, nested.getQualifier("Deprecated").getFlavor() & CIMFlavor.RESTRICTED);
    }

    @Test
    void flavorWrittenOnAQualifierOverridesTheDeclaredOne() {
        CIMClass cimClass = TestMof.compile("[Description(\"x\") : Restricted DisableOverride] class T_A { };").getClass("T_A");
        int flavor = cimClass.getQualifier("Description").getFlavor();
        assertEquals(CIMFlavor.RESTRICTED | CIMFlavor.DISABLEOVERRIDE | CIMFlavor.TRANSLATE, flavor);
    }

    @Test
    void propertyDefaultsTakeTheirJavaTypes() {
        CIMClass cimClass = TestMof.compile("""
                class T_A {
                   uint8 U8 = 255;
                   uint16 U16 = 0x8000;
                   uint32 U32 = 4294967295;
                   uint64 U64 = 18446744073709551615;
                   sint8 S8 = -128;
                   sint16 S16 = -2;
                   sint32 S32 = 017;
                   sint64 S64 = -9223372036854775808;
                   real32 R32 = 1.5;
                   real64 R64 = -2.5E2;
                   char16 C = '\\x41';
                   boolean B = false;
                   string S = "a" "b\\n";
                   datetime D = "20240102030405.000000+060";
                   datetime I = "00000001020304.000000:000";
                   uint16 List[] = {1, 2};
                   string Fixed[2] = {"x", "y"};
                   string Unset;
                };""").getClass("T_A");
        assertEquals(new UnsignedInteger8((short) 255), cimClass.getProperty("U8").getValue());
        assertEquals(new UnsignedInteger16(0x8000), cimClass.getProperty("U16").getValue());
        assertEquals(new UnsignedInteger32(4294967295L), cimClass.getProperty("U32").getValue());
        assertEquals(new UnsignedInteger64("18446744073709551615"), cimClass.getProperty("U64").getValue());
        assertEquals((byte) -128, cimClass.getProperty("S8").getValue());
        assertEquals((short) -2, cimClass.getProperty("S16").getValue());
        assertEquals(15, cimClass.getProperty("S32").getValue());
        assertEquals(Long.MIN_VALUE, cimClass.getProperty("S64").getValue());
        assertEquals(1.5f, cimClass.getProperty("R32").getValue());
        assertEquals(-250.0, cimClass.getProperty("R64").getValue());
        assertEquals('A', cimClass.getProperty("C").getValue());
        assertEquals(Boolean.FALSE, cimClass.getProperty("B").getValue());
        assertEquals("ab\n", cimClass.getProperty("S").getValue());
        assertEquals(new CIMDateTimeAbsolute("20240102030405.000000+060"), cimClass.getProperty("D").getValue());
        assertEquals(new CIMDateTimeInterval("00000001020304.000000:000"), cimClass.getProperty("I").getValue());
        assertArrayEquals(new UnsignedInteger16[] {new UnsignedInteger16(1), new UnsignedInteger16(2)},
                (Object[]) cimClass.getProperty("List").getValue());
        assertEquals(CIMDataType.UINT16_ARRAY_T, cimClass.getProperty("List").getDataType());
        assertEquals(2, cimClass.getProperty("Fixed").getDataType().getSize());
        assertNull(cimClass.getProperty("Unset").getValue());
    }

    @Test
    void referencesAndMethods() {
        ClassRepository repository = TestMof.compile("""
                class T_Job { };
                [Association] class T_Link {
                   [Key] T_Job REF Left;
                   [Key] T_Job REF Right;
                };
                class T_Service {
                   [ValueMap {"0", "4096"}, Values {"Completed", "Job Started"}]
                   uint32 Run([In, Required] string Name, [In(false), Out] T_Job REF Job, [In] T_Job REF Jobs[]);
                };""");
        CIMClass link = repository.getClass("t_link");
        assertTrue(link.isAssociation());
        assertTrue(link.isKeyed());
        assertEquals(new CIMDataType("T_Job"), link.getProperty("Left").getDataType());
        CIMMethod<?> run = repository.getClass("T_Service").getMethod("Run");
        assertEquals(CIMDataType.UINT32_T, run.getDataType());
        assertEquals("T_Service", run.getOriginClass());
        assertEquals(Boolean.FALSE, run.getParameter("Job").getQualifierValue("In"));
        assertEquals(Boolean.TRUE, run.getParameter("Job").getQualifierValue("Out"));
        assertEquals("T_Job", run.getParameter("Job").getDataType().getRefClassName());
        assertTrue(run.getParameter("Jobs").getDataType().isArray());
        assertEquals(Boolean.TRUE, run.getParameter("Name").getQualifierValue("Required"));
    }

    @Test
    void qualifierDeclarationsAreKept() {
        MofCompiler compiler = TestMof.compilerWithQualifiers();
        ClassRepository repository = compiler.compile(TestMof.files(Map.of("q.mof",
                "Qualifier Colour : string[] = {\"red\"}, Scope(class, property), Flavor(DisableOverride);")), "q.mof")
                .toRepository();
        CIMQualifierType<?> colour = repository.getQualifierType("COLOUR");
        assertArrayEquals(new String[] {"red"}, (String[]) colour.getValue());
        assertEquals(CIMFlavor.DISABLEOVERRIDE, colour.getFlavor());
        assertNotNull(repository.getQualifierType("ValueMap"));
    }

    @Test
    void includesAreRelativeToTheIncludingFileAndOtherPragmasAreIgnored() {
        MofFiles files = TestMof.files(Map.of(
                "top.mof", "#pragma locale (\"en_US\")\n#pragma namespace (\"root/cimv2\")\n#pragma include (\"Core/A.mof\")",
                "Core/A.mof", "class T_A { };\n#pragma include (\"../Device/B.mof\")",
                "Device/B.mof", "class T_B : T_A { };\ninstance of T_A { };"));
        ClassRepository repository = TestMof.compilerWithQualifiers().compile(files, "top.mof").toRepository();
        assertEquals("T_A", repository.getClass("T_B").getSuperClassName());
    }

    @Test
    void includesInsideAZip(@TempDir Path folder) throws IOException {
        Path zip = folder.resolve("schema.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (var entry : Map.of("top.mof", "#pragma include (\"Core/A.mof\")", "Core/A.mof", "class T_A { };").entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (MofFiles files = MofFiles.zip(zip)) {
            ClassRepository repository = TestMof.compilerWithQualifiers().compile(files, "top.mof").toRepository();
            assertNotNull(repository.getClass("T_A"));
        }
    }

    @Test
    void errorsNameFileAndLine() {
        assertEquals("test.mof:2: unknown superclass T_Missing of class T_B",
                error("class T_A { };\nclass T_B : T_Missing { };").getMessage());
        assertEquals("test.mof:3: unknown qualifier Colour",
                error("class T_A {\n  [Key,\n   Colour(\"red\")] string A; };").getMessage());
        assertEquals("test.mof:3: class T_a is already defined at test.mof:1",
                error("class T_A { };\n\nclass T_a { };").getMessage());
        assertEquals("test.mof:2: syntax error: expected ';' but found end of file",
                error("class T_A {\n}").getMessage());
        assertEquals("test.mof:2: unknown class T_Nowhere in reference",
                error("[Association] class T_A {\n  [Key] T_Nowhere REF X; };").getMessage());
        assertEquals(2, error("class T_A {\n  uint8 Small = 256; };").line());
        assertEquals(2, error("class T_A {\n  uint16 U = -1; };").line());
        assertEquals(1, error("[MaxLen(\"long\")] class T_A { };").line());
        assertEquals(1, error("[Key, Key] class T_A { };").line());
        assertEquals(2, error("class T_A { };\n#pragma include (\"missing.mof\")").line());
        assertEquals(1, error("Qualifier Key : boolean = false, Scope(property);").line());
    }

    @Test
    void errorsInIncludedFilesNameThatFile() {
        MofFiles files = TestMof.files(Map.of("top.mof", "\n#pragma include (\"Sub/B.mof\")", "Sub/B.mof", "\n\nclass T_B : T_A { };"));
        MofException error = assertThrows(MofException.class, () -> TestMof.compilerWithQualifiers().compile(files, "top.mof"));
        assertEquals("Sub/B.mof", error.file());
        assertEquals(3, error.line());
    }

    @Test
    void includeCyclesAreReported() {
        MofFiles files = TestMof.files(Map.of("a.mof", "#pragma include (\"b.mof\")", "b.mof", "\n#pragma include (\"a.mof\")"));
        MofException error = assertThrows(MofException.class, () -> TestMof.compilerWithQualifiers().compile(files, "a.mof"));
        assertEquals("b.mof:2: include cycle: a.mof is already being compiled", error.getMessage());
    }
}
