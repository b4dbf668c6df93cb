package org.liosmis.host.cimxml;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming XML writer. Every element gets an explicit end tag, never the
 * self-closed form, because wbemcli's parser rejects {@code <PROPERTY .../>} and its kin.
 */
public final class MarkupWriter {

    private final Writer out;
    private final Deque<String> open = new ArrayDeque<>();
    private boolean startTagOpen;

    public MarkupWriter(Writer out) {
        this.out = out;
    }

    public MarkupWriter declaration() throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n");
        return this;
    }

    public MarkupWriter start(String name) throws IOException {
        closeStartTag();
        out.write('<');
        out.write(name);
        open.push(name);
        startTagOpen = true;
        return this;
    }

    /** An attribute of the element just started; null values are left out. */
    public MarkupWriter attribute(String name, String value) throws IOException {
        if (!startTagOpen) {
            throw new IllegalStateException("attribute " + name + " after the start tag was closed");
        }
        if (value != null) {
            out.write(' ');
            out.write(name);
            out.write("=\"");
            escape(value, true);
            out.write('"');
        }
        return this;
    }

    public MarkupWriter text(String text) throws IOException {
        closeStartTag();
        escape(text, false);
        return this;
    }

    public MarkupWriter end() throws IOException {
        closeStartTag();
        out.write("</");
        out.write(open.pop());
        out.write('>');
        return this;
    }

    /** An element holding only text: {@code <name>text</name>}. */
    public MarkupWriter textElement(String name, String text) throws IOException {
        return start(name).text(text).end();
    }

    public void flush() throws IOException {
        out.flush();
    }

    private void closeStartTag() throws IOException {
        if (startTagOpen) {
            out.write('>');
            startTagOpen = false;
        }
    }

    // characters XML 1.0 cannot carry at all become U+FFFD rather than a broken document
    private void escape(String text, boolean inAttribute) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '"' -> out.write(inAttribute ? "&quot;" : "\"");
                case '\n', '\r', '\t' -> {
                    if (inAttribute) {
                        out.write("&#" + (int) c + ";");
                    } else {
                        out.write(c);
                    }
                }
                default -> out.write(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
    }
}
