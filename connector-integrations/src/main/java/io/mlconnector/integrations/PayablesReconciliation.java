package io.mlconnector.integrations;

import io.mlconnector.core.model.ExternalRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What {@link PayablesIntegration#reconcile} found.
 *
 * @param exported distinct approved invoices in the exports
 * @param posted how many of them are posted (mapped to a ledger document)
 * @param notPosted the ones not posted
 * @param parked of those, the parked ones with their reasons
 * @param postedTwice ledger documents that two invoices were posted to
 * @param exportedTotals signed totals per {@code "vendor currency"} in the exports (credits negative)
 * @param postedTotals the same over the posted invoices
 */
public record PayablesReconciliation(
    int exported, int posted, List<ExternalRef> notPosted, Map<ExternalRef, String> parked, List<String> postedTwice,
    Map<String, BigDecimal> exportedTotals, Map<String, BigDecimal> postedTotals) {
  /**
   * The report, holding unmodifiable copies of the collections.
   *
   * @param exported distinct approved invoices in the exports
   * @param posted how many of them are posted
   * @param notPosted the ones not posted
   * @param parked of those, the parked ones with their reasons
   * @param postedTwice ledger documents that two invoices were posted to
   * @param exportedTotals signed totals per {@code "vendor currency"} in the exports
   * @param postedTotals the same over the posted invoices
   */
  public PayablesReconciliation {
    notPosted = List.copyOf(notPosted);
    parked = Map.copyOf(parked);
    postedTwice = List.copyOf(postedTwice);
    exportedTotals = Map.copyOf(exportedTotals);
    postedTotals = Map.copyOf(postedTotals);
  }

  /**
   * Every exported invoice posted exactly once and the totals per vendor and currency equal.
   *
   * @return true when nothing is missing, doubled or off by an amount
   */
  public boolean balanced() {
    return notPosted.isEmpty() && postedTwice.isEmpty() && totalsEqual();
  }

  private boolean totalsEqual() {
    if (!exportedTotals.keySet().equals(postedTotals.keySet())) {
      return false;
    }
    return exportedTotals.entrySet().stream().allMatch(e -> e.getValue().compareTo(postedTotals.get(e.getKey())) == 0);
  }
}
