package org.liosmis.lio.saveconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The saved config's text as targetcli writes it: Python's
 * {@code json.dumps(config, sort_keys=True, indent=2)} plus a newline. So a file lio-smis
 * rewrites differs from targetcli's only where the content differs.
 */
final class TargetcliJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private static final String INDENT = "  ";

    private TargetcliJson() {
    }

    /** The node the parser makes for this integer (int, long or big), so trees compare equal. */
    static JsonNode integer(BigInteger value) {
        if (value.bitLength() < Integer.SIZE) {
            return NODES.numberNode(value.intValue());
        }
        return value.bitLength() < Long.SIZE ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    }

    static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    static String format(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "", out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, indent, out);
            case ARRAY -> writeArray(node, indent, out);
            case STRING -> writeString(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NUMBER -> out.append(node.isIntegralNumber() ? node.bigIntegerValue().toString()
                    : pythonFloat(node.doubleValue()));
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not JSON data: " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, String indent, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        if (fields.isEmpty()) {
            out.append("{}");
            return;
        }
        // Python sorts str keys by code point, String.compareTo by UTF-16 unit
        fields.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
        String inner = indent + INDENT;
        out.append("{\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            out.append(inner);
            writeString(field.getKey(), out);
            out.append(": ");
            write(field.getValue(), inner, out);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void writeArray(JsonNode node, String indent, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent + INDENT;
        out.append("[\n");
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            out.append(inner);
            write(it.next(), inner, out);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    /** ensure_ascii: everything outside printable ASCII as a UTF-16 unit escape, in lower case hex. */
    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /**
     * Python's float repr: the shortest digits that read back (as Java's), positional while the
     * decimal exponent is in [-4, 16), else d.ddde+XX.
     */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        BigDecimal value = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String sign = d < 0 || (d == 0 && 1 / d < 0) ? "-" : "";
        String digits = value.unscaledValue().abs().toString();
        int pointAt = digits.length() - value.scale();
        if (value.signum() == 0) {
            return sign + "0.0";
        }
        if (pointAt > -4 && pointAt <= 16) {
            if (pointAt <= 0) {
                return sign + "0." + "0".repeat(-pointAt) + digits;
            }
            if (pointAt >= digits.length()) {
                return sign + digits + "0".repeat(pointAt - digits.length()) + ".0";
            }
            return sign + digits.substring(0, pointAt) + "." + digits.substring(pointAt);
        }
        int exponent = pointAt - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
