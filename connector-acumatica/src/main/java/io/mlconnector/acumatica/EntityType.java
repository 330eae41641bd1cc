package io.mlconnector.acumatica;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A top-level entity of the Default endpoint this client reads and writes, with its key fields
 * and its typed codec: call sites hand typed records to the client and get typed records back.
 *
 * @param <T> the record type
 */
public final class EntityType<T> {

  /** {@code Customer}, key {@code CustomerID}. */
  public static final EntityType<AcumaticaCustomer> CUSTOMER =
      new EntityType<>("Customer", List.of("CustomerID"), AcumaticaCustomer::fromWire,
          AcumaticaCustomer::toWire, c -> java.util.Arrays.asList(c.customerId()), null);

  /** {@code SalesInvoice}, keys {@code Type}, {@code ReferenceNbr}. */
  public static final EntityType<AcumaticaInvoice> SALES_INVOICE = invoice(InvoiceEntity.SALES_INVOICE);

  /** {@code Invoice} (AR), keys {@code Type}, {@code ReferenceNbr}. */
  public static final EntityType<AcumaticaInvoice> INVOICE = invoice(InvoiceEntity.INVOICE);

  /** {@code Payment}, keys {@code Type}, {@code ReferenceNbr}. */
  public static final EntityType<AcumaticaPayment> PAYMENT =
      new EntityType<>("Payment", List.of("Type", "ReferenceNbr"), AcumaticaPayment::fromWire,
          AcumaticaPayment::toWire, AcumaticaPayment::keys, "ReleasePayment");

  /** {@code JournalTransaction}, keys {@code Module}, {@code BatchNbr}. */
  public static final EntityType<AcumaticaJournal> JOURNAL_TRANSACTION =
      new EntityType<>("JournalTransaction", List.of("Module", "BatchNbr"), AcumaticaJournal::fromWire,
          AcumaticaJournal::toWire, AcumaticaJournal::keys, "ReleaseJournalTransaction");

  /** {@code Account}, key {@code AccountCD}. */
  public static final EntityType<AcumaticaAccount> ACCOUNT =
      new EntityType<>("Account", List.of("AccountCD"), AcumaticaAccount::fromWire,
          AcumaticaAccount::toWire, a -> java.util.Arrays.asList(a.accountCd()), null);

  private final String name;
  private final List<String> keyFields;
  private final BiFunction<Map<String, Object>, ZoneId, T> decoder;
  private final Function<T, Map<String, Object>> encoder;
  private final Function<T, List<@Nullable String>> keys;
  private final @Nullable String releaseAction;

  private EntityType(
      String name,
      List<String> keyFields,
      BiFunction<Map<String, Object>, ZoneId, T> decoder,
      Function<T, Map<String, Object>> encoder,
      Function<T, List<@Nullable String>> keys,
      @Nullable String releaseAction) {
    this.name = name;
    this.keyFields = keyFields;
    this.decoder = decoder;
    this.encoder = encoder;
    this.keys = keys;
    this.releaseAction = releaseAction;
  }

  private static EntityType<AcumaticaInvoice> invoice(InvoiceEntity e) {
    return new EntityType<>(e.entityName(), List.of("Type", "ReferenceNbr"),
        (m, zone) -> AcumaticaInvoice.fromWire(m, zone, e), AcumaticaInvoice::toWire,
        AcumaticaInvoice::keys, e.releaseAction());
  }

  /**
   * The invoice entity type for {@code entity}.
   *
   * @param entity which AR document entity
   * @return {@link #SALES_INVOICE} or {@link #INVOICE}
   */
  public static EntityType<AcumaticaInvoice> of(InvoiceEntity entity) {
    return entity == InvoiceEntity.SALES_INVOICE ? SALES_INVOICE : INVOICE;
  }

  /**
   * The entity name in URLs, for example {@code Payment}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The key fields, in URL order.
   *
   * @return the field names
   */
  public List<String> keyFields() {
    return keyFields;
  }

  /**
   * The contract action that releases a record of this entity, or null when there is none.
   *
   * @return the action's name, or null
   */
  public @Nullable String releaseAction() {
    return releaseAction;
  }

  T decode(Map<String, Object> json, ZoneId zone) {
    return decoder.apply(json, zone);
  }

  Map<String, Object> encode(T record) {
    return encoder.apply(record);
  }

  List<@Nullable String> keysOf(T record) {
    return keys.apply(record);
  }

  @Override
  public String toString() {
    return name;
  }
}
