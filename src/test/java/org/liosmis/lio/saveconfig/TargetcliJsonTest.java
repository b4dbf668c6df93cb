package org.liosmis.lio.saveconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The text Python's json.dumps(sort_keys=True, indent=2) writes, checked against Python 3 output. */
class TargetcliJsonTest {

    @Test
    void keysSortedIndentTwoColonSpaceNoTrailingSpaceAndNewlineAtEnd() throws Exception {
        String json = "{\"b\": [1, {\"y\": null, \"x\": true}], \"a\": {}, \"c\": [], \"d\": -12345678901234567890}";
        assertEquals("""
                {
                  "a": {},
                  "b": [
                    1,
                    {
                      "x": true,
                      "y": null
                    }
                  ],
                  "c": [],
                  "d": -12345678901234567890
                }
                """, TargetcliJson.format(TargetcliJson.parse(json)));
    }

    @Test
    void stringsAreEscapedLikeEnsureAscii() throws Exception {
        // python3 -c 'import json; print(json.dumps("q\"b\\\n\r\t\b\f\x01\x7f é\u2028😀"))'
        String json = "\"q\\\"b\\\\\\n\\r\\t\\b\\f\\u0001\\u007f é\u2028😀\"";
        assertEquals("\"q\\\"b\\\\\\n\\r\\t\\b\\f\\u0001\\u007f \\u00e9\\u2028\\ud83d\\ude00\"\n",
                TargetcliJson.format(TargetcliJson.parse(json)));
    }

    @Test
    void keysSortByCodePointAsPythonDoes() throws Exception {
        // U+FF01 sorts before U+1F600 in Python, after its surrogate U+D83D in UTF-16 order
        assertEquals("{\n  \"\\uff01\": 1,\n  \"\\ud83d\\ude00\": 2\n}\n",
                TargetcliJson.format(TargetcliJson.parse("{\"😀\": 2, \"！\": 1}")));
    }

    @Test
    void floatsAsPythonsRepr() {
        // python3: repr() of each
        double[] values = {1.0, 0.0001, 0.00001, 1e16, 1e15, 123.456, 1.5e-7, -0.0, 1e22, 12345678901234567.0, 0.1};
        String[] python = {"1.0", "0.0001", "1e-05", "1e+16", "1000000000000000.0", "123.456", "1.5e-07", "-0.0",
            "1e+22", "1.2345678901234568e+16", "0.1"};
        for (int i = 0; i < values.length; i++) {
            assertEquals(python[i], TargetcliJson.pythonFloat(values[i]));
        }
    }
}
