package io.mlconnector.integrations;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.role.CollectedInvoice;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.core.sync.WebhookVerificationException;
import io.mlconnector.core.sync.WebhookVerifier;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A collector no connector author wrote: an in-memory "ledger book" that takes customers and
 * invoices as canonical records, lets the test's customers pay, and reports the payments as events
 * with a shared-secret header. Written only to prove that any ledger pairs with any collector
 * through the published integration (test helper).
 */
final class LedgerBookCollector implements Collector<Customer, Invoice> {
  static final String SYSTEM = "ledgerbook";
  static final String SECRET_HEADER = "X-Book-Secret";

  private final String tenant;
  private final String secret;
  private final Map<String, Customer> customers = new ConcurrentHashMap<>();
  private final Map<String, Book> invoices = new ConcurrentHashMap<>();
  private final Map<String, Payment> payments = new ConcurrentHashMap<>();
  private final List<WebhookEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  private record Book(Invoice invoice, String stamp, Money paid) {}

  LedgerBookCollector(String tenant, String secret) {
    this.tenant = tenant;
    this.secret = secret;
  }

  static Collector.Provider<Customer, Invoice> provider(LedgerBookCollector collector) {
    return new Collector.Provider<>() {
      @Override
      public String system() {
        return SYSTEM;
      }

      @Override
      public Class<Customer> customerType() {
        return Customer.class;
      }

      @Override
      public Class<Invoice> invoiceType() {
        return Invoice.class;
      }

      @Override
      public Mapper.Factory defaultMappers() {
        Mapper<Customer, Customer> customer = (c, context) -> c;
        Mapper<Invoice, Invoice> invoice = (i, context) -> {
          context.require(i.party(), SYSTEM);
          return i;
        };
        return (source, target, t) -> source == Customer.class && target == Customer.class ? customer
            : source == Invoice.class && target == Invoice.class ? invoice : null;
      }

      @Override
      public Collector<Customer, Invoice> forTenant(String t) {
        return collector;
      }
    };
  }

  /** The customer pays {@code amount} of the book's invoice {@code id}; an event follows. */
  String pay(String id, Money amount) {
    Book b = invoices.get(id);
    String paymentId = "bp_" + ids.incrementAndGet();
    invoices.put(id, new Book(b.invoice(), b.stamp(), b.paid().plus(amount)));
    payments.put(paymentId, Payment.builder().ref(ref("payment", paymentId)).version("1")
        .direction(Payment.Direction.RECEIVED).status(Payment.Status.SUCCEEDED).method(Payment.Method.BANK_TRANSFER)
        .amount(amount).date(LocalDate.now(java.time.ZoneOffset.UTC)).reference(paymentId)
        // the stamp names the ledger's invoice, as a collector's own stamp does
        .apply(b.invoice().ref(), amount).build());
    events.add(new WebhookEvent("ev_" + ids.incrementAndGet(), "payment.succeeded", "{\"payment\":\"" + paymentId + "\"}"));
    return paymentId;
  }

  /** The events so far, as a delivery would carry them, with the shared secret. */
  List<WebhookEvent> events() {
    return List.copyOf(events);
  }

  Map<String, List<String>> headers() {
    return Map.of(SECRET_HEADER, List.of(secret));
  }

  Optional<String> invoiceOf(ExternalRef ledgerInvoice) {
    return invoices.entrySet().stream().filter(e -> e.getValue().stamp().equals(ledgerInvoice.key()))
        .map(Map.Entry::getKey).findFirst();
  }

  private ExternalRef ref(String type, String id) {
    return ExternalRef.of(SYSTEM, tenant, type, id);
  }

  @Override
  public Sink<Customer> customers() {
    return new BookSink<>("customer") {
      @Override
      void store(String id, Customer c, WriteContext context) {
        customers.put(id, c);
      }

      @Override
      Optional<String> stamped(ExternalRef source) {
        return customers.entrySet().stream().filter(e -> e.getValue().ref().equals(source)).map(Map.Entry::getKey)
            .findFirst();
      }
    };
  }

  @Override
  public Sink<Invoice> invoices() {
    return new BookSink<>("invoice") {
      @Override
      void store(String id, Invoice i, WriteContext context) {
        Book old = invoices.get(id);
        invoices.put(id, new Book(i, context.source().key(), old == null ? Money.zero(i.currency()) : old.paid()));
      }

      @Override
      Optional<String> stamped(ExternalRef source) {
        return invoiceOf(source);
      }
    };
  }

  @Override
  public WebhookVerifier webhookVerifier() {
    return (headers, body) -> {
      List<String> given = headers.getOrDefault(SECRET_HEADER, List.of());
      if (given.size() != 1 || !MessageDigest.isEqual(given.get(0).getBytes(StandardCharsets.UTF_8),
          secret.getBytes(StandardCharsets.UTF_8))) {
        throw new WebhookVerificationException(401, "the shared secret header is missing or wrong");
      }
      String text = new String(body, StandardCharsets.UTF_8);
      for (WebhookEvent e : events) {
        if (e.payload().equals(text)) {
          return e;
        }
      }
      throw new WebhookVerificationException(400, "no such event");
    };
  }

  @Override
  public WebhookSource<Payment> payments(Duration lookback) {
    return new WebhookSource<>() {
      @Override
      public String system() {
        return SYSTEM;
      }

      @Override
      public Optional<ExternalRef> objectOf(WebhookEvent event) {
        if (!"payment.succeeded".equals(event.type())) {
          return Optional.empty();
        }
        String id = event.payload().replaceAll(".*\"payment\":\"([^\"]+)\".*", "$1");
        return Optional.of(ref("payment", id));
      }

      @Override
      public EventPage eventsSince(String cursor) {
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        List<WebhookEvent> all = events();
        return new EventPage(new ArrayList<>(all.subList(from, all.size())), String.valueOf(all.size()), false);
      }

      @Override
      public Optional<Payment> fetch(ExternalRef ref) {
        return Optional.ofNullable(payments.get(ref.id()));
      }
    };
  }

  @Override
  public WebhookSource<Refund> refunds(Duration lookback) {
    return new WebhookSource<>() {
      @Override
      public String system() {
        return SYSTEM;
      }

      @Override
      public Optional<ExternalRef> objectOf(WebhookEvent event) {
        return Optional.empty();
      }

      @Override
      public Optional<Refund> fetch(ExternalRef ref) {
        return Optional.empty();
      }
    };
  }

  @Override
  public Optional<CollectedInvoice> collected(Mapping mapping) {
    Book b = invoices.get(mapping.target().id());
    if (b == null) {
      return Optional.empty();
    }
    Money owed = b.invoice().total().minus(b.paid());
    return Optional.of(new CollectedInvoice(mapping.target().id(), owed.isZero() ? "paid" : "open", b.invoice().total(),
        owed));
  }

  /** A sink over one of the book's maps, stamping by the source ref. */
  private abstract class BookSink<T> implements Sink<T> {
    private final String type;

    BookSink(String type) {
      this.type = type;
    }

    abstract void store(String id, T record, WriteContext context);

    abstract Optional<String> stamped(ExternalRef source);

    @Override
    public String system() {
      return SYSTEM;
    }

    @Override
    public WriteResult create(T record, WriteContext context) {
      String id = type.substring(0, 2) + "_" + ids.incrementAndGet();
      store(id, record, context);
      return WriteResult.of(ref(type, id));
    }

    @Override
    public WriteResult update(ExternalRef target, T record, WriteContext context) {
      store(target.id(), record, context);
      return WriteResult.of(target);
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      return stamped(source).map(id -> WriteResult.of(ref(type, id)));
    }
  }
}
