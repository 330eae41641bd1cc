package io.mlconnector.acumatica;

import java.util.List;
import java.util.Objects;

/**
 * Options of one {@code PUT} (create or update): which linked and detail entities the answer must
 * carry ({@code $expand}, also needed on PUT or the answer omits detail lines) and the
 * precondition ({@code If-None-Match: *} to insert only, {@code If-Match: *} to update only; both
 * answer 412 when they do not hold).
 *
 * @param expand entities to expand, each level named ({@code MainContact,MainContact/Address})
 * @param precondition the precondition
 */
public record Put(List<String> expand, Precondition precondition) {

  /** The precondition of a PUT. */
  public enum Precondition {
    /** Create or update. */
    UPSERT,
    /** Create only: {@code If-None-Match: *}. */
    INSERT_ONLY,
    /** Update only: {@code If-Match: *}. */
    UPDATE_ONLY
  }

  /**
   * Copies the list.
   *
   * @param expand entities to expand, each level named ({@code MainContact,MainContact/Address})
   * @param precondition the precondition
   */
  public Put {
    expand = List.copyOf(Objects.requireNonNull(expand, "expand"));
    Objects.requireNonNull(precondition, "precondition");
  }

  /**
   * A plain upsert expanding {@code expand}.
   *
   * @param expand entities to expand in the answer
   * @return the options
   */
  public static Put upsert(String... expand) {
    return new Put(List.of(expand), Precondition.UPSERT);
  }

  /**
   * An insert-only PUT expanding {@code expand}.
   *
   * @param expand entities to expand in the answer
   * @return the options
   */
  public static Put insertOnly(String... expand) {
    return new Put(List.of(expand), Precondition.INSERT_ONLY);
  }

  /**
   * An update-only PUT expanding {@code expand}.
   *
   * @param expand entities to expand in the answer
   * @return the options
   */
  public static Put updateOnly(String... expand) {
    return new Put(List.of(expand), Precondition.UPDATE_ONLY);
  }
}
