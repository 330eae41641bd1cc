package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.Wire;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Customer} of the Default endpoint (screen AR303000). Contact and address come from the
 * linked {@code MainContact} and {@code MainContact/Address}, which a read must {@code $expand}.
 *
 * <p>A field is null when the record does not carry it: a PUT sends only the fields set, and a
 * read returns only the fields the endpoint serves and the query selects.
 *
 * @param id the session-independent entity id (GUID), or null on a new record
 * @param customerId the key ({@code CustomerID}; Acumatica upper-cases it)
 * @param name {@code CustomerName}
 * @param status {@code Status} ({@code Active}; other values unconfirmed)
 * @param currencyId {@code CurrencyID}, or null
 * @param terms {@code Terms}, or null
 * @param customerClass {@code CustomerClass}, or null
 * @param email {@code MainContact/Email} (or the top-level {@code Email} of 23.200.001+), or null
 * @param phone {@code MainContact/Phone1}, or null
 * @param address {@code MainContact/Address}, or null
 * @param lastModified {@code LastModifiedDateTime}, or null
 */
public record AcumaticaCustomer(
    @Nullable String id,
    @Nullable String customerId,
    @Nullable String name,
    @Nullable String status,
    @Nullable String currencyId,
    @Nullable String terms,
    @Nullable String customerClass,
    @Nullable String email,
    @Nullable String phone,
    @Nullable Address address,
    @Nullable OffsetDateTime lastModified) {

  /**
   * A postal address of a contact.
   *
   * @param line1 {@code AddressLine1}
   * @param line2 {@code AddressLine2}
   * @param city {@code City}
   * @param state {@code State}
   * @param postalCode {@code PostalCode}
   * @param country {@code Country}
   */
  public record Address(
      @Nullable String line1,
      @Nullable String line2,
      @Nullable String city,
      @Nullable String state,
      @Nullable String postalCode,
      @Nullable String country) {}

  /**
   * A new customer with key and name only.
   *
   * @param customerId the {@code CustomerID}
   * @param name the {@code CustomerName}
   * @return the customer, every other field unset
   */
  public static AcumaticaCustomer of(String customerId, String name) {
    return new AcumaticaCustomer(null, customerId, name, null, null, null, null, null, null, null, null);
  }

  /** The JSON body of a PUT: only the fields set. */
  Map<String, Object> toWire() {
    Map<String, Object> m = Wire.object();
    if (id != null) {
      m.put("id", id);
    }
    Wire.put(m, "CustomerID", customerId);
    Wire.put(m, "CustomerName", name);
    Wire.put(m, "Status", status);
    Wire.put(m, "CurrencyID", currencyId);
    Wire.put(m, "Terms", terms);
    Wire.put(m, "CustomerClass", customerClass);
    if (email != null || phone != null || address != null) {
      Map<String, Object> contact = Wire.object();
      Wire.put(contact, "Email", email);
      Wire.put(contact, "Phone1", phone);
      if (address != null) {
        Map<String, Object> a = Wire.object();
        Wire.put(a, "AddressLine1", address.line1());
        Wire.put(a, "AddressLine2", address.line2());
        Wire.put(a, "City", address.city());
        Wire.put(a, "State", address.state());
        Wire.put(a, "PostalCode", address.postalCode());
        Wire.put(a, "Country", address.country());
        contact.put("Address", a);
      }
      m.put("MainContact", contact);
    }
    return m;
  }

  static AcumaticaCustomer fromWire(Map<String, Object> m, ZoneId zone) {
    Map<String, Object> contact = Wire.linked(m, "MainContact");
    Map<String, Object> a = Wire.linked(contact, "Address");
    Address address =
        a.isEmpty()
            ? null
            : new Address(
                Wire.text(a, "AddressLine1"),
                Wire.text(a, "AddressLine2"),
                Wire.text(a, "City"),
                Wire.text(a, "State"),
                Wire.text(a, "PostalCode"),
                Wire.text(a, "Country"));
    String email = Wire.text(contact, "Email");
    if (email == null) {
      email = Wire.text(m, "Email");
    }
    return new AcumaticaCustomer(
        Wire.system(m, "id"),
        Wire.text(m, "CustomerID"),
        Wire.text(m, "CustomerName"),
        Wire.text(m, "Status"),
        Wire.text(m, "CurrencyID"),
        Wire.text(m, "Terms"),
        Wire.text(m, "CustomerClass"),
        email,
        Wire.text(contact, "Phone1"),
        address,
        Wire.dateTime(m, "LastModifiedDateTime", zone));
  }
}
