package io.mlconnector.samples.systems;

import io.mlconnector.chargebee.SubscriptionCancellation;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the SYSPRO side of the sample does with a cancelled Chargebee subscription: no money moves,
 * so nothing is posted to ARSTPY; the engine audits the event (as for every record) and this sink
 * appends a notice to {@code <data.dir>/notices/subscription-cancellations.csv} naming the SYSPRO
 * customer (through the customer's ID mapping), the subscription, when and why it was cancelled
 * and what it carried, for someone to stop the contract's recurring SYSPRO billing and follow up.
 * A subscription reactivated by the time the event is handled is noted as such ("nothing to do").
 *
 * <p>Exactly once: each line carries the engine's operation key, and {@link #findByStamp} reads the
 * file for the subscription, so a crash between the append and the engine's commit adopts the line
 * instead of writing it again. Appends are forced to disk before the write is reported.
 */
public final class SubscriptionNotices implements Sink<SubscriptionCancellation> {
  /** The notice's ref type. */
  public static final String TYPE = "subscription-notice";
  static final String HEADER = "recorded_at,operation,subscription,version,syspro_customer,status,cancelled_at,reason,"
      + "item_prices,recurring,action";

  private final String tenant;
  private final Path file;
  private final Function<ExternalRef, Optional<Mapping>> customerMapping;
  private final Clock clock;

  /**
   * Notices of {@code tenant} in {@code file}.
   *
   * @param customerMapping the ID mapping whose target is a Chargebee customer (its source is the
   *     SYSPRO customer), or empty for a customer that did not come from SYSPRO
   */
  public SubscriptionNotices(String tenant, Path file, Function<ExternalRef, Optional<Mapping>> customerMapping,
      Clock clock) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.file = Objects.requireNonNull(file, "file");
    this.customerMapping = Objects.requireNonNull(customerMapping, "customerMapping");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String system() {
    return "syspro";
  }

  @Override
  public WriteResult create(SubscriptionCancellation record, WriteContext context) {
    return append(record, context);
  }

  @Override
  public WriteResult update(ExternalRef target, SubscriptionCancellation record, WriteContext context) {
    return append(record, context);
  }

  @Override
  public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
    return notices().stream().filter(n -> n.get("subscription").equals(source.id())).reduce((a, b) -> b)
        .map(n -> result(source.id(), n.get("operation")));
  }

  /** Every notice, oldest first, as column name to value. */
  public synchronized List<Map<String, String>> notices() {
    List<Map<String, String>> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      String[] names = HEADER.split(",");
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        List<String> cells = Csv.split(line);
        if (cells.size() != names.length) {
          continue; // a line cut short by a crash mid-append: never reported as written
        }
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
          row.put(names[i], cells.get(i));
        }
        out.add(row);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the notices in " + file, e);
    }
  }

  private synchronized WriteResult append(SubscriptionCancellation c, WriteContext context) {
    String subscription = c.ref().id();
    for (Map<String, String> n : notices()) {
      if (n.get("operation").equals(context.operationKey())) {
        return result(subscription, context.operationKey()); // a repeat of a write that landed
      }
    }
    String customer = customerMapping.apply(c.customer()).map(m -> m.source().id())
        .orElse("(not from SYSPRO: Chargebee customer " + c.customer().id() + ")");
    String action = c.stillCancelled()
        ? "stop the recurring SYSPRO billing of this contract and follow up the customer"
        : "reactivated since (" + c.status() + "): nothing to do";
    String line = Csv.join(List.of(clock.instant().toString(), context.operationKey(), subscription, c.version(), customer,
        c.status(), c.cancelledAt() == null ? "" : c.cancelledAt().toString(),
        c.reasonCode() == null ? "" : c.reasonCode(), String.join(" ", c.itemPriceIds()),
        c.recurring() == null ? "" : c.recurring().toString(), action)) + "\n";
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE)) {
        long size = ch.size();
        String start = "";
        if (size == 0) {
          start = HEADER + "\n";
        } else {
          ByteBuffer last = ByteBuffer.allocate(1);
          ch.read(last, size - 1);
          if (last.get(0) != '\n') {
            start = "\n"; // close a line a crash cut short, so this one stands on its own
          }
        }
        ch.write(ByteBuffer.wrap((start + line).getBytes(StandardCharsets.UTF_8)), size);
        ch.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append a notice to " + file, e);
    }
    return result(subscription, context.operationKey());
  }

  private WriteResult result(String subscription, String operation) {
    return new WriteResult(ExternalRef.of("syspro", tenant, TYPE, subscription), Map.of(), operation);
  }

  /** Minimal CSV: a cell with a comma, quote or line break is quoted, quotes doubled. */
  static final class Csv {
    private Csv() {}

    static String join(List<String> cells) {
      StringBuilder b = new StringBuilder();
      for (String c : cells) {
        if (b.length() > 0) {
          b.append(',');
        }
        String v = c.replace('\n', ' ').replace('\r', ' ');
        b.append(v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v);
      }
      return b.toString();
    }

    static List<String> split(String line) {
      List<String> out = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (quoted) {
          if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else if (ch == '"') {
            quoted = false;
          } else {
            cur.append(ch);
          }
        } else if (ch == '"') {
          quoted = true;
        } else if (ch == ',') {
          out.add(cur.toString());
          cur.setLength(0);
        } else {
          cur.append(ch);
        }
      }
      out.add(cur.toString());
      return out;
    }
  }
}
