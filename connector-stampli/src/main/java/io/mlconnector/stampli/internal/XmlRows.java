package io.mlconnector.stampli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Streams an XML file's records (StAX; DTDs and external entities refused) as flat {@link Row}s:
 * one per line element with the record's own fields repeated, or one per record without lines.
 * Child elements and attributes are matched to fields through the template's aliases (case,
 * spaces and underscores ignored). A file that is not well-formed throws {@link XMLStreamException}
 * wrapped in {@link IllegalStateException} from {@link #hasNext}.
 */
public final class XmlRows implements Iterator<Row>, AutoCloseable {
  private static final XMLInputFactory FACTORY = factory();
  private final XMLStreamReader xml;
  private final List<String> recordPath;
  private final List<String> linePath;
  private final Columns columns;
  private final Deque<Row> pending = new ArrayDeque<>();
  private final Deque<String> stack = new ArrayDeque<>();

  /** Reads records at {@code recordPath} ({@code /Invoices/Invoice}) with lines at {@code linePath} (null: none). */
  public XmlRows(InputStream in, String recordPath, @Nullable String linePath, Columns columns) throws IOException {
    try {
      this.xml = FACTORY.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw new IOException("not XML: " + e.getMessage(), e);
    }
    this.recordPath = List.of(recordPath.substring(1).split("/"));
    this.linePath = linePath == null ? List.of() : List.of(linePath.split("/"));
    this.columns = columns;
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  @Override
  public boolean hasNext() {
    try {
      while (pending.isEmpty() && xml.hasNext()) {
        int ev = xml.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          stack.addLast(xml.getLocalName());
          if (stack.size() == recordPath.size() && new ArrayList<>(stack).equals(recordPath)) {
            readRecord();
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          stack.pollLast();
        }
      }
      return !pending.isEmpty();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("not well-formed XML at line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()) + ": " + e.getMessage(), e);
    }
  }

  /** Reads one record element (the reader is on its start) up to its end. */
  private void readRecord() throws XMLStreamException {
    long line = xml.getLocation().getLineNumber();
    Map<String, String> header = new LinkedHashMap<>();
    attributes(header);
    List<Map<String, String>> lines = new ArrayList<>();
    List<Long> lineNumbers = new ArrayList<>();
    int depth = 0;
    List<String> inner = new ArrayList<>();
    while (true) {
      int ev = xml.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        inner.add(xml.getLocalName());
        if (!linePath.isEmpty() && inner.equals(linePath)) {
          lineNumbers.add((long) xml.getLocation().getLineNumber());
          Map<String, String> l = new HashMap<>();
          attributes(l);
          readFields(l);
          lines.add(l);
          inner.remove(inner.size() - 1);
          depth--;
        } else if (depth == 1 && (linePath.isEmpty() || !xml.getLocalName().equals(linePath.get(0)))) {
          String field = columns.field(xml.getLocalName());
          String text = xml.getElementText();
          if (field != null) {
            header.put(field, text);
          }
          inner.remove(inner.size() - 1);
          depth--;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        if (depth == 0) {
          stack.pollLast();
          break;
        }
        depth--;
        inner.remove(inner.size() - 1);
      }
    }
    if (lines.isEmpty()) {
      pending.add(new Row(line, header));
    } else {
      for (int i = 0; i < lines.size(); i++) {
        Map<String, String> merged = new HashMap<>(header);
        merged.putAll(lines.get(i));
        pending.add(new Row(lineNumbers.get(i), merged));
      }
    }
  }

  /** Reads the simple child elements of the current element into {@code into}, up to its end. */
  private void readFields(Map<String, String> into) throws XMLStreamException {
    while (true) {
      int ev = xml.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String field = columns.field(xml.getLocalName());
        String text = xml.getElementText();
        if (field != null) {
          into.put(field, text);
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        return;
      }
    }
  }

  private void attributes(Map<String, String> into) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      String field = columns.field(xml.getAttributeLocalName(i));
      if (field != null) {
        into.put(field, xml.getAttributeValue(i));
      }
    }
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending.pollFirst();
  }

  @Override
  public void close() {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // nothing held beyond the stream, which the caller closes
    }
  }
}
