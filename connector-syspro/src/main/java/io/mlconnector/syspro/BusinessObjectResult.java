package io.mlconnector.syspro;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The output of a Setup or Transaction business object: the document, every item error found in it,
 * and the counts of its {@code StatusOfItems} block ({@code RecordsRead/RecordsInvalid} for Setup
 * objects, {@code ItemsProcessed/ItemsInvalid} for AR/AP postings, {@code
 * JournalsProcessed/JournalsInvalid/PostingsInvalid} for GL journals).
 *
 * <p>An output is {@linkplain #isValid() valid} when no element carries an {@code ErrorDescription}
 * (or {@code ErrorMessage}) and no "invalid" count is above zero. With {@code
 * ApplyIfEntireDocumentValid=N} some items may have posted although others did not: look at {@link
 * #items()}.
 */
public final class BusinessObjectResult {

  private static final List<String> INVALID_COUNTS =
      List.of("RecordsInvalid", "ItemsInvalid", "JournalsInvalid", "PostingsInvalid");

  private final String businessObject;
  private final SysproElement document;
  private final List<SysproItemError> errors;

  /**
   * Reads the errors and counts of {@code document}, the output of {@code businessObject}.
   *
   * @param businessObject the business object that answered ({@code ARSTPY})
   * @param document the root element of its output
   */
  public BusinessObjectResult(String businessObject, SysproElement document) {
    this.businessObject = Objects.requireNonNull(businessObject, "businessObject");
    this.document = Objects.requireNonNull(document, "document");
    this.errors = List.copyOf(collectErrors(document));
  }

  /**
   * The business object that answered ({@code ARSTPY}).
   *
   * @return the business object's code
   */
  public String businessObject() {
    return businessObject;
  }

  /**
   * The whole output document.
   *
   * @return the root element
   */
  public SysproElement document() {
    return document;
  }

  /**
   * The {@code item} elements of a Setup output or {@code Item} elements of a posting output.
   *
   * @return the items in document order; empty when there are none
   */
  public List<SysproElement> items() {
    return document.children("Item");
  }

  /**
   * Every item error in document order.
   *
   * @return the errors; empty when the output reports none
   */
  public List<SysproItemError> errors() {
    return errors;
  }

  /**
   * A count of {@code StatusOfItems} ({@code ItemsProcessed}), empty when absent or blank.
   *
   * @param name the count's element name, for example {@code ItemsProcessed}
   * @return the count
   */
  public Optional<Integer> count(String name) {
    return document
        .child("StatusOfItems")
        .flatMap(s -> s.decimal(name))
        .map(BigDecimal::intValueExact);
  }

  /**
   * The number of items SYSPRO declared invalid (the largest of the "invalid" counts).
   *
   * @return the number; 0 when the output has none of those counts
   */
  public int invalidCount() {
    int max = 0;
    for (String name : INVALID_COUNTS) {
      max = Math.max(max, count(name).orElse(0));
    }
    return max;
  }

  /**
   * Whether no item error was reported.
   *
   * @return true when the output holds no item error
   */
  public boolean isValid() {
    return errors.isEmpty() && invalidCount() == 0;
  }

  /**
   * The item errors joined into one message ("field [number]: description; ...").
   *
   * @return the message; empty when the output is valid, a count of invalid items when SYSPRO gave
   *     no descriptions
   */
  public String errorMessage() {
    if (errors.isEmpty()) {
      return invalidCount() == 0 ? "" : invalidCount() + " item(s) invalid without a description";
    }
    StringBuilder sb = new StringBuilder();
    for (SysproItemError e : errors) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(e);
    }
    return sb.toString();
  }

  private static List<SysproItemError> collectErrors(SysproElement root) {
    List<SysproItemError> out = new ArrayList<>();
    walk(root, out);
    return out;
  }

  private static void walk(SysproElement e, List<SysproItemError> out) {
    Optional<String> description = e.text("ErrorDescription").or(() -> e.text("ErrorMessage"));
    if (description.isPresent()) {
      out.add(
          new SysproItemError(
              e.name(),
              e.text("Value").orElse(""),
              e.text("ErrorNumber").orElse(""),
              description.get()));
    }
    for (SysproElement c : e.children()) {
      if (!c.is("ErrorDescription") && !c.is("ErrorMessage")) {
        walk(c, out);
      }
    }
    e.child("GlJournal")
        .flatMap(g -> g.text("GlJournalError"))
        .filter(t -> !t.equalsIgnoreCase("N") && !t.equals("0"))
        .ifPresent(
            t ->
                out.add(
                    new SysproItemError(
                        "GlJournal",
                        "",
                        t,
                        e.find("GlJournal", "GlJournalMessage")
                            .map(SysproElement::text)
                            .orElse(""))));
  }

  @Override
  public String toString() {
    return "BusinessObjectResult{"
        + businessObject
        + ", root="
        + document.name()
        + ", errors="
        + errors.size()
        + ", invalid="
        + invalidCount()
        + '}';
  }
}
