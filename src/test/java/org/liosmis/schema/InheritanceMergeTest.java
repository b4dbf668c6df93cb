package org.liosmis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;

class InheritanceMergeTest {

    private static final ClassRepository REPOSITORY = TestMof.compile("""
            [Abstract, Version("1.0.0"), Description("base")]
            class T_Base {
               [Key, Description("id"), Deprecated {"none"}] string Id;
               [Description("state"), ValueMap {"0", "1"}, Values {"Off", "On"}] uint16 State = 1;
               [Description("go")] uint32 Go([In, Description("how")] string How);
            };
            class T_Middle : T_Base {
               string Extra;
            };
            [Association] class T_Link {
               [Key] T_Base REF Left;
               [Key] T_Base REF Right;
            };
            [Description("leaf")]
            class T_Leaf : T_Middle {
               [Override("State"), Values {"Stopped", "Running"}] uint16 State;
               [Override("Go")] uint32 Go([In] string How);
            };
            class T_Below : T_Leaf { };
            class T_Link2 : T_Link {
               [Override("Left")] T_Leaf REF Left;
            };""");

    @Test
    void inheritedMembersArePropagatedWithTheirOrigin() {
        CIMClass middle = REPOSITORY.getClass("T_Middle");
        CIMClassProperty<?> id = middle.getProperty("Id");
        assertTrue(id.isPropagated());
        assertEquals("T_Base", id.getOriginClass());
        assertFalse(middle.getProperty("Extra").isPropagated());
        assertEquals("T_Middle", middle.getProperty("Extra").getOriginClass());
        CIMMethod<?> go = middle.getMethod("Go");
        assertTrue(go.isPropagated());
        assertEquals("T_Base", go.getOriginClass());
        assertEquals(new UnsignedInteger16(1), middle.getProperty("State").getValue());
    }

    @Test
    void toSubclassQualifiersFlowDownAndRestrictedOnesDoNot() {
        CIMClass middle = REPOSITORY.getClass("T_Middle");
        assertNull(middle.getQualifier("Abstract"));
        assertNull(middle.getQualifier("Version"));
        assertEquals("base", middle.getQualifierValue("Description"));
        assertTrue(middle.getQualifier("Description").isPropagated());
        CIMClassProperty<?> id = middle.getProperty("Id");
        assertEquals("id", id.getQualifierValue("Description"));
        assertNull(id.getQualifier("Deprecated"));
        assertEquals("leaf", REPOSITORY.getClass("T_Leaf").getQualifierValue("Description"));
        assertFalse(REPOSITORY.getClass("T_Leaf").getQualifier("Description").isPropagated());
    }

    @Test
    void keysStayKeys() {
        CIMClassProperty<?> id = REPOSITORY.getClass("T_Leaf").getProperty("Id");
        assertTrue(id.isKey());
        assertTrue(REPOSITORY.getClass("T_Leaf").isKeyed());
        assertTrue(REPOSITORY.getClass("T_Link2").getProperty("Left").isKey());
    }

    @Test
    void anOverrideReplacesTheInheritedMemberAndKeepsItsQualifiers() {
        CIMClass leaf = REPOSITORY.getClass("T_Leaf");
        CIMClassProperty<?> state = leaf.getProperty("State");
        assertFalse(state.isPropagated());
        assertEquals("T_Leaf", state.getOriginClass());
        assertEquals("state", state.getQualifierValue("Description"));
        assertTrue(state.getQualifier("Description").isPropagated());
        assertEquals(2, ((String[]) state.getQualifierValue("ValueMap")).length);
        assertEquals("Running", ((String[]) state.getQualifierValue("Values"))[1]);
        assertEquals("State", state.getQualifierValue("Override"));
        assertEquals(new UnsignedInteger16(1), state.getValue());
        assertEquals(1, java.util.Arrays.stream(leaf.getProperties()).filter(p -> p.getName().equals("State")).count());

        CIMMethod<?> go = leaf.getMethod("Go");
        assertFalse(go.isPropagated());
        assertEquals("T_Leaf", go.getOriginClass());
        assertEquals("go", go.getQualifierValue("Description"));
        assertEquals("how", go.getParameter("How").getQualifierValue("Description"));
    }

    @Test
    void overriddenReferencesNarrowTheClassAndAssociationIsInherited() {
        CIMClass link2 = REPOSITORY.getClass("T_Link2");
        assertTrue(link2.isAssociation());
        assertEquals("T_Leaf", link2.getProperty("Left").getDataType().getRefClassName());
        assertEquals("T_Base", link2.getProperty("Right").getDataType().getRefClassName());
        assertTrue(link2.getProperty("Right").isPropagated());
    }

    @Test
    void restrictedQualifiersOfAnOverrideStayWithIt() {
        CIMClassProperty<?> state = REPOSITORY.getClass("T_Below").getProperty("State");
        assertTrue(state.isPropagated());
        assertEquals("T_Leaf", state.getOriginClass());
        assertNull(state.getQualifier("Override"));
        assertEquals("Stopped", ((String[]) state.getQualifierValue("Values"))[0]);
    }
}
