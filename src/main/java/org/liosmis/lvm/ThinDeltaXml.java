package org.liosmis.lvm;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads what {@code thin_delta} prints: a superblock holding the diff of two thin devices as runs
 * of the pool's data blocks (chunks) that are the same in both, differ, or are mapped in one only.
 * Runs come as {@code <different begin=".." length=".."/>} or, with --verbose, as {@code <range>}
 * elements inside such an element. Anything else is refused: a changed block read past would be
 * a block never shipped.
 */
final class ThinDeltaXml {

    private static final String SAME = "same";
    /** left_only: the newer device reads zeros there; right_only: it gained data. Both must be shipped. */
    private static final Set<String> CHANGED = Set.of("different", "left_only", "right_only");
    private static final long SECTOR = 512;

    private ThinDeltaXml() {
    }

    /** The bytes where thin device {@code right} differs from {@code left}, in order, runs that touch merged. */
    static List<ThinRange> changed(String xml, long left, long right) throws LvmException {
        try {
            return read(xml, left, right);
        } catch (ArithmeticException e) {
            throw unreadable("a block number too large for a byte offset");
        }
    }

    private static List<ThinRange> read(String xml, long left, long right) throws LvmException {
        Element superblock = parse(xml).getDocumentElement();
        expectName(superblock, "superblock");
        long chunkBytes = Math.multiplyExact(number(superblock, "data_block_size"), SECTOR);
        List<Element> diffs = children(superblock);
        if (diffs.size() != 1) {
            throw unreadable("one <diff> expected in the superblock, found " + diffs.size() + " elements");
        }
        Element diff = diffs.getFirst();
        expectName(diff, "diff");
        if (number(diff, "left") != left || number(diff, "right") != right) {
            throw unreadable("a diff of devices " + diff.getAttribute("left") + " and " + diff.getAttribute("right")
                    + ", not " + left + " and " + right);
        }
        List<long[]> runs = new ArrayList<>();
        for (Element kind : children(diff)) {
            boolean changed = CHANGED.contains(kind.getTagName());
            if (!changed && !kind.getTagName().equals(SAME)) {
                throw unreadable("unknown element <" + kind.getTagName() + "> in the diff");
            }
            for (Element run : kind.hasAttribute("begin") ? List.of(kind) : verboseRanges(kind)) {
                long[] blocks = {number(run, "begin"), number(run, "length")};
                if (changed) {
                    runs.add(blocks);
                }
            }
        }
        return merged(runs, chunkBytes);
    }

    private static List<Element> verboseRanges(Element kind) throws LvmException {
        List<Element> ranges = children(kind);
        for (Element range : ranges) {
            expectName(range, "range");
        }
        return ranges;
    }

    private static List<ThinRange> merged(List<long[]> runs, long chunkBytes) {
        runs.sort(Comparator.comparingLong(r -> r[0]));
        List<ThinRange> ranges = new ArrayList<>();
        for (long[] run : runs) {
            if (run[1] == 0) {
                continue;
            }
            long offset = Math.multiplyExact(run[0], chunkBytes);
            long end = Math.multiplyExact(Math.addExact(run[0], run[1]), chunkBytes);
            ThinRange last = ranges.isEmpty() ? null : ranges.getLast();
            if (last != null && offset <= last.end()) {
                ranges.set(ranges.size() - 1, new ThinRange(last.offset(), Math.max(end, last.end()) - last.offset()));
            } else {
                ranges.add(new ThinRange(offset, end - offset));
            }
        }
        return List.copyOf(ranges);
    }

    /** A parser that reads no DTD, entity or include: the text comes from a program, but is data all the same. */
    private static Document parse(String xml) throws LvmException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw unreadable(e.getMessage());
        }
    }

    /** The element children; text between them must be blank. */
    private static List<Element> children(Element parent) throws LvmException {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            } else if (node.getNodeType() == Node.TEXT_NODE && !node.getNodeValue().isBlank()) {
                throw unreadable("text in <" + parent.getTagName() + ">: " + node.getNodeValue().strip());
            }
        }
        return elements;
    }

    private static void expectName(Element element, String name) throws LvmException {
        if (!element.getTagName().equals(name)) {
            throw unreadable("<" + name + "> expected, found <" + element.getTagName() + ">");
        }
    }

    private static long number(Element element, String attribute) throws LvmException {
        String value = element.getAttribute(attribute);
        if (!value.matches("[0-9]{1,18}")) {
            throw unreadable("<" + element.getTagName() + "> has " + attribute + "=\"" + value + "\"");
        }
        return Long.parseLong(value);
    }

    private static LvmException unreadable(String why) {
        return new LvmException(LvmException.Kind.FAILED, "thin_delta printed what lio-smis cannot read: " + why);
    }
}
