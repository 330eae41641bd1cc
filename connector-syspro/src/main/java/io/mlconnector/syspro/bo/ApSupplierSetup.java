package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** APSSSP supplier maintenance document ({@code SetupApSupplier}). */
@XmlRootElement(name = "SetupApSupplier")
@XmlAccessorType(XmlAccessType.FIELD)
public final class ApSupplierSetup implements BusinessObjectDocument {
  @XmlElement(name = "Item")
  private List<Item> items = new ArrayList<>();

  /** An empty element. */
  public ApSupplierSetup() {}

  @Override
  public String businessObject() {
    return "APSSSP";
  }

  /**
   * Adds one {@code Item}.
   *
   * @param value the element to add, not null
   * @return this element
   */
  public ApSupplierSetup addItems(Item value) {
    items.add(Objects.requireNonNull(value, "items"));
    return this;
  }

  /**
   * The {@code Item} elements (live list).
   *
   * @return the elements; adding to or removing from the list changes the document
   */
  public List<Item> items() {
    return items;
  }

  /** One supplier: {@code Key/Supplier} plus the fields to set. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Item {
    @XmlElement(name = "Key")
    private @Nullable SupplierKey key;

    @XmlElement(name = "SupplierName")
    private @Nullable String supplierName;

    @XmlElement(name = "SupShortName")
    private @Nullable String supShortName;

    @XmlElement(name = "Telephone")
    private @Nullable String telephone;

    @XmlElement(name = "Contact")
    private @Nullable String contact;

    @XmlElement(name = "Branch")
    private @Nullable String branch;

    @XmlElement(name = "TermsCode")
    private @Nullable String termsCode;

    @XmlElement(name = "Currency")
    private @Nullable String currency;

    @XmlElement(name = "Email")
    private @Nullable String email;

    @XmlElement(name = "OnHold")
    private @Nullable String onHold;

    @XmlElement(name = "TaxRegnNum")
    private @Nullable String taxRegnNum;

    @XmlElement(name = "SupAddr1")
    private @Nullable String supAddr1;

    @XmlElement(name = "SupAddr2")
    private @Nullable String supAddr2;

    @XmlElement(name = "SupAddr3")
    private @Nullable String supAddr3;

    @XmlElement(name = "SupAddr4")
    private @Nullable String supAddr4;

    @XmlElement(name = "SupAddr5")
    private @Nullable String supAddr5;

    @XmlElement(name = "SupPostalCode")
    private @Nullable String supPostalCode;

    /** An empty element. */
    public Item() {}

    /**
     * Sets {@code Key}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item key(@Nullable SupplierKey value) {
      this.key = value;
      return this;
    }

    /**
     * {@code Key}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable SupplierKey key() {
      return key;
    }

    /**
     * Sets {@code SupplierName}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item supplierName(@Nullable String value) {
      this.supplierName = value;
      return this;
    }

    /**
     * {@code SupplierName}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String supplierName() {
      return supplierName;
    }

    /**
     * Sets {@code SupShortName}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item supShortName(@Nullable String value) {
      this.supShortName = value;
      return this;
    }

    /**
     * {@code SupShortName}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String supShortName() {
      return supShortName;
    }

    /**
     * Sets {@code Telephone}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item telephone(@Nullable String value) {
      this.telephone = value;
      return this;
    }

    /**
     * {@code Telephone}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String telephone() {
      return telephone;
    }

    /**
     * Sets {@code Contact}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item contact(@Nullable String value) {
      this.contact = value;
      return this;
    }

    /**
     * {@code Contact}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String contact() {
      return contact;
    }

    /**
     * Sets {@code Branch}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item branch(@Nullable String value) {
      this.branch = value;
      return this;
    }

    /**
     * {@code Branch}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String branch() {
      return branch;
    }

    /**
     * Sets {@code TermsCode}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item termsCode(@Nullable String value) {
      this.termsCode = value;
      return this;
    }

    /**
     * {@code TermsCode}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String termsCode() {
      return termsCode;
    }

    /**
     * Sets {@code Currency}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item currency(@Nullable String value) {
      this.currency = value;
      return this;
    }

    /**
     * {@code Currency}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String currency() {
      return currency;
    }

    /**
     * Sets {@code Email}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item email(@Nullable String value) {
      this.email = value;
      return this;
    }

    /**
     * {@code Email}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String email() {
      return email;
    }

    /**
     * Sets {@code OnHold} ({@code Y}/{@code N}).
     *
     * @param value true for {@code Y}, false for {@code N}
     * @return this element
     */
    public Item onHold(boolean value) {
      this.onHold = value ? "Y" : "N";
      return this;
    }

    /**
     * {@code OnHold} ({@code Y}/{@code N}), or null.
     *
     * @return {@code Y}, {@code N}, or null when the element is absent
     */
    public @Nullable String onHold() {
      return onHold;
    }

    /**
     * Sets {@code TaxRegnNum}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item taxRegnNum(@Nullable String value) {
      this.taxRegnNum = value;
      return this;
    }

    /**
     * {@code TaxRegnNum}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String taxRegnNum() {
      return taxRegnNum;
    }

    /**
     * Sets {@code SupAddr1}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item supAddr1(@Nullable String value) {
      this.supAddr1 = value;
      return this;
    }

    /**
     * {@code SupAddr1}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String supAddr1() {
      return supAddr1;
    }

    /**
     * Sets {@code SupAddr2}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item supAddr2(@Nullable String value) {
      this.supAddr2 = value;
      return this;
    }

    /**
     * {@code SupAddr2}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String supAddr2() {
      return supAddr2;
    }

    /**
     * Sets {@code SupAddr3}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item supAddr3(@Nullable String value) {
      this.supAddr3 = value;
      return this;
    }

    /**
     * {@code SupAddr3}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String supAddr3() {
      return supAddr3;
    }

    /**
     * Sets {@code SupAddr4}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item supAddr4(@Nullable String value) {
      this.supAddr4 = value;
      return this;
    }

    /**
     * {@code SupAddr4}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String supAddr4() {
      return supAddr4;
    }

    /**
     * Sets {@code SupAddr5}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item supAddr5(@Nullable String value) {
      this.supAddr5 = value;
      return this;
    }

    /**
     * {@code SupAddr5}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String supAddr5() {
      return supAddr5;
    }

    /**
     * Sets {@code SupPostalCode}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item supPostalCode(@Nullable String value) {
      this.supPostalCode = value;
      return this;
    }

    /**
     * {@code SupPostalCode}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String supPostalCode() {
      return supPostalCode;
    }
  }

  /** {@code Key}: the supplier code. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class SupplierKey {
    @XmlElement(name = "Supplier")
    private @Nullable String supplier;

    /** An empty element. */
    public SupplierKey() {}

    /**
     * Sets {@code Supplier}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public SupplierKey supplier(@Nullable String value) {
      this.supplier = value;
      return this;
    }

    /**
     * {@code Supplier}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String supplier() {
      return supplier;
    }
  }
}
