package io.mlconnector.chargebee;

import io.mlconnector.chargebee.internal.CbJson;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Customers: the id is the ERP code (with the tenant's prefix), so find-by-stamp is a retrieve by
 * id; {@code meta_data} carries the source ref key, version and operation key as the stamp's proof.
 * A create whose key expired and finds the id taken ({@code duplicate_entry}) adopts the customer
 * when its stamp names the same source.
 */
final class CustomerSink implements Sink<ChargebeeCustomerRequest> {
  static final String META_SOURCE = "mlc_source";
  static final String META_VERSION = "mlc_version";
  static final String META_OPERATION = "mlc_operation";

  private final ChargebeeClient client;
  private final String tenant;
  private final ChargebeeCollectorOptions options;

  CustomerSink(ChargebeeClient client, String tenant, ChargebeeCollectorOptions options) {
    this.client = client;
    this.tenant = tenant;
    this.options = options;
  }

  @Override
  public String system() {
    return ChargebeeClient.SYSTEM;
  }

  @Override
  public WriteResult create(ChargebeeCustomerRequest r, WriteContext ctx) {
    ChargebeeForm form = fields(ChargebeeForm.create().put("id", r.customerId()), r, ctx);
    address(form, r);
    try {
      ChargebeeResource c = client.post("customers", form, key(ctx.operationKey(), "c")).get("customer");
      return result(c);
    } catch (RejectedException e) {
      if (!"duplicate_entry".equals(e.remoteCode())) {
        throw e;
      }
      ChargebeeResource existing = client.customer(r.customerId()).orElseThrow(() -> e);
      if (!ctx.source().key().equals(meta(existing).get(META_SOURCE))) {
        throw e;
      }
      return update(ChargebeeCanonical.ref(tenant, ChargebeeCanonical.CUSTOMER, existing.id()), r, ctx);
    }
  }

  @Override
  public WriteResult update(ExternalRef target, ChargebeeCustomerRequest r, WriteContext ctx) {
    String path = "customers/" + ChargebeeClient.encode(target.id());
    client.post(path, fields(ChargebeeForm.create(), r, ctx), key(ctx.operationKey(), "u"));
    ChargebeeForm billing = ChargebeeForm.create().put("vat_number", r.vatNumber());
    address(billing, r);
    if (!billing.pairs().isEmpty()) {
      return result(client.post(path + "/update_billing_info", billing, key(ctx.operationKey(), "b")).get("customer"));
    }
    return result(client.customer(target.id()).orElseThrow());
  }

  @Override
  public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext ctx) {
    String id;
    try {
      id = options.customerIdFor(source);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return client.customer(id).filter(c -> !c.flag("deleted"))
        .filter(c -> source.key().equals(meta(c).get(META_SOURCE))).map(this::result);
  }

  @Override
  public Optional<ChargebeeCustomerRequest> read(ExternalRef target) {
    return client.customer(target.id()).map(c -> {
      ChargebeeResource a = c.object("billing_address");
      ChargebeeCustomerRequest.Address address = a == null ? null : new ChargebeeCustomerRequest.Address(
          a.string("line1"), a.string("line2"), a.string("line3"), a.string("city"), a.string("state"),
          a.string("zip"), a.string("country"));
      Long net = c.number("net_term_days");
      return new ChargebeeCustomerRequest(c.id(), c.string("company") == null ? "" : c.string("company"),
          c.string("email"), c.string("phone"), address, c.string("vat_number"), c.string("preferred_currency_code"),
          net == null ? null : net.intValue());
    });
  }

  private ChargebeeForm fields(ChargebeeForm form, ChargebeeCustomerRequest r, WriteContext ctx) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(META_SOURCE, ctx.source().key());
    meta.put(META_VERSION, ctx.sourceVersion());
    meta.put(META_OPERATION, ctx.operationKey());
    return form.put("company", r.company()).put("email", r.email()).put("phone", r.phone())
        .put("vat_number", r.vatNumber()).put("preferred_currency_code", r.currency()).put("net_term_days", r.netTermDays())
        .put("meta_data", CbJson.write(meta));
  }

  private static void address(ChargebeeForm form, ChargebeeCustomerRequest r) {
    ChargebeeCustomerRequest.Address a = r.address();
    if (a != null) {
      form.putObject("billing_address", "company", r.company())
          .putObject("billing_address", "line1", a.line1()).putObject("billing_address", "line2", a.line2())
          .putObject("billing_address", "line3", a.line3()).putObject("billing_address", "city", a.city())
          .putObject("billing_address", "state", a.state()).putObject("billing_address", "zip", a.zip())
          .putObject("billing_address", "country", a.country());
    }
  }

  private WriteResult result(ChargebeeResource c) {
    Map<String, String> meta = meta(c);
    return new WriteResult(ChargebeeCanonical.ref(tenant, ChargebeeCanonical.CUSTOMER, c.id()), Map.of(),
        meta.get(META_OPERATION));
  }

  static Map<String, String> meta(ChargebeeResource c) {
    ChargebeeResource m = c.object("meta_data");
    Map<String, String> out = new LinkedHashMap<>();
    if (m != null) {
      m.attributes().forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
    }
    return out;
  }

  /** An idempotency key per request of one operation (Chargebee refuses one key on two bodies). */
  static String key(String operationKey, String step) {
    String k = operationKey + ":" + step;
    return k.length() <= 100 ? k : k.substring(k.length() - 100);
  }
}
