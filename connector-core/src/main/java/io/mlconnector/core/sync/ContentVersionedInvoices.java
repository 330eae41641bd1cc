package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.TaxLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ERP AR invoices versioned by what a collector shows of them (customer, currency, dates, lines,
 * taxes, cancellation) instead of the row version. A payment posted back into the ERP changes the
 * invoice row (its balance) but not this version, so the engine does not mistake the payment for
 * an ERP change of the invoice (which a collector would answer by re-issuing or parking it).
 */
public final class ContentVersionedInvoices implements PollSource<Invoice> {
  private final PollSource<Invoice> delegate;

  /**
   * Wraps {@code delegate}.
   *
   * @param delegate the ERP's invoice source
   */
  public ContentVersionedInvoices(PollSource<Invoice> delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public ChangeDetection changeDetection() {
    return delegate.changeDetection();
  }

  @Override
  public int compare(Checkpoint a, Checkpoint b) {
    return delegate.compare(a, b);
  }

  @Override
  public SourcePage<Invoice> read(PollRequest request) {
    SourcePage<Invoice> page = delegate.read(request);
    List<Invoice> out = new ArrayList<>(page.records().size());
    for (Invoice i : page.records()) {
      out.add(versioned(i));
    }
    return new SourcePage<>(out, page.next(), page.hasMore(), page.unreadable());
  }

  @Override
  public Optional<Invoice> fetch(ExternalRef ref) {
    return delegate.fetch(ref).map(ContentVersionedInvoices::versioned);
  }

  /**
   * The invoice with its content version.
   *
   * @param i the invoice as the ERP source read it
   * @return the same invoice with {@link #contentVersion} as its version
   */
  public static Invoice versioned(Invoice i) {
    return i.toBuilder().version(contentVersion(i)).build();
  }

  /**
   * A hash of what the collector invoice is made of.
   *
   * @param i the invoice
   * @return {@code c} and the hex of the first 12 bytes of the SHA-256 of its collector-visible
   *     content
   */
  public static String contentVersion(Invoice i) {
    StringBuilder s = new StringBuilder();
    s.append(i.party()).append('|').append(i.currency()).append('|').append(i.documentType())
        .append('|').append(i.number()).append('|').append(i.issueDate()).append('|')
        .append(i.dueDate()).append('|').append(i.memo()).append('|')
        .append(i.status() == Invoice.Status.CANCELLED || i.status() == Invoice.Status.VOID ? "X" : "-")
        .append('|').append(i.status() == Invoice.Status.DRAFT ? "D" : "-");
    for (InvoiceLine l : i.lines()) {
      s.append("\nL").append(l.number()).append('|').append(l.description()).append('|')
          .append(l.itemCode()).append('|').append(plain(l.quantity())).append('|')
          .append(plain(l.unitPrice() == null ? null : l.unitPrice().amount())).append('|')
          .append(plain(l.amount().amount())).append('|').append(plain(l.taxAmount().amount()))
          .append('|').append(l.taxCode());
    }
    for (TaxLine t : i.taxes()) {
      s.append("\nT").append(t.code()).append('|').append(t.description()).append('|')
          .append(plain(t.amount().amount()));
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return "c" + HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static String plain(java.math.BigDecimal v) {
    return v == null ? "" : v.stripTrailingZeros().toPlainString();
  }
}
