package io.mlconnector.acumatica;

import io.mlconnector.core.model.Extensions;
import java.math.BigDecimal;

/** The {@link Extensions} keys the Acumatica sources put on canonical records. */
public final class AcumaticaExtensions {
  /** An AR invoice's {@code Balance} as Acumatica holds it. */
  public static final Extensions.Key<BigDecimal> BALANCE = Extensions.Key.of("acumatica.balance", BigDecimal.class);
  /** A record's {@code Status} as Acumatica names it. */
  public static final Extensions.Key<String> STATUS = Extensions.Key.of("acumatica.status", String.class);
  /** The entity id (GUID) of the record. */
  public static final Extensions.Key<String> ENTITY_ID = Extensions.Key.of("acumatica.id", String.class);

  private AcumaticaExtensions() {}
}
