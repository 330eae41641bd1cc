package io.mlconnector.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeSearchResult;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoiceSearchParams;
import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.http.CredentialKey;
import io.mlconnector.core.http.RateBudget;
import io.mlconnector.core.http.RateBudgetConfig;
import io.mlconnector.stripe.internal.PacedHttpClient;
import io.mlconnector.stripe.internal.StripeErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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
  static final long PAGE = 100;

  private final StripeConfig config;
  private final StripeClient client;
  private final RateBudget budget;
  private final InvoiceLifecycle lifecycle;
  private final StripeReads reads;

  private StripeConnector(StripeConfig config, RateBudget budget) {
    this.config = config;
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
    this.lifecycle = new InvoiceLifecycle(this, client);
    this.reads = new StripeReads(this, client);
  }

  /**
   * A connector for {@code config}. Its request budget comes from the config's {@link
   * io.mlconnector.core.http.RateBudgetRegistry} under (stripe, {@link StripeConfig#credentialId()}),
   * so every connector of the same credential shares one budget.
   *
   * @param config the tenant's configuration
   * @return the connector; it makes no request until called
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

  /**
   * The request budget this connector draws from.
   *
   * @return the budget, shared by every connector of the same credential
   */
  public RateBudget rateBudget() {
    return budget;
  }

  /**
   * The configuration.
   *
   * @return the configuration this connector was created with
   */
  public StripeConfig config() {
    return config;
  }

  /**
   * The underlying stripe-java client, for the package's calls the connector does not wrap. Calls
   * made through it share this connector's request budget and 429 handling but not its error
   * mapping. Package-private: stripe-java's types stay out of the public API.
   */
  StripeClient stripeClient() {
    return client;
  }

  /**
   * The API version every request is sent with.
   *
   * @return stripe-java's pinned version
   */
  public static String apiVersion() {
    return com.stripe.Stripe.API_VERSION;
  }

  // ---------------------------------------------------------------------------------------- ping

  /**
   * Checks that the key works and what it can do: key valid and account reachable ({@code GET
   * /v1/account}), live or test mode, read permission on customers, invoices and events (a
   * restricted key may lack one), and the API version. Each check carries its latency. Never
   * throws for a failed check; the failure is in the result.
   *
   * @return the checks in the order they ran
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

  /**
   * Creates a customer stamped with the ERP reference.
   *
   * @param request the customer to create
   * @param idempotencyKey the operation key; a repeat with the same key returns the same customer
   * @return the created customer
   * @throws io.mlconnector.core.error.ConnectorException when Stripe refuses the request or cannot
   *     be reached
   */
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

  /**
   * Updates a customer's fields and its stamped version. A null e-mail in {@code request} clears the
   * customer's e-mail; a null phone, locale or address leaves Stripe's value as it is.
   *
   * @param customerId the customer ({@code cus_...})
   * @param request the customer as it should be
   * @param idempotencyKey the operation key
   * @return the updated customer
   * @throws NotFoundException when there is no such customer
   */
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

  /**
   * The customer with this id.
   *
   * @param customerId the customer ({@code cus_...})
   * @return the customer
   * @throws NotFoundException when there is no such customer
   */
  public StripeCustomer retrieveCustomer(String customerId) {
    Validation.requireId(customerId, "cus_", "customerId");
    return toCustomer(call("GET /v1/customers/{id}", () -> client.v1().customers().retrieve(customerId)));
  }

  /**
   * The customer with this id as the request that would write it as it is now (its stamp, fields
   * and own metadata), for reconciliation.
   *
   * @param customerId the customer ({@code cus_...})
   * @return the request, or empty when the customer does not exist, was deleted, has no name or
   *     carries no stamp
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

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * Finds the customer stamped with {@code sourceRef} ({@link StripeMetadata#SOURCE_REF}) using the
   * configured {@link StampLookup}. Deleted customers are skipped.
   *
   * @param sourceRef the ERP record's key as stamped
   * @return the customer, or empty when none is found within {@link StripeConfig#lookupScanLimit()}
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
   * @param request the invoice to issue
   * @param idempotencyKey the operation key; each step derives its own key from it
   * @return the finalized invoice, with {@code number} and {@code hosted_invoice_url}
   * @throws IllegalArgumentException when an amount does not fit Stripe's currency rules
   */
  public StripeInvoice createInvoice(StripeInvoiceRequest request, String idempotencyKey) {
    Objects.requireNonNull(request, "request");
    String key = Validation.requireIdempotencyKey(idempotencyKey);
    return lifecycle.create(request, key);
  }

  /**
   * Finishes a draft an earlier attempt of operation {@code idempotencyKey} left behind, whatever
   * its age (Stripe keeps idempotency keys 24 hours; after that a repeat of {@link #createInvoice}
   * would create a second invoice): lines it lacks are added, then it is issued.
   */
  StripeInvoice resumeInvoice(StripeInvoiceRequest request, String idempotencyKey, String draftId) {
    Objects.requireNonNull(request, "request");
    String key = Validation.requireIdempotencyKey(idempotencyKey);
    Validation.requireId(draftId, "in_", "draftId");
    return lifecycle.resume(request, key, draftId);
  }

  /**
   * The invoice with this id.
   *
   * @param invoiceId the invoice ({@code in_...})
   * @return the invoice
   * @throws NotFoundException when there is no such invoice
   */
  public StripeInvoice retrieveInvoice(String invoiceId) {
    Validation.requireId(invoiceId, "in_", "invoiceId");
    return toInvoice(call("GET /v1/invoices/{id}", () -> client.v1().invoices().retrieve(invoiceId)));
  }

  /**
   * Finds the invoice stamped with {@code sourceRef} using the configured {@link StampLookup}. A
   * voided invoice is skipped when a newer one with the same stamp exists (a re-issue). When
   * {@code customerId} is given the list scan is limited to that customer's invoices.
   *
   * @param sourceRef the ERP invoice's key as stamped
   * @param customerId the Stripe customer ({@code cus_...}) to limit the list scan to, or null for
   *     all invoices
   * @return the newest non-void invoice so stamped (else the newest void one), or empty when none is
   *     found within {@link StripeConfig#lookupScanLimit()}
   */
  public Optional<StripeInvoice> findInvoiceBySourceRef(String sourceRef, @Nullable String customerId) {
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
   *
   * @param originalId the first invoice of the chain ({@code in_...})
   * @return the current invoice of the chain; the original itself when no successor is found
   * @throws NotFoundException when the original does not exist
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
   *
   * @param invoiceId the invoice first issued for the ERP invoice ({@code in_...})
   * @param request the ERP invoice as it is now
   * @param idempotencyKey the operation key; each step derives its own key from it
   * @return what was done, with the invoice the ERP invoice now maps to
   * @throws ConflictException when the change needs a person's decision (see above)
   */
  public InvoiceChange changeInvoice(String invoiceId, StripeInvoiceRequest request, String idempotencyKey) {
    return lifecycle.changeInvoice(invoiceId, request, idempotencyKey);
  }

  /**
   * Cancels the Stripe side of an ERP invoice cancellation: an {@code open} or {@code
   * uncollectible} invoice is voided, a {@code draft} (which Stripe cannot void) is deleted, a
   * {@code void} one is left alone. A {@code paid} invoice, or an open one already partly paid
   * (Stripe does not void those), raises {@link ConflictException}.
   *
   * @param invoiceId the invoice ({@code in_...})
   * @param idempotencyKey the operation key
   * @return the invoice after the change; for a deleted draft, the draft as it was with status {@code deleted}
   * @throws ConflictException when the invoice is paid or partly paid
   */
  public StripeInvoice cancelInvoice(String invoiceId, String idempotencyKey) {
    return lifecycle.cancelInvoice(invoiceId, idempotencyKey);
  }

  /** The reads of payments, refunds, disputes, payouts and events, as stripe-java objects (package-private). */
  StripeReads reads() {
    return reads;
  }

  // ------------------------------------------------------------------------------------- helpers

  @FunctionalInterface
  interface StripeCall<T> {
    T run() throws StripeException;
  }

  <T> T call(String operation, StripeCall<T> c) {
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

  static RequestOptions options(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  Map<String, String> stamp(String sourceRef, @Nullable String sourceVersion, Map<String, String> extra, String operationKey) {
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

  ConflictException conflict(String message) {
    return new ConflictException(ErrorDetails.of(StripeErrors.SYSTEM, "invoice change").withRemote("invoice_state", message));
  }

  private static @Nullable String meta(@Nullable Map<String, String> md, String key) {
    return md == null ? null : md.get(key);
  }

  static long nz(@Nullable Long v) {
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
