package io.mlconnector.core.model;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One line of an {@link Invoice}: what was sold or bought, its net amount, and the tax on it when
 * the source gives tax per line.
 *
 * <p>{@code amount} is the net line total and is what the invoice totals add up. When quantity and
 * unit price are also given, {@code amount} must equal their product to within half a unit of the
 * amount's last decimal place (so a line rounded to cents from a fractional unit price is accepted,
 * a wrong line is not). Without an amount, the constructor computes {@code quantity × unitPrice}
 * (quantity 1 if absent) exactly.
 *
 * @param number the line number, 1 or more, unique within the invoice
 * @param description what the line is for, or null
 * @param itemCode the stock or product code, or null
 * @param quantity the quantity, or null if the line is a plain amount
 * @param unitPrice the price per unit, or null
 * @param amount the net line total (before tax); negative for a discount or credit line
 * @param taxAmount the tax on this line; zero if the invoice carries tax as {@link TaxLine}s
 * @param taxCode the tax code as the source holds it, or null
 * @param glAccount the GL account the line posts to (AP distribution, revenue account), or null
 * @param costCenter the cost centre the line is charged to, or null
 * @param dimensions further analysis dimensions by name (project, location, class ...); may be
 *     empty
 * @param extensions system-specific extras
 */
public record InvoiceLine(
    int number,
    @Nullable String description,
    @Nullable String itemCode,
    @Nullable BigDecimal quantity,
    @Nullable Money unitPrice,
    Money amount,
    Money taxAmount,
    @Nullable String taxCode,
    @Nullable ExternalRef glAccount,
    @Nullable ExternalRef costCenter,
    Map<String, String> dimensions,
    Extensions extensions) {

  private static final BigDecimal HALF = new BigDecimal("0.5");

  /**
   * Validates the fields, derives a missing amount from quantity and unit price, and defaults a
   * missing tax amount to zero.
   *
   * @param number the line number, 1 or more, unique within the invoice
   * @param description what the line is for, or null
   * @param itemCode the stock or product code, or null
   * @param quantity the quantity, or null if the line is a plain amount
   * @param unitPrice the price per unit, or null
   * @param amount the net line total (before tax); negative for a discount or credit line
   * @param taxAmount the tax on this line; zero if the invoice carries tax as {@link TaxLine}s
   * @param taxCode the tax code as the source holds it, or null
   * @param glAccount the GL account the line posts to (AP distribution, revenue account), or null
   * @param costCenter the cost centre the line is charged to, or null
   * @param dimensions further analysis dimensions by name (project, location, class ...); may be
   *     empty
   * @param extensions system-specific extras
   */
  public InvoiceLine {
    if (number < 1) {
      throw new IllegalArgumentException("InvoiceLine.number must be 1 or more but was " + number);
    }
    String field = "InvoiceLine " + number;
    Checks.optionalText(description, field + " description");
    Checks.optionalText(itemCode, field + " itemCode");
    Checks.optionalText(taxCode, field + " taxCode");
    if (amount == null) {
      if (unitPrice == null) {
        throw new NullPointerException(field + " amount must not be null (or give a unitPrice)");
      }
      amount = unitPrice.times(quantity == null ? BigDecimal.ONE : quantity);
    }
    Checks.inCurrency(unitPrice, amount.currency(), field + " unitPrice");
    if (unitPrice != null && quantity != null) {
      BigDecimal product = unitPrice.amount().multiply(quantity);
      BigDecimal tolerance = HALF.movePointLeft(Math.max(amount.amount().scale(), 0));
      if (product.subtract(amount.amount()).abs().compareTo(tolerance) > 0) {
        throw new IllegalArgumentException(
            field
                + " amount "
                + amount
                + " does not match quantity "
                + quantity.toPlainString()
                + " x unitPrice "
                + unitPrice
                + " = "
                + product.toPlainString());
      }
    }
    taxAmount = taxAmount == null ? Money.zero(amount.currency()) : taxAmount;
    Checks.inCurrency(taxAmount, amount.currency(), field + " taxAmount");
    dimensions = Checks.stringMap(dimensions, field + " dimensions");
    extensions = Checks.extensions(extensions);
  }

  /**
   * A plain line: a number, a description and a net amount, no tax.
   *
   * @param number the 1-based line number, unique in the invoice
   * @param description the line text
   * @param amount the net line total
   * @return the line
   */
  public static InvoiceLine of(int number, String description, Money amount) {
    return new InvoiceLine(
        number, description, null, null, null, amount, null, null, null, null, null, null);
  }

  /** {@return a builder for lines with more than a description and an amount} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with this line's fields} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.number = number;
    b.description = description;
    b.itemCode = itemCode;
    b.quantity = quantity;
    b.unitPrice = unitPrice;
    b.amount = amount;
    b.taxAmount = taxAmount;
    b.taxCode = taxCode;
    b.glAccount = glAccount;
    b.costCenter = costCenter;
    b.dimensions = dimensions;
    b.extensions = extensions;
    return b;
  }

  /** {@return the line total including its tax} */
  public Money grossAmount() {
    return amount.plus(taxAmount);
  }

  /** Builds an {@link InvoiceLine}; {@link #build()} validates. */
  public static final class Builder {
    private int number;
    private @Nullable String description;
    private @Nullable String itemCode;
    private @Nullable BigDecimal quantity;
    private @Nullable Money unitPrice;
    private Money amount;
    private Money taxAmount;
    private @Nullable String taxCode;
    private @Nullable ExternalRef glAccount;
    private @Nullable ExternalRef costCenter;
    private Map<String, String> dimensions = Map.of();
    private Extensions extensions = Extensions.empty();

    private Builder() {}

    /**
     * Sets the line number (1 or more).
     *
     * @param number the line number, 1 or more, unique within the invoice
     * @return this builder
     */
    public Builder number(int number) {
      this.number = number;
      return this;
    }

    /**
     * Sets the description.
     *
     * @param description what the line is for, or null
     * @return this builder
     */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets the item code.
     *
     * @param itemCode the stock or product code, or null
     * @return this builder
     */
    public Builder itemCode(@Nullable String itemCode) {
      this.itemCode = itemCode;
      return this;
    }

    /**
     * Sets the quantity.
     *
     * @param quantity the quantity, or null if the line is a plain amount
     * @return this builder
     */
    public Builder quantity(@Nullable BigDecimal quantity) {
      this.quantity = quantity;
      return this;
    }

    /**
     * Sets the quantity from a decimal string.
     *
     * @param quantity the quantity, or null if the line is a plain amount
     * @return this builder
     */
    public Builder quantity(String quantity) {
      this.quantity = new BigDecimal(Checks.text(quantity, "quantity"));
      return this;
    }

    /**
     * Sets the unit price.
     *
     * @param unitPrice the price per unit, or null
     * @return this builder
     */
    public Builder unitPrice(@Nullable Money unitPrice) {
      this.unitPrice = unitPrice;
      return this;
    }

    /**
     * Sets the net line amount.
     *
     * @param amount the net line total (before tax); negative for a discount or credit line
     * @return this builder
     */
    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    /**
     * Sets the tax on this line.
     *
     * @param taxAmount the tax on this line; zero if the invoice carries tax as {@link TaxLine}s
     * @return this builder
     */
    public Builder taxAmount(Money taxAmount) {
      this.taxAmount = taxAmount;
      return this;
    }

    /**
     * Sets the tax code.
     *
     * @param taxCode the tax code as the source holds it, or null
     * @return this builder
     */
    public Builder taxCode(@Nullable String taxCode) {
      this.taxCode = taxCode;
      return this;
    }

    /**
     * Sets the GL account.
     *
     * @param glAccount the GL account the line posts to (AP distribution, revenue account), or null
     * @return this builder
     */
    public Builder glAccount(@Nullable ExternalRef glAccount) {
      this.glAccount = glAccount;
      return this;
    }

    /**
     * Sets the cost centre.
     *
     * @param costCenter the cost centre the line is charged to, or null
     * @return this builder
     */
    public Builder costCenter(@Nullable ExternalRef costCenter) {
      this.costCenter = costCenter;
      return this;
    }

    /**
     * Replaces the analysis dimensions.
     *
     * @param dimensions dimension name to value (project, department, say); copied
     * @return this builder
     */
    public Builder dimensions(Map<String, String> dimensions) {
      this.dimensions = dimensions;
      return this;
    }

    /**
     * Replaces the extensions.
     *
     * @param extensions system-specific extras
     * @return this builder
     */
    public Builder extensions(Extensions extensions) {
      this.extensions = extensions;
      return this;
    }

    /**
     * Adds one extension.
     *
     * @param <T> the type of the extension's values
     * @param key the extension's key
     * @param value its value
     * @return this builder
     */
    public <T> Builder extension(Extensions.Key<T> key, T value) {
      this.extensions = Checks.extensions(extensions).with(key, value);
      return this;
    }

    /** {@return the validated line} */
    public InvoiceLine build() {
      return new InvoiceLine(
          number,
          description,
          itemCode,
          quantity,
          unitPrice,
          amount,
          taxAmount,
          taxCode,
          glAccount,
          costCenter,
          dimensions,
          extensions);
    }
  }
}
