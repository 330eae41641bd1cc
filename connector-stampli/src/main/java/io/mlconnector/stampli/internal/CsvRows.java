package io.mlconnector.stampli.internal;

import io.mlconnector.stampli.StampliTemplate;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV file's rows through Commons CSV (quoted fields may span lines). The first record is
 * the header; its names are resolved through the template's aliases. A row with another number of
 * fields than the header is reported, not guessed.
 */
public final class CsvRows implements Iterator<Row>, AutoCloseable {
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final Map<String, Integer> index;
  private final int width;
  private final long maxRows;
  private long nextStart;
  private long count;

  /** Reads the header from {@code reader}. */
  public CsvRows(Reader reader, StampliTemplate template, Columns columns) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(template.delimiter())
        .setQuote(template.quote())
        .setIgnoreEmptyLines(true)
        .setTrim(false)
        .get();
    this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
    this.records = parser.iterator();
    if (!records.hasNext()) {
      throw new IllegalArgumentException("file is empty: no header row");
    }
    CSVRecord header = records.next();
    List<String> names = header.toList();
    this.index = columns.resolve(names);
    this.width = names.size();
    this.maxRows = template.maxRows();
    this.nextStart = parser.getCurrentLineNumber() + 1;
  }

  /** The fields found in the header. */
  public Map<String, Integer> index() {
    return index;
  }

  @Override
  public boolean hasNext() {
    try {
      return records.hasNext();
    } catch (UncheckedIOException e) {
      throw e;
    }
  }

  /** The next row; a ragged row carries its error under {@code __error}. */
  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CSVRecord r = records.next();
    long start = nextStart;
    nextStart = parser.getCurrentLineNumber() + 1;
    if (++count > maxRows) {
      throw new IllegalStateException("file has more than maxRows " + maxRows + " rows");
    }
    if (r.size() != width) {
      return new Row(start, Map.of("__error", "line " + start + " has " + r.size() + " fields, the header has " + width));
    }
    Map<String, String> values = new HashMap<>(index.size() * 2);
    for (Map.Entry<String, Integer> e : index.entrySet()) {
      values.put(e.getKey(), r.get(e.getValue()));
    }
    return new Row(start, values);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
