package io.mlconnector.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.CreditNote;
import com.stripe.model.Customer;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Payout;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeSearchResult;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.RequestOptions;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.ChargeRetrieveParams;
import com.stripe.param.CreditNoteCreateParams;
import com.stripe.param.CreditNoteListParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceAddLinesParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceItemListParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.InvoiceSearchParams;
import com.stripe.param.InvoiceUpdateParams;
import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.model.MinorUnitsException;
import io.mlconnector.core.model.Money;
import io.mlconnector.stripe.StripeCurrencies.Purpose;
import io.mlconnector.core.http.CredentialKey;
import io.mlconnector.core.http.RateBudget;
import io.mlconnector.core.http.RateBudgetConfig;
import io.mlconnector.stripe.internal.PacedHttpClient;
import io.mlconnector.stripe.internal.StripeErrors;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stripe connector for one tenant: a typed client on stripe-java's {@link StripeClient}, usable
 * alone or through the engine's sources and sinks.
 *
 * <pre>{@code
 * StripeConnector stripe = StripeConnector.create(StripeConfig.builder()
 *     .tenant("acme").apiKey(key).build());
 * StripeCustomer c = stripe.createCustomer(
 *     StripeCustomerRequest.of("syspro:customer:C100", "v1", "Acme Ltd").withEmail("ap@acme.test"),
 *     operationKey);
 * }</pre>
 *
 * <p>Each instance owns its own {@link StripeClient}; nothing is static, so two tenants in one
 * process never share a key. The API version is the one stripe-java pins ({@code
 * com.stripe.Stripe.API_VERSION}). Every write carries the idempotency key the caller (the engine)
 * passes, with a step suffix for multi-call operations ({@code <key>/invoice}, {@code
 * <key>/lines}, {@code <key>/send} ...), so repeating an operation with the same key within
 * Stripe's 24-hour window replays rather than duplicates. Requests are paced by a per-key budget
 * (25/s test, 100/s live by default); 429s are retried with back-off unless Stripe says {@code
 * Stripe-Should-Retry: false}; connection failures, 409 and 5xx are retried by stripe-java.
 *
 * <p>Every failure is a {@link ConnectorException} from core's tree, with Stripe's request id,
 * HTTP status and error code, and never the API key.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class StripeConnector {
  private static final Logger log = LoggerFactory.getLogger(StripeConnector.class);
  private static final long PAGE = 100;

  private final StripeConfig config;
  private final StripeClient client;
  private final RateBudget budget;
  /** Starts as configured; turns false for good once Stripe refuses to send a draft. */
  private final java.util.concurrent.atomic.AtomicBoolean sendFinalizes;

  private StripeConnector(StripeConfig config, RateBudget budget) {
    this.config = config;
    this.sendFinalizes = new java.util.concurrent.atomic.AtomicBoolean(config.sendFinalizesDrafts());
    this.budget = budget;
    PacedHttpClient http =
        new PacedHttpClient(
            new HttpURLConnectionClient(),
            budget,
            config.maxRateLimitRetries(),
            config.rateLimitBackoff(),
            config.rateLimitBackoffMax());
    this.client =
        StripeClient.builder()
            .setApiKey(config.apiKey().reveal())
            .setApiBase(config.apiBase())
            .setMaxNetworkRetries(config.maxNetworkRetries())
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            .setReadTimeout((int) config.readTimeout().toMillis())
            .setHttpClient(http)
            .build();
  }

  /**
   * A connector for {@code config}. Its request budget comes from the config's {@link
   * io.mlconnector.core.http.RateBudgetRegistry} under (stripe, {@link StripeConfig#credentialId()}),
   * so every connector of the same credential shares one budget.
   */
  public static StripeConnector create(StripeConfig config) {
    Objects.requireNonNull(config, "config");
    RateBudgetConfig budgetConfig =
        RateBudgetConfig.builder(config.requestsPerSecond() * StripeConfig.PACING)
            .burst(1)
            .decreaseFactor(0.9)
            .defaultPause(config.rateLimitBackoff())
            .maxWait(config.readTimeout())
            .build();
    RateBudget budget =
        config.rateBudgets().budget(new CredentialKey(StripeErrors.SYSTEM, config.credentialId()), budgetConfig);
    return new StripeConnector(config, budget);
  }

  /** The request budget this connector draws from (shared by every connector of the same credential). */
  public RateBudget rateBudget() {
    return budget;
  }

  /** The configuration. */
  public StripeConfig config() {
    return config;
  }

  /**
   * The underlying stripe-java client, for calls the connector does not wrap. Calls made through it
   * share this connector's request budget and 429 handling but not its error mapping.
   */
  public StripeClient stripeClient() {
    return client;
  }

  /** The API version every request is sent with (stripe-java's pinned version). */
  public static String apiVersion() {
    return com.stripe.Stripe.API_VERSION;
  }

  // ---------------------------------------------------------------------------------------- ping

  /**
   * Checks that the key works and what it can do: key valid and account reachable ({@code GET
   * /v1/account}), live or test mode, read permission on customers, invoices and events (a
   * restricted key may lack one), and the API version. Each check carries its latency. Never
   * throws for a failed check; the failure is in the result.
   */
  public StripePing ping() {
    List<PingCheck> checks = new ArrayList<>();
    long t0 = System.nanoTime();
    try {
      Account account = client.v1().accounts().retrieveCurrent();
      checks.add(new PingCheck("authentication", true, "key accepted; account " + account.getId(), since(t0)));
    } catch (StripeException e) {
      ConnectorException ce = StripeErrors.map("GET /v1/account", e, config.apiBase());
      checks.add(new PingCheck("authentication", false, ce.getMessage(), since(t0)));
    } catch (RuntimeException e) {
      checks.add(new PingCheck("authentication", false, "GET /v1/account failed: " + io.mlconnector.stripe.internal.Redaction.scrub(e.getMessage()), since(t0)));
    }
    checks.add(new PingCheck("mode", true, config.liveMode() ? "live" : "test", Duration.ZERO));
    checks.add(new PingCheck("api version", true, apiVersion(), Duration.ZERO));
    checks.add(readCheck("read customers", "GET /v1/customers", () -> client.v1().customers().list(CustomerListParams.builder().setLimit(1L).build())));
    checks.add(readCheck("read invoices", "GET /v1/invoices", () -> client.v1().invoices().list(InvoiceListParams.builder().setLimit(1L).build())));
    checks.add(readCheck("read events", "GET /v1/events", () -> client.v1().events().list(EventListParams.builder().setLimit(1L).build())));
    StripePing ping = new StripePing(checks);
    log.info("stripe ping for tenant {}: {}", config.tenant(), ping.ok() ? "ok" : "FAILED");
    return ping;
  }

  private PingCheck readCheck(String name, String op, StripeCall<?> call) {
    long t0 = System.nanoTime();
    try {
      call.run();
      return new PingCheck(name, true, "readable", since(t0));
    } catch (StripeException e) {
      return new PingCheck(name, false, StripeErrors.map(op, e, config.apiBase()).getMessage(), since(t0));
    } catch (RuntimeException e) {
      return new PingCheck(name, false, op + " failed: " + io.mlconnector.stripe.internal.Redaction.scrub(e.getMessage()), since(t0));
    }
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  // ----------------------------------------------------------------------------------- customers

  /** Creates a customer stamped with the ERP reference. */
  public StripeCustomer createCustomer(StripeCustomerRequest request, String idempotencyKey) {
    Objects.requireNonNull(request, "request");
    String key = Validation.requireIdempotencyKey(idempotencyKey);
    CustomerCreateParams.Builder p =
        CustomerCreateParams.builder().setName(request.name()).putAllMetadata(stamp(request.sourceRef(), request.sourceVersion(), request.metadata(), key));
    if (request.email() != null) {
      p.setEmail(request.email());
    }
    if (request.phone() != null) {
      p.setPhone(request.phone());
    }
    if (request.preferredLocale() != null) {
      p.addPreferredLocale(request.preferredLocale());
    }
    StripeAddress a = request.address();
    if (a != null) {
      p.setAddress(
          CustomerCreateParams.Address.builder()
              .setLine1(a.line1())
              .setLine2(a.line2())
              .setCity(a.city())
              .setState(a.state())
              .setPostalCode(a.postalCode())
              .setCountry(a.country())
              .build());
    }
    Customer c = call("POST /v1/customers", () -> client.v1().customers().create(p.build(), options(key)));
    return toCustomer(c);
  }

  /** Updates a customer's fields and its stamped version. */
  public StripeCustomer updateCustomer(String customerId, StripeCustomerRequest request, String idempotencyKey) {
    Validation.requireId(customerId, "cus_", "customerId");
    Objects.requireNonNull(request, "request");
    String key = Validation.requireIdempotencyKey(idempotencyKey);
    CustomerUpdateParams.Builder p =
        CustomerUpdateParams.builder().setName(request.name()).putAllMetadata(stamp(request.sourceRef(), request.sourceVersion(), request.metadata(), key));
    p.setEmail(request.email() == null ? "" : request.email());
    if (request.phone() != null) {
      p.setPhone(request.phone());
    }
    if (request.preferredLocale() != null) {
      p.addPreferredLocale(request.preferredLocale());
    }
    StripeAddress a = request.address();
    if (a != null) {
      p.setAddress(
          CustomerUpdateParams.Address.builder()
              .setLine1(a.line1())
              .setLine2(a.line2())
              .setCity(a.city())
              .setState(a.state())
              .setPostalCode(a.postalCode())
              .setCountry(a.country())
              .build());
    }
    Customer c = call("POST /v1/customers/{id}", () -> client.v1().customers().update(customerId, p.build(), options(key)));
    return toCustomer(c);
  }

  /** The customer with this id. */
  public StripeCustomer retrieveCustomer(String customerId) {
    Validation.requireId(customerId, "cus_", "customerId");
    return toCustomer(call("GET /v1/customers/{id}", () -> client.v1().customers().retrieve(customerId)));
  }

  /**
   * The customer with this id as the request that would write it as it is now (its stamp, fields
   * and own metadata), for reconciliation; empty when it does not exist or carries no stamp.
   */
  public Optional<StripeCustomerRequest> readCustomerRequest(String customerId) {
    Validation.requireId(customerId, "cus_", "customerId");
    Customer c;
    try {
      c = call("GET /v1/customers/{id}", () -> client.v1().customers().retrieve(customerId));
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
    Map<String, String> md = c.getMetadata() == null ? Map.of() : c.getMetadata();
    String ref = md.get(StripeMetadata.SOURCE_REF);
    if (ref == null || Boolean.TRUE.equals(c.getDeleted()) || c.getName() == null) {
      return Optional.empty();
    }
    Map<String, String> own = new HashMap<>();
    md.forEach((k, v) -> {
      if (!k.startsWith("mlc_")) {
        own.put(k, v);
      }
    });
    com.stripe.model.Address a = c.getAddress();
    StripeAddress address =
        a == null ? null : new StripeAddress(a.getLine1(), a.getLine2(), a.getCity(), a.getState(), a.getPostalCode(), a.getCountry());
    List<String> locales = c.getPreferredLocales();
    return Optional.of(
        new StripeCustomerRequest(
            ref,
            md.get(StripeMetadata.SOURCE_VERSION),
            c.getName(),
            blankToNull(c.getEmail()),
            blankToNull(c.getPhone()),
            address,
            locales == null || locales.isEmpty() ? null : locales.get(0),
            own));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * Finds the customer stamped with {@code sourceRef} ({@link StripeMetadata#SOURCE_REF}) using the
   * configured {@link StampLookup}. Deleted customers are skipped.
   */
  public Optional<StripeCustomer> findCustomerBySourceRef(String sourceRef) {
    Validation.requireStamp(sourceRef, "sourceRef");
    StampLookup lookup = config.stampLookup();
    if (lookup != StampLookup.LIST_SCAN) {
      StripeSearchResult<Customer> r =
          call(
              "GET /v1/customers/search",
              () -> client.v1().customers().search(CustomerSearchParams.builder().setQuery(stampQuery(sourceRef)).setLimit(10L).build()));
      for (Customer c : r.getData()) {
        if (!Boolean.TRUE.equals(c.getDeleted()) && sourceRef.equals(meta(c.getMetadata(), StripeMetadata.SOURCE_REF))) {
          return Optional.of(toCustomer(c));
        }
      }
      if (lookup == StampLookup.SEARCH) {
        return Optional.empty();
      }
    }
    String after = null;
    int scanned = 0;
    while (scanned < config.lookupScanLimit()) {
      CustomerListParams.Builder p = CustomerListParams.builder().setLimit(Math.min(PAGE, config.lookupScanLimit() - scanned));
      if (after != null) {
        p.setStartingAfter(after);
      }
      StripeCollection<Customer> page = call("GET /v1/customers", () -> client.v1().customers().list(p.build()));
      for (Customer c : page.getData()) {
        scanned++;
        if (sourceRef.equals(meta(c.getMetadata(), StripeMetadata.SOURCE_REF))) {
          return Optional.of(toCustomer(c));
        }
        after = c.getId();
      }
      if (!Boolean.TRUE.equals(page.getHasMore()) || page.getData().isEmpty()) {
        return Optional.empty();
      }
    }
    log.warn("stripe customer lookup for {} stopped after scanning {} customers (lookupScanLimit)", sourceRef, scanned);
    return Optional.empty();
  }

  // ------------------------------------------------------------------------------------ invoices

  /**
   * Issues an ERP invoice for collection: a draft with {@code collection_method=send_invoice} and
   * {@code days_until_due}, its lines (and a tax line per tax amount with {@link TaxMode#AS_LINES})
   * in one {@code add_lines} request, or one invoice item each with {@link
   * InvoiceLineMode#INVOICE_ITEMS}, then one {@code send} request that finalizes the draft on the way
   * ({@link StripeConfig#sendFinalizesDrafts()}; otherwise {@code finalize} and then {@code send}).
   * An invoice is not sent when {@link StripeConfig#sendInvoices()} is off or finalizing paid it,
   * e.g. a zero total. Each step has its own derived
   * idempotency key, so calling this again with the same key after a failure part-way resumes
   * where it stopped without duplicates.
   *
   * @return the finalized invoice, with {@code number} and {@code hosted_invoice_url}
   * @throws IllegalArgumentException when an amount does not fit Stripe's currency rules
   */
  public StripeInvoice createInvoice(StripeInvoiceRequest request, String idempotencyKey) {
    Objects.requireNonNull(request, "request");
    String key = Validation.requireIdempotencyKey(idempotencyKey);
    return issue(request, key, null, key);
  }

  private StripeInvoice issue(StripeInvoiceRequest request, String key, StripeInvoice replaces, String operationKey) {
    List<ItemPlan> plan = planItems(request);
    Map<String, String> md = stamp(request.sourceRef(), request.sourceVersion(), request.metadata(), operationKey);
    if (replaces != null) {
      md.put(StripeMetadata.REPLACES, replaces.id());
      md.put(StripeMetadata.ORIGINAL, replaces.originalId());
    }
    InvoiceCreateParams.Builder p =
        InvoiceCreateParams.builder()
            .setCustomer(request.customerId())
            .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
            .setDaysUntilDue((long) request.daysUntilDue())
            .setCurrency(request.currency())
            .setAutoAdvance(false)
            .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.EXCLUDE)
            .putAllMetadata(md);
    if (request.description() != null) {
      p.setDescription(request.description());
    }
    Invoice draft = call("POST /v1/invoices", () -> client.v1().invoices().create(p.build(), options(key + "/invoice")));
    addItems(draft, request, plan, key);
    return finalizeAndSend(draft.getId(), key, request.total().isPositive());
  }

  /**
   * Issues a draft: one {@code send} that finalizes it on the way when {@link
   * StripeConfig#sendFinalizesDrafts()} holds (and the invoice has something to collect), else
   * {@code finalize} and then {@code send}. Keys: {@code <key>/send} for the send of the draft,
   * {@code <key>/finalize} and {@code <key>/send/finalized} for the two-step path, so a repeat after
   * a failure replays whichever path ran.
   */
  private StripeInvoice finalizeAndSend(String invoiceId, String key, boolean amountDue) {
    Invoice inv;
    if (config.sendInvoices() && amountDue && sendFinalizes.get()) {
      inv = sendDraft(invoiceId, key);
    } else {
      inv = call("POST /v1/invoices/{id}/finalize", () -> client.v1().invoices().finalizeInvoice(invoiceId, options(key + "/finalize")));
      if (config.sendInvoices() && "open".equals(inv.getStatus())) {
        inv = sendFinalized(invoiceId, key);
      }
    }
    StripeInvoice out = toInvoice(inv);
    log.debug("stripe invoice {} for {} is {} as {}", out.id(), out.sourceRef(), out.status(), out.number());
    return out;
  }

  private Invoice sendDraft(String invoiceId, String key) {
    try {
      return call("POST /v1/invoices/{id}/send", () -> client.v1().invoices().sendInvoice(invoiceId, options(key + "/send")));
    } catch (io.mlconnector.core.error.RejectedException refused) {
      // Either Stripe does not finalize a draft it is asked to send, or sending failed for a reason
      // of its own; the invoice's status tells which.
      Invoice now = call("GET /v1/invoices/{id}", () -> client.v1().invoices().retrieve(invoiceId));
      if ("draft".equals(now.getStatus())) {
        Invoice open =
            call("POST /v1/invoices/{id}/finalize", () -> client.v1().invoices().finalizeInvoice(invoiceId, options(key + "/finalize")));
        Invoice sent = "open".equals(open.getStatus()) ? sendFinalized(invoiceId, key) : open;
        if (sendFinalizes.compareAndSet(true, false)) {
          log.warn("stripe refused to send draft invoice {} ({}); finalizing invoices explicitly from now on"
              + " (StripeConfig.sendFinalizesDrafts(false) skips the attempt)", invoiceId, refused.getMessage());
        }
        return sent;
      }
      if ("open".equals(now.getStatus())) {
        // finalized by an earlier attempt of this operation (or by the refused send itself)
        return sendFinalized(invoiceId, key);
      }
      return now;
    }
  }

  private Invoice sendFinalized(String invoiceId, String key) {
    return call("POST /v1/invoices/{id}/send", () -> client.v1().invoices().sendInvoice(invoiceId, options(key + "/send/finalized")));
  }

  private void addItems(Invoice draft, StripeInvoiceRequest request, List<ItemPlan> plan, String key) {
    String invoiceId = draft.getId();
    if (config.taxMode() == TaxMode.AS_TAX_AMOUNTS || config.lineMode() == InvoiceLineMode.ADD_LINES) {
      addLines(draft, request, plan, key);
      return;
    }
    for (int i = 0; i < plan.size(); i++) {
      ItemPlan item = plan.get(i);
      InvoiceItemCreateParams.Builder p =
          InvoiceItemCreateParams.builder()
              .setCustomer(request.customerId())
              .setInvoice(invoiceId)
              .setCurrency(request.currency())
              .setDescription(item.description)
              .setMetadata(Map.of(StripeMetadata.SOURCE_REF, request.sourceRef(), StripeMetadata.LINE, item.lineTag));
      if (item.quantity != null) {
        p.setQuantity(item.quantity).setUnitAmountDecimal(item.unitAmountDecimal);
      } else {
        p.setAmount(item.amount);
      }
      String itemKey = key + "/item/" + i;
      call("POST /v1/invoiceitems", () -> client.v1().invoiceItems().create(p.build(), options(itemKey)));
    }
  }

  /**
   * All lines in one {@code add_lines} request keyed {@code <key>/lines}: a retry after a lost answer
   * replays Stripe's stored response instead of adding the lines again. Lines whose {@code
   * mlc_line} tag the draft already carries (as the draft object at hand shows them) are left out,
   * so a draft that already holds them is never given a second copy.
   */
  private void addLines(Invoice draft, StripeInvoiceRequest request, List<ItemPlan> plan, String key) {
    String invoiceId = draft.getId();
    java.util.Set<String> present = new java.util.HashSet<>();
    if (draft.getLines() != null && draft.getLines().getData() != null) {
      for (InvoiceLineItem line : draft.getLines().getData()) {
        Map<String, String> md = line.getMetadata();
        if (md != null && request.sourceRef().equals(md.get(StripeMetadata.SOURCE_REF)) && md.get(StripeMetadata.LINE) != null) {
          present.add(md.get(StripeMetadata.LINE));
        }
      }
    }
    InvoiceAddLinesParams.Builder p = InvoiceAddLinesParams.builder();
    int added = 0;
    for (ItemPlan item : plan) {
      if (present.contains(item.lineTag)) {
        continue;
      }
      InvoiceAddLinesParams.Line.Builder l =
          InvoiceAddLinesParams.Line.builder()
              .setAmount(item.amount)
              .setDescription(item.description)
              .setMetadata(Map.of(StripeMetadata.SOURCE_REF, request.sourceRef(), StripeMetadata.LINE, item.lineTag));
      if (item.quantity != null) {
        l.setQuantity(item.quantity);
      }
      if (item.taxAmount != null) {
        InvoiceAddLinesParams.Line.TaxAmount.TaxRateData.Builder rate =
            InvoiceAddLinesParams.Line.TaxAmount.TaxRateData.builder()
                .setDisplayName(item.taxLabel)
                .setInclusive(false)
                .setPercentage(item.taxRate);
        l.addTaxAmount(
            InvoiceAddLinesParams.Line.TaxAmount.builder()
                .setAmount(item.taxAmount)
                .setTaxableAmount(item.amount)
                .setTaxRateData(rate.build())
                .build());
      }
      p.addLine(l.build());
      added++;
    }
    if (added == 0) {
      log.debug("stripe draft {} already holds all {} lines of {}", invoiceId, plan.size(), request.sourceRef());
      return;
    }
    call("POST /v1/invoices/{id}/add_lines", () -> client.v1().invoices().addLines(invoiceId, p.build(), options(key + "/lines")));
  }

  /** One invoice item to create, amounts in minor units. */
  private static final class ItemPlan {
    String description;
    String lineTag;
    long amount;
    Long quantity;
    BigDecimal unitAmountDecimal;
    Long taxAmount;
    String taxLabel;
    BigDecimal taxRate;
  }

  private List<ItemPlan> planItems(StripeInvoiceRequest request) {
    StripeCurrencies cur = config.currencies();
    String ccy = request.currency();
    int exponent = cur.exponent(ccy);
    List<ItemPlan> plan = new ArrayList<>();
    List<ItemPlan> taxes = new ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      StripeInvoiceLine line = request.lines().get(i);
      ItemPlan item = new ItemPlan();
      item.lineTag = Integer.toString(i);
      item.amount = minor(line.amount(), Purpose.INVOICE, "lines[" + i + "].amount");
      item.description = line.description();
      BigDecimal q = line.quantity();
      if (q != null && line.unitPrice() != null && config.taxMode() == TaxMode.AS_LINES) {
        boolean wholeQuantity = q.stripTrailingZeros().scale() <= 0;
        BigDecimal unitMinor = line.unitPrice().amount().movePointRight(exponent).stripTrailingZeros();
        if (wholeQuantity
            && unitMinor.scale() <= 12
            && unitMinor.multiply(q).compareTo(BigDecimal.valueOf(item.amount)) == 0) {
          item.quantity = q.longValueExact();
          item.unitAmountDecimal = unitMinor.scale() < 0 ? unitMinor.setScale(0) : unitMinor;
        }
      }
      if (item.quantity == null && q != null && q.compareTo(BigDecimal.ONE) != 0) {
        String price = line.unitPrice() == null ? "" : " x " + line.unitPrice().amount().toPlainString();
        item.description = line.description() + " (" + q.stripTrailingZeros().toPlainString() + price + ")";
      }
      if (line.hasTax()) {
        long tax = minor(line.taxAmount(), Purpose.INVOICE, "lines[" + i + "].taxAmount");
        String label = line.taxLabel() != null ? line.taxLabel() : "Tax";
        if (config.taxMode() == TaxMode.AS_TAX_AMOUNTS) {
          if (line.taxRatePercent() == null) {
            throw new IllegalArgumentException("lines[" + i + "].taxRatePercent is required with TaxMode.AS_TAX_AMOUNTS");
          }
          item.taxAmount = tax;
          item.taxLabel = label;
          item.taxRate = line.taxRatePercent();
        } else {
          ItemPlan t = new ItemPlan();
          t.lineTag = "tax:" + i;
          t.amount = tax;
          t.description = label + " on " + line.description();
          taxes.add(t);
        }
      }
      plan.add(item);
    }
    plan.addAll(taxes);
    Money total = request.total();
    if (total.isNegative()) {
      throw new IllegalArgumentException("invoice total " + total + " is negative; issue a credit note in the ERP instead");
    }
    // the invoice is paid through a PaymentIntent: its total must be a valid payment amount
    minor(total, Purpose.PAYMENT, "invoice total (collected as a payment)");
    return plan;
  }

  private long minor(Money amount, Purpose purpose, String what) {
    try {
      return config.currencies().toMinorUnits(amount, purpose);
    } catch (MinorUnitsException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }

  /** The invoice with this id. */
  public StripeInvoice retrieveInvoice(String invoiceId) {
    Validation.requireId(invoiceId, "in_", "invoiceId");
    return toInvoice(call("GET /v1/invoices/{id}", () -> client.v1().invoices().retrieve(invoiceId)));
  }

  /**
   * Finds the invoice stamped with {@code sourceRef} using the configured {@link StampLookup}. A
   * voided invoice is skipped when a newer one with the same stamp exists (a re-issue). When
   * {@code customerId} is given the list scan is limited to that customer's invoices.
   */
  public Optional<StripeInvoice> findInvoiceBySourceRef(String sourceRef, String customerId) {
    Validation.requireStamp(sourceRef, "sourceRef");
    if (customerId != null) {
      Validation.requireId(customerId, "cus_", "customerId");
    }
    StampLookup lookup = config.stampLookup();
    List<Invoice> found = new ArrayList<>();
    if (lookup != StampLookup.LIST_SCAN) {
      StripeSearchResult<Invoice> r =
          call(
              "GET /v1/invoices/search",
              () -> client.v1().invoices().search(InvoiceSearchParams.builder().setQuery(stampQuery(sourceRef)).setLimit(20L).build()));
      for (Invoice i : r.getData()) {
        if (sourceRef.equals(meta(i.getMetadata(), StripeMetadata.SOURCE_REF))) {
          found.add(i);
        }
      }
    }
    if (found.isEmpty() && lookup != StampLookup.SEARCH) {
      String after = null;
      int scanned = 0;
      boolean more = true;
      while (more && scanned < config.lookupScanLimit()) {
        InvoiceListParams.Builder p = InvoiceListParams.builder().setLimit(Math.min(PAGE, config.lookupScanLimit() - scanned));
        if (customerId != null) {
          p.setCustomer(customerId);
        }
        if (after != null) {
          p.setStartingAfter(after);
        }
        StripeCollection<Invoice> page = call("GET /v1/invoices", () -> client.v1().invoices().list(p.build()));
        for (Invoice i : page.getData()) {
          scanned++;
          after = i.getId();
          if (sourceRef.equals(meta(i.getMetadata(), StripeMetadata.SOURCE_REF))) {
            found.add(i);
          }
        }
        more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
      }
      if (more && found.isEmpty()) {
        log.warn("stripe invoice lookup for {} stopped after scanning {} invoices (lookupScanLimit)", sourceRef, scanned);
      }
    }
    // newest first; prefer one that is not void
    found.sort((a, b) -> Long.compare(nz(b.getCreated()), nz(a.getCreated())));
    for (Invoice i : found) {
      if (!"void".equals(i.getStatus())) {
        return Optional.of(toInvoice(i));
      }
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(toInvoice(found.get(0)));
  }

  /**
   * The invoice of the re-issue chain that starts at {@code originalId} which is current: the
   * newest one not voided, else the newest one (all voided). An invoice never re-issued is its own
   * chain. The list scan is limited to the customer's invoices.
   */
  public StripeInvoice currentInvoice(String originalId) {
    StripeInvoice original = retrieveInvoice(originalId);
    if (!original.isVoid()) {
      return original;
    }
    StripeInvoice newestVoid = null;
    String after = null;
    int scanned = 0;
    boolean more = true;
    while (more && scanned < config.lookupScanLimit()) {
      InvoiceListParams.Builder p = InvoiceListParams.builder().setCustomer(original.customerId()).setLimit(PAGE);
      if (after != null) {
        p.setStartingAfter(after);
      }
      StripeCollection<Invoice> page = call("GET /v1/invoices", () -> client.v1().invoices().list(p.build()));
      // newest first: the first non-void member of the chain is the current one
      for (Invoice i : page.getData()) {
        scanned++;
        after = i.getId();
        StripeInvoice candidate = toInvoice(i);
        if (candidate.id().equals(originalId) || !originalId.equals(candidate.originalId())) {
          continue;
        }
        if (!candidate.isVoid()) {
          return candidate;
        }
        if (newestVoid == null) {
          newestVoid = candidate;
        }
      }
      more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
    }
    return newestVoid != null ? newestVoid : original;
  }

  /**
   * Applies an ERP change to the invoice already issued as {@code invoiceId}:
   *
   * <ul>
   *   <li>the same source version already stamped: nothing to do ({@link InvoiceChange.Outcome#UNCHANGED});
   *   <li>{@code draft}: its items are replaced by the new lines, then it is finalized and sent;
   *   <li>{@code open} / {@code uncollectible}: the configured {@link OpenInvoicePolicy}; when that
   *       means voiding an invoice already partly paid (Stripe does not void those), a {@link
   *       ConflictException} instead;
   *   <li>{@code paid}: a {@link ConflictException}: money was collected against the old content,
   *       so a person must decide (the engine parks it);
   *   <li>{@code void}: a {@link ConflictException} as well (voided outside the connector).
   * </ul>
   */
  public InvoiceChange changeInvoice(String invoiceId, StripeInvoiceRequest request, String idempotencyKey) {
    Validation.requireId(invoiceId, "in_", "invoiceId");
    Objects.requireNonNull(request, "request");
    String key = Validation.requireIdempotencyKey(idempotencyKey);
    Invoice current = call("GET /v1/invoices/{id}", () -> client.v1().invoices().retrieve(invoiceId));
    StripeInvoice cur = toInvoice(current);
    if (request.sourceVersion() != null && request.sourceVersion().equals(cur.sourceVersion()) && !cur.isDraft()) {
      return new InvoiceChange(InvoiceChange.Outcome.UNCHANGED, cur, null, null);
    }
    if (cur.isPaid()) {
      throw conflict("invoice " + invoiceId + " (" + cur.number() + ") is paid; the ERP change of " + request.sourceRef() + " needs a person");
    }
    if (cur.isVoid()) {
      throw conflict("invoice " + invoiceId + " is void; the ERP change of " + request.sourceRef() + " needs a person");
    }
    if (cur.isDraft()) {
      return new InvoiceChange(InvoiceChange.Outcome.UPDATED_DRAFT, redoDraft(cur, request, key), null, null);
    }
    // open or uncollectible
    if (!cur.currency().equals(request.currency()) || !cur.customerId().equals(request.customerId())) {
      return reissue(cur, request, key);
    }
    // Stripe credits only open (or paid) invoices: an uncollectible one is voided and re-issued
    if (config.openInvoicePolicy() == OpenInvoicePolicy.CREDIT_NOTE_FOR_DECREASE && "open".equals(cur.status())) {
      List<ItemPlan> plan = planItems(request);
      long newTotal = plan.stream().mapToLong(p -> p.amount + (p.taxAmount == null ? 0 : p.taxAmount)).sum();
      // what the invoice asks for now: its total less the credit notes already issued against it
      long credited = nz(current.getPrePaymentCreditNotesAmount());
      long remaining = current.getAmountRemaining() != null ? current.getAmountRemaining() : cur.amountDue() - cur.amountPaid();
      long decrease = cur.total() - credited - newTotal;
      CreditNote note = credited > 0 ? creditNoteOf(invoiceId, request) : null;
      if (note == null && decrease > 0 && decrease <= remaining) {
        CreditNoteCreateParams p =
            CreditNoteCreateParams.builder()
                .setInvoice(invoiceId)
                .addLine(
                    CreditNoteCreateParams.Line.builder()
                        .setType(CreditNoteCreateParams.Line.Type.CUSTOM_LINE_ITEM)
                        .setDescription("Adjustment from " + request.sourceRef())
                        .setQuantity(1L)
                        .setUnitAmount(decrease)
                        .build())
                .setMemo(request.description())
                .putMetadata(StripeMetadata.SOURCE_REF, request.sourceRef())
                .putMetadata(StripeMetadata.TENANT, config.tenant())
                .putMetadata(StripeMetadata.SOURCE_VERSION, request.sourceVersion() == null ? "" : request.sourceVersion())
                .putMetadata(StripeMetadata.OPERATION, key)
                .build();
        note = call("POST /v1/credit_notes", () -> client.v1().creditNotes().create(p, options(key + "/credit-note")));
      }
      if (note != null) {
        CreditNote issuedNote = note;
        Invoice after =
            call(
                "POST /v1/invoices/{id}",
                () ->
                    client.v1().invoices().update(
                        invoiceId,
                        InvoiceUpdateParams.builder()
                            .putMetadata(StripeMetadata.SOURCE_VERSION, request.sourceVersion() == null ? "" : request.sourceVersion())
                            .putMetadata(StripeMetadata.OPERATION, key)
                            .build(),
                        options(key + "/stamp")));
        return new InvoiceChange(InvoiceChange.Outcome.CREDITED, toInvoice(after), null, issuedNote.getId());
      }
    }
    return reissue(cur, request, key);
  }

  /**
   * The issued credit note an earlier attempt of this ERP version left on the invoice (its answer
   * lost before the invoice was stamped), or null: repeating the change then only stamps.
   */
  private CreditNote creditNoteOf(String invoiceId, StripeInvoiceRequest request) {
    if (request.sourceVersion() == null) {
      return null;
    }
    StripeCollection<CreditNote> notes =
        call("GET /v1/credit_notes", () -> client.v1().creditNotes().list(CreditNoteListParams.builder().setInvoice(invoiceId).setLimit(100L).build()));
    for (CreditNote n : notes.getData()) {
      Map<String, String> md = n.getMetadata() == null ? Map.of() : n.getMetadata();
      if ("issued".equals(n.getStatus())
          && request.sourceRef().equals(md.get(StripeMetadata.SOURCE_REF))
          && request.sourceVersion().equals(md.get(StripeMetadata.SOURCE_VERSION))) {
        return n;
      }
    }
    return null;
  }

  private InvoiceChange reissue(StripeInvoice cur, StripeInvoiceRequest request, String key) {
    if (cur.amountPaid() > 0) {
      throw conflict("invoice " + cur.id() + " (" + cur.number() + ") is partly paid (" + cur.amountPaid() + " of " + cur.total()
          + " minor units) and cannot be voided; the ERP change of " + request.sourceRef() + " needs a person");
    }
    call("POST /v1/invoices/{id}/void", () -> client.v1().invoices().voidInvoice(cur.id(), options(key + "/void")));
    StripeInvoice fresh = issue(request, key + "/reissue", cur, key);
    log.info("stripe invoice {} voided and re-issued as {} for {}", cur.id(), fresh.id(), request.sourceRef());
    return new InvoiceChange(InvoiceChange.Outcome.REISSUED, fresh, cur.id(), null);
  }

  private StripeInvoice redoDraft(StripeInvoice cur, StripeInvoiceRequest request, String key) {
    List<ItemPlan> plan = planItems(request);
    // remove the draft's current items (DELETE is idempotent by nature; a 404 means already gone)
    String after = null;
    List<String> itemIds = new ArrayList<>();
    boolean more = true;
    while (more) {
      InvoiceItemListParams.Builder p = InvoiceItemListParams.builder().setInvoice(cur.id()).setLimit(PAGE);
      if (after != null) {
        p.setStartingAfter(after);
      }
      StripeCollection<InvoiceItem> page = call("GET /v1/invoiceitems", () -> client.v1().invoiceItems().list(p.build()));
      for (InvoiceItem ii : page.getData()) {
        itemIds.add(ii.getId());
        after = ii.getId();
      }
      more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
    }
    for (String id : itemIds) {
      try {
        call("DELETE /v1/invoiceitems/{id}", () -> client.v1().invoiceItems().delete(id));
      } catch (NotFoundException gone) {
        log.debug("invoice item {} already deleted", id);
      }
    }
    InvoiceUpdateParams.Builder u =
        InvoiceUpdateParams.builder()
            .setDaysUntilDue((long) request.daysUntilDue())
            .putAllMetadata(stamp(request.sourceRef(), request.sourceVersion(), request.metadata(), key));
    if (request.description() != null) {
      u.setDescription(request.description());
    }
    Invoice updated =
        call("POST /v1/invoices/{id}", () -> client.v1().invoices().update(cur.id(), u.build(), options(key + "/draft")));
    addItems(updated, request, plan, key);
    return finalizeAndSend(cur.id(), key, request.total().isPositive());
  }

  /**
   * Cancels the Stripe side of an ERP invoice cancellation: an {@code open} or {@code
   * uncollectible} invoice is voided, a {@code draft} (which Stripe cannot void) is deleted, a
   * {@code void} one is left alone. A {@code paid} invoice, or an open one already partly paid
   * (Stripe does not void those), raises {@link ConflictException}.
   *
   * @return the invoice after the change; for a deleted draft, the draft as it was with status {@code deleted}
   */
  public StripeInvoice cancelInvoice(String invoiceId, String idempotencyKey) {
    Validation.requireId(invoiceId, "in_", "invoiceId");
    String key = Validation.requireIdempotencyKey(idempotencyKey);
    StripeInvoice cur = retrieveInvoice(invoiceId);
    if (cur.isVoid()) {
      return cur;
    }
    if (cur.isPaid()) {
      throw conflict("invoice " + invoiceId + " (" + cur.number() + ") is paid and cannot be voided; the ERP cancellation needs a person");
    }
    if (cur.amountPaid() > 0 && !cur.isDraft()) {
      throw conflict("invoice " + invoiceId + " (" + cur.number() + ") is partly paid (" + cur.amountPaid() + " of " + cur.total()
          + " minor units) and cannot be voided; the ERP cancellation needs a person");
    }
    if (cur.isDraft()) {
      call("DELETE /v1/invoices/{id}", () -> client.v1().invoices().delete(invoiceId));
      return new StripeInvoice(
          cur.id(), cur.customerId(), "deleted", null, null, cur.currency(), cur.total(), cur.amountDue(), cur.amountPaid(),
          cur.sourceRef(), cur.sourceVersion(), cur.operationKey(), cur.created(), cur.originalId());
    }
    return toInvoice(call("POST /v1/invoices/{id}/void", () -> client.v1().invoices().voidInvoice(invoiceId, options(key + "/void"))));
  }

  // ------------------------------------------------------------------------------------- inbound

  /** A PaymentIntent ({@code pi_...}), with its latest charge expanded. */
  public PaymentIntent retrievePaymentIntent(String id) {
    Validation.requireId(id, "pi_", "paymentIntentId");
    return call(
        "GET /v1/payment_intents/{id}",
        () -> client.v1().paymentIntents().retrieve(id, com.stripe.param.PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build()));
  }

  /** A charge ({@code ch_...}) with its balance transaction expanded (fee, net, {@code fee_details}). */
  public Charge retrieveCharge(String id) {
    Validation.requireId(id, "ch_", "chargeId");
    return call("GET /v1/charges/{id}", () -> client.v1().charges().retrieve(id, ChargeRetrieveParams.builder().addExpand("balance_transaction").build()));
  }

  /** The payments applied to an invoice (since API basil a charge no longer names its invoice). */
  public List<InvoicePayment> listInvoicePayments(String invoiceId) {
    Validation.requireId(invoiceId, "in_", "invoiceId");
    return invoicePayments(InvoicePaymentListParams.builder().setInvoice(invoiceId), ip -> invoiceId.equals(ip.getInvoice()));
  }

  /** The invoice payments a PaymentIntent made: which invoices its money went to. */
  public List<InvoicePayment> listInvoicePaymentsOfPaymentIntent(String paymentIntentId) {
    Validation.requireId(paymentIntentId, "pi_", "paymentIntentId");
    InvoicePaymentListParams.Builder p =
        InvoicePaymentListParams.builder()
            .setPayment(
                InvoicePaymentListParams.Payment.builder()
                    .setType(InvoicePaymentListParams.Payment.Type.PAYMENT_INTENT)
                    .setPaymentIntent(paymentIntentId)
                    .build());
    return invoicePayments(p, ip -> ip.getPayment() != null && paymentIntentId.equals(ip.getPayment().getPaymentIntent()));
  }

  private List<InvoicePayment> invoicePayments(InvoicePaymentListParams.Builder base, java.util.function.Predicate<InvoicePayment> keep) {
    return listAll(
        after -> {
          InvoicePaymentListParams.Builder p = base.setLimit(PAGE);
          if (after != null) {
            p.setStartingAfter(after);
          }
          InvoicePaymentListParams params = p.build();
          return call("GET /v1/invoice_payments", () -> client.v1().invoicePayments().list(params));
        },
        keep);
  }

  /** The refunds of a charge, newest first, with their balance transactions expanded. */
  public List<Refund> listRefunds(String chargeId) {
    Validation.requireId(chargeId, "ch_", "chargeId");
    return listAll(
        after -> {
          com.stripe.param.RefundListParams.Builder p =
              com.stripe.param.RefundListParams.builder().setCharge(chargeId).setLimit(PAGE).addExpand("data.balance_transaction");
          if (after != null) {
            p.setStartingAfter(after);
          }
          return call("GET /v1/refunds", () -> client.v1().refunds().list(p.build()));
        },
        r -> chargeId.equals(r.getCharge()));
  }

  /** The raw stripe-java invoice, for inbound mapping (payments, {@code status_transitions}). */
  public Invoice retrieveStripeInvoice(String invoiceId) {
    Validation.requireId(invoiceId, "in_", "invoiceId");
    return call("GET /v1/invoices/{id}", () -> client.v1().invoices().retrieve(invoiceId));
  }

  /** A refund ({@code re_...}) with its balance transaction expanded. */
  public Refund retrieveRefund(String id) {
    Validation.requireId(id, "re_", "refundId");
    return call(
        "GET /v1/refunds/{id}",
        () -> client.v1().refunds().retrieve(id, com.stripe.param.RefundRetrieveParams.builder().addExpand("balance_transaction").build()));
  }

  /** A dispute ({@code dp_...} or {@code du_...}). */
  public Dispute retrieveDispute(String id) {
    Objects.requireNonNull(id, "disputeId");
    if (!id.startsWith("dp_") && !id.startsWith("du_")) {
      throw new IllegalArgumentException("disputeId must be a Stripe id starting with 'dp_' or 'du_', was '" + id + "'");
    }
    return call("GET /v1/disputes/{id}", () -> client.v1().disputes().retrieve(id));
  }

  /** A balance transaction ({@code txn_...}): amount, fee, net, {@code fee_details}. */
  public BalanceTransaction retrieveBalanceTransaction(String id) {
    Validation.requireId(id, "txn_", "balanceTransactionId");
    return call("GET /v1/balance_transactions/{id}", () -> client.v1().balanceTransactions().retrieve(id));
  }

  /** A payout ({@code po_...}). */
  public Payout retrievePayout(String id) {
    Validation.requireId(id, "po_", "payoutId");
    return call("GET /v1/payouts/{id}", () -> client.v1().payouts().retrieve(id));
  }

  /** Every balance transaction swept into a payout ({@code GET /v1/balance_transactions?payout=}), paged. */
  public List<BalanceTransaction> listPayoutTransactions(String payoutId) {
    Validation.requireId(payoutId, "po_", "payoutId");
    return listAll(
        after -> {
          BalanceTransactionListParams.Builder p = BalanceTransactionListParams.builder().setPayout(payoutId).setLimit(PAGE);
          if (after != null) {
            p.setStartingAfter(after);
          }
          return call("GET /v1/balance_transactions", () -> client.v1().balanceTransactions().list(p.build()));
        },
        t -> true);
  }

  /**
   * Reads a list to its end, page after page ({@code starting_after} the last item of the previous
   * page), keeping the items {@code keep} accepts.
   */
  private static <T extends com.stripe.model.HasId> List<T> listAll(
      java.util.function.Function<String, StripeCollection<T>> pageAfter,
      java.util.function.Predicate<T> keep) {
    List<T> out = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      StripeCollection<T> page = pageAfter.apply(after);
      for (T item : page.getData()) {
        if (keep.test(item)) {
          out.add(item);
        }
        after = item.getId();
      }
      more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
    }
    return out;
  }

  // -------------------------------------------------------------------------------------- events

  /**
   * The webhook backstop: events newer than {@code lastSeenEventId}, oldest first, read in pages of
   * 100 with {@code ending_before} until none is left or {@code maxEvents} were read. With no
   * cursor yet, reads events created at or after {@code since} (Stripe keeps about 30 days).
   *
   * @param lastSeenEventId the newest event already seen ({@code evt_...}), or null
   * @param since the start when there is no cursor; ignored otherwise; may be null (everything kept)
   * @param maxEvents the most events to return, 1 to 10,000
   */
  public StripeEvents listEventsSince(String lastSeenEventId, Instant since, int maxEvents) {
    return listEventsSince(lastSeenEventId, since, maxEvents, java.util.Set.of());
  }

  /**
   * As {@link #listEventsSince(String, Instant, int)}, of the given event types only (Stripe's
   * {@code types[]} filter, at most 20 types; empty: every type), so a backstop reads only what its
   * flows handle.
   */
  public StripeEvents listEventsSince(
      String lastSeenEventId, Instant since, int maxEvents, java.util.Collection<String> types) {
    Objects.requireNonNull(types, "types");
    if (types.size() > 20) {
      throw new IllegalArgumentException("Stripe filters events by at most 20 types, was " + types.size());
    }
    List<String> only = types.stream().sorted().toList();
    if (lastSeenEventId != null) {
      Validation.requireId(lastSeenEventId, "evt_", "lastSeenEventId");
    }
    if (maxEvents < 1 || maxEvents > 10_000) {
      throw new IllegalArgumentException("maxEvents must be in [1, 10000], was " + maxEvents);
    }
    if (lastSeenEventId == null) {
      return firstEvents(since, maxEvents, only);
    }
    List<Event> collected = new ArrayList<>();
    String cursor = lastSeenEventId;
    boolean more = true;
    while (more && collected.size() < maxEvents) {
      long limit = Math.min(PAGE, maxEvents - collected.size());
      String before = cursor;
      StripeCollection<Event> page =
          call("GET /v1/events", () -> client.v1().events().list(
              withTypes(EventListParams.builder().setEndingBefore(before).setLimit(limit), only).build()));
      List<Event> data = new ArrayList<>(page.getData());
      if (data.isEmpty()) {
        break;
      }
      // a page is newest first; the page right after the cursor is the one ending just before it
      Collections.reverse(data);
      collected.addAll(data);
      cursor = data.get(data.size() - 1).getId();
      more = Boolean.TRUE.equals(page.getHasMore());
    }
    return new StripeEvents(collected, collected.isEmpty() ? lastSeenEventId : cursor, more && !collected.isEmpty());
  }

  private static EventListParams.Builder withTypes(EventListParams.Builder p, List<String> types) {
    return types.isEmpty() ? p : p.addAllType(types);
  }

  private StripeEvents firstEvents(Instant since, int maxEvents, List<String> types) {
    // without a cursor: walk back from the newest (starting_after) down to `since`, then reverse
    List<Event> newestFirst = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      EventListParams.Builder p = withTypes(EventListParams.builder().setLimit(PAGE), types);
      if (since != null) {
        p.setCreated(EventListParams.Created.builder().setGte(since.getEpochSecond()).build());
      }
      if (after != null) {
        p.setStartingAfter(after);
      }
      StripeCollection<Event> page = call("GET /v1/events", () -> client.v1().events().list(p.build()));
      for (Event e : page.getData()) {
        newestFirst.add(e);
        after = e.getId();
      }
      more = Boolean.TRUE.equals(page.getHasMore()) && !page.getData().isEmpty();
    }
    Collections.reverse(newestFirst);
    List<Event> batch = newestFirst.size() > maxEvents ? newestFirst.subList(0, maxEvents) : newestFirst;
    String last = batch.isEmpty() ? null : batch.get(batch.size() - 1).getId();
    return new StripeEvents(batch, last, newestFirst.size() > maxEvents);
  }

  /** An event by id, e.g. to re-read one the inbox holds. */
  public Event retrieveEvent(String eventId) {
    Validation.requireId(eventId, "evt_", "eventId");
    return call("GET /v1/events/{id}", () -> client.v1().events().retrieve(eventId));
  }

  // ------------------------------------------------------------------------------------- helpers

  @FunctionalInterface
  private interface StripeCall<T> {
    T run() throws StripeException;
  }

  private <T> T call(String operation, StripeCall<T> c) {
    try {
      return c.run();
    } catch (RateBudget.BudgetExhaustedException e) {
      throw new io.mlconnector.core.error.RateLimitedException(
          ErrorDetails.of(StripeErrors.SYSTEM, operation).withRemote("rate_budget_exhausted", e.getMessage()), e.wouldWait(), e);
    } catch (StripeException e) {
      ConnectorException mapped = StripeErrors.map(operation, e, config.apiBase());
      log.debug("stripe {} failed for tenant {}: {}", operation, config.tenant(), mapped.getMessage());
      throw mapped;
    }
  }

  private static RequestOptions options(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private Map<String, String> stamp(String sourceRef, String sourceVersion, Map<String, String> extra, String operationKey) {
    Map<String, String> md = new HashMap<>(extra);
    md.put(StripeMetadata.OPERATION, operationKey);
    md.put(StripeMetadata.SOURCE_REF, sourceRef);
    md.put(StripeMetadata.TENANT, config.tenant());
    if (sourceVersion != null) {
      if (sourceVersion.length() > StripeMetadata.MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException("sourceVersion is longer than 500 characters");
      }
      md.put(StripeMetadata.SOURCE_VERSION, sourceVersion);
    }
    return md;
  }

  static String stampQuery(String sourceRef) {
    String escaped = sourceRef.replace("\\", "\\\\").replace("'", "\\'");
    return "metadata['" + StripeMetadata.SOURCE_REF + "']:'" + escaped + "'";
  }

  private ConflictException conflict(String message) {
    return new ConflictException(ErrorDetails.of(StripeErrors.SYSTEM, "invoice change").withRemote("invoice_state", message));
  }

  private static String meta(Map<String, String> md, String key) {
    return md == null ? null : md.get(key);
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }

  private static StripeCustomer toCustomer(Customer c) {
    return new StripeCustomer(
        c.getId(),
        meta(c.getMetadata(), StripeMetadata.SOURCE_REF),
        meta(c.getMetadata(), StripeMetadata.SOURCE_VERSION),
        c.getName(),
        c.getEmail(),
        Boolean.TRUE.equals(c.getLivemode()),
        meta(c.getMetadata(), StripeMetadata.OPERATION));
  }

  static StripeInvoice toInvoice(Invoice i) {
    return new StripeInvoice(
        i.getId(),
        i.getCustomer(),
        i.getStatus(),
        i.getNumber(),
        i.getHostedInvoiceUrl(),
        i.getCurrency(),
        nz(i.getTotal()),
        nz(i.getAmountDue()),
        nz(i.getAmountPaid()),
        meta(i.getMetadata(), StripeMetadata.SOURCE_REF),
        meta(i.getMetadata(), StripeMetadata.SOURCE_VERSION),
        meta(i.getMetadata(), StripeMetadata.OPERATION),
        i.getCreated() == null ? null : Instant.ofEpochSecond(i.getCreated()),
        meta(i.getMetadata(), StripeMetadata.ORIGINAL) != null ? meta(i.getMetadata(), StripeMetadata.ORIGINAL) : i.getId());
  }

  @Override
  public String toString() {
    return "StripeConnector{" + config + '}';
  }
}
