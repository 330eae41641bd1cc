package io.mlconnector.stampli.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.stampli.SftpClient;
import io.mlconnector.stampli.StampliConfig;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes one import file per record into Stampli's inbound folder (temp name, then rename). The
 * file name carries the record's code and a digest of its content: {@code
 * <prefix>-<code>-<digest>.csv}; {@link #findByStamp} looks for a file of that code. An import is an
 * upsert by code on Stampli's side, so writing one twice (after Stampli consumed the first) changes
 * nothing.
 *
 * @param <T> the record type
 */
public final class ImportSink<T> implements Sink<T> {
  private final SftpClient client;
  private final String prefix;
  private final List<String> columns;
  private final Function<T, String> code;
  private final Function<T, List<@Nullable String>> values;
  private final Function<String, ExternalRef> target;
  private final char delimiter;

  /** A sink writing {@code prefix-*.csv} files with {@code columns}. */
  public ImportSink(SftpClient client, String prefix, List<String> columns, Function<T, String> code,
      Function<T, List<@Nullable String>> values, Function<String, ExternalRef> target) {
    this.client = client;
    this.prefix = prefix;
    this.columns = columns;
    this.code = code;
    this.values = values;
    this.target = target;
    this.delimiter = client.config().template().delimiter();
  }

  @Override
  public String system() {
    return StampliConfig.SYSTEM;
  }

  private String safe(String s) {
    String t = s.replaceAll("[^A-Za-z0-9_.]", "_");
    return t.length() > 60 ? t.substring(0, 60) : t;
  }

  private WriteResult write(T record, WriteContext context) {
    String c = code.apply(record);
    List<@Nullable String> row = values.apply(record);
    String digest = InvoiceAssembler.sha256(String.join("\u0000", row)).substring(0, 12);
    String name = prefix + "-" + safe(c) + "-" + digest + ".csv";
    client.writeImport(name, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writeRow(w, columns);
      writeRow(w, row);
      w.flush();
    });
    return new WriteResult(target.apply(c), Map.of("file", name), null);
  }

  private void writeRow(Writer w, List<@Nullable String> row) throws java.io.IOException {
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        w.write(delimiter);
      }
      String v = row.get(i) == null ? "" : row.get(i);
      boolean quote = v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
      w.write(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
    }
    w.write("\r\n");
  }

  @Override
  public WriteResult create(T record, WriteContext context) {
    return write(record, context);
  }

  @Override
  public WriteResult update(ExternalRef target, T record, WriteContext context) {
    return write(record, context);
  }

  /** The stamp is the code in the file name; source ids are the codes (ERP codes travel as they are). */
  @Override
  public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
    String start = prefix + "-" + safe(source.id()) + "-";
    return client.listInbound().stream().filter(n -> n.startsWith(start)).findFirst()
        .map(n -> new WriteResult(target.apply(source.id()), Map.of("file", n), null));
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
