package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * ARSSCS customer maintenance document ({@code SetupArCustomer}): one {@link Item} per customer;
 * Add, Update and Delete share it (Delete needs only the key).
 */
@XmlRootElement(name = "SetupArCustomer")
@XmlAccessorType(XmlAccessType.FIELD)
public final class ArCustomerSetup implements BusinessObjectDocument {
  @XmlElement(name = "Item")
  private List<Item> items = new ArrayList<>();

  /** An empty element. */
  public ArCustomerSetup() {}

  @Override
  public String businessObject() {
    return "ARSSCS";
  }

  /**
   * Adds one {@code Item}.
   *
   * @param value the element to add, not null
   * @return this element
   */
  public ArCustomerSetup addItems(Item value) {
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

  /** One customer: {@code Key/Customer} plus the fields to set. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Item {
    @XmlElement(name = "Key")
    private @Nullable CustomerKey key;

    @XmlElement(name = "Name")
    private @Nullable String name;

    @XmlElement(name = "ShortName")
    private @Nullable String shortName;

    @XmlElement(name = "Salesperson")
    private @Nullable String salesperson;

    @XmlElement(name = "Branch")
    private @Nullable String branch;

    @XmlElement(name = "Area")
    private @Nullable String area;

    @XmlElement(name = "TermsCode")
    private @Nullable String termsCode;

    @XmlElement(name = "CreditStatus")
    private @Nullable String creditStatus;

    @XmlElement(name = "CreditLimit")
    private @Nullable BigDecimal creditLimit;

    @XmlElement(name = "CustomerClass")
    private @Nullable String customerClass;

    @XmlElement(name = "TaxStatus")
    private @Nullable String taxStatus;

    @XmlElement(name = "Telephone")
    private @Nullable String telephone;

    @XmlElement(name = "Contact")
    private @Nullable String contact;

    @XmlElement(name = "Fax")
    private @Nullable String fax;

    @XmlElement(name = "Currency")
    private @Nullable String currency;

    @XmlElement(name = "Email")
    private @Nullable String email;

    @XmlElement(name = "CustomerOnHold")
    private @Nullable String customerOnHold;

    @XmlElement(name = "DateCustAdded")
    private @Nullable String dateCustAdded;

    @XmlElement(name = "SoldToAddr1")
    private @Nullable String soldToAddr1;

    @XmlElement(name = "SoldToAddr2")
    private @Nullable String soldToAddr2;

    @XmlElement(name = "SoldToAddr3")
    private @Nullable String soldToAddr3;

    @XmlElement(name = "SoldToAddr4")
    private @Nullable String soldToAddr4;

    @XmlElement(name = "SoldToAddr5")
    private @Nullable String soldToAddr5;

    @XmlElement(name = "SoldPostalCode")
    private @Nullable String soldPostalCode;

    @XmlElement(name = "ShipToAddr1")
    private @Nullable String shipToAddr1;

    @XmlElement(name = "ShipToAddr2")
    private @Nullable String shipToAddr2;

    @XmlElement(name = "ShipToAddr3")
    private @Nullable String shipToAddr3;

    @XmlElement(name = "ShipToAddr4")
    private @Nullable String shipToAddr4;

    @XmlElement(name = "ShipToAddr5")
    private @Nullable String shipToAddr5;

    @XmlElement(name = "ShipPostalCode")
    private @Nullable String shipPostalCode;

    /** An empty element. */
    public Item() {}

    /**
     * Sets {@code Key}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item key(@Nullable CustomerKey value) {
      this.key = value;
      return this;
    }

    /**
     * {@code Key}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable CustomerKey key() {
      return key;
    }

    /**
     * Sets {@code Name}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item name(@Nullable String value) {
      this.name = value;
      return this;
    }

    /**
     * {@code Name}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String name() {
      return name;
    }

    /**
     * Sets {@code ShortName}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item shortName(@Nullable String value) {
      this.shortName = value;
      return this;
    }

    /**
     * {@code ShortName}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String shortName() {
      return shortName;
    }

    /**
     * Sets {@code Salesperson}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item salesperson(@Nullable String value) {
      this.salesperson = value;
      return this;
    }

    /**
     * {@code Salesperson}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String salesperson() {
      return salesperson;
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
     * Sets {@code Area}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item area(@Nullable String value) {
      this.area = value;
      return this;
    }

    /**
     * {@code Area}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String area() {
      return area;
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
     * Sets {@code CreditStatus}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item creditStatus(@Nullable String value) {
      this.creditStatus = value;
      return this;
    }

    /**
     * {@code CreditStatus}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String creditStatus() {
      return creditStatus;
    }

    /**
     * Sets {@code CreditLimit}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item creditLimit(@Nullable BigDecimal value) {
      this.creditLimit = value;
      return this;
    }

    /**
     * {@code CreditLimit}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable BigDecimal creditLimit() {
      return creditLimit;
    }

    /**
     * Sets {@code CustomerClass}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item customerClass(@Nullable String value) {
      this.customerClass = value;
      return this;
    }

    /**
     * {@code CustomerClass}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String customerClass() {
      return customerClass;
    }

    /**
     * Sets {@code TaxStatus}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item taxStatus(@Nullable String value) {
      this.taxStatus = value;
      return this;
    }

    /**
     * {@code TaxStatus}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String taxStatus() {
      return taxStatus;
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
     * Sets {@code Fax}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item fax(@Nullable String value) {
      this.fax = value;
      return this;
    }

    /**
     * {@code Fax}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String fax() {
      return fax;
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
     * Sets {@code CustomerOnHold} ({@code Y}/{@code N}).
     *
     * @param value true for {@code Y}, false for {@code N}
     * @return this element
     */
    public Item customerOnHold(boolean value) {
      this.customerOnHold = value ? "Y" : "N";
      return this;
    }

    /**
     * {@code CustomerOnHold} ({@code Y}/{@code N}), or null.
     *
     * @return {@code Y}, {@code N}, or null when the element is absent
     */
    public @Nullable String customerOnHold() {
      return customerOnHold;
    }

    /**
     * Sets {@code DateCustAdded} (written CCYY-MM-DD; null leaves it out).
     *
     * @param value the date, or null to leave the element out
     * @return this element
     */
    public Item dateCustAdded(@Nullable LocalDate value) {
      this.dateCustAdded = value == null ? null : value.toString();
      return this;
    }

    /**
     * {@code DateCustAdded} as written, or null.
     *
     * @return the date as written ({@code CCYY-MM-DD}), or null when the element is absent
     */
    public @Nullable String dateCustAdded() {
      return dateCustAdded;
    }

    /**
     * Sets {@code SoldToAddr1}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item soldToAddr1(@Nullable String value) {
      this.soldToAddr1 = value;
      return this;
    }

    /**
     * {@code SoldToAddr1}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String soldToAddr1() {
      return soldToAddr1;
    }

    /**
     * Sets {@code SoldToAddr2}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item soldToAddr2(@Nullable String value) {
      this.soldToAddr2 = value;
      return this;
    }

    /**
     * {@code SoldToAddr2}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String soldToAddr2() {
      return soldToAddr2;
    }

    /**
     * Sets {@code SoldToAddr3}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item soldToAddr3(@Nullable String value) {
      this.soldToAddr3 = value;
      return this;
    }

    /**
     * {@code SoldToAddr3}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String soldToAddr3() {
      return soldToAddr3;
    }

    /**
     * Sets {@code SoldToAddr4}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item soldToAddr4(@Nullable String value) {
      this.soldToAddr4 = value;
      return this;
    }

    /**
     * {@code SoldToAddr4}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String soldToAddr4() {
      return soldToAddr4;
    }

    /**
     * Sets {@code SoldToAddr5}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item soldToAddr5(@Nullable String value) {
      this.soldToAddr5 = value;
      return this;
    }

    /**
     * {@code SoldToAddr5}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String soldToAddr5() {
      return soldToAddr5;
    }

    /**
     * Sets {@code SoldPostalCode}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item soldPostalCode(@Nullable String value) {
      this.soldPostalCode = value;
      return this;
    }

    /**
     * {@code SoldPostalCode}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String soldPostalCode() {
      return soldPostalCode;
    }

    /**
     * Sets {@code ShipToAddr1}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item shipToAddr1(@Nullable String value) {
      this.shipToAddr1 = value;
      return this;
    }

    /**
     * {@code ShipToAddr1}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String shipToAddr1() {
      return shipToAddr1;
    }

    /**
     * Sets {@code ShipToAddr2}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item shipToAddr2(@Nullable String value) {
      this.shipToAddr2 = value;
      return this;
    }

    /**
     * {@code ShipToAddr2}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String shipToAddr2() {
      return shipToAddr2;
    }

    /**
     * Sets {@code ShipToAddr3}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item shipToAddr3(@Nullable String value) {
      this.shipToAddr3 = value;
      return this;
    }

    /**
     * {@code ShipToAddr3}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String shipToAddr3() {
      return shipToAddr3;
    }

    /**
     * Sets {@code ShipToAddr4}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item shipToAddr4(@Nullable String value) {
      this.shipToAddr4 = value;
      return this;
    }

    /**
     * {@code ShipToAddr4}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String shipToAddr4() {
      return shipToAddr4;
    }

    /**
     * Sets {@code ShipToAddr5}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item shipToAddr5(@Nullable String value) {
      this.shipToAddr5 = value;
      return this;
    }

    /**
     * {@code ShipToAddr5}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String shipToAddr5() {
      return shipToAddr5;
    }

    /**
     * Sets {@code ShipPostalCode}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public Item shipPostalCode(@Nullable String value) {
      this.shipPostalCode = value;
      return this;
    }

    /**
     * {@code ShipPostalCode}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String shipPostalCode() {
      return shipPostalCode;
    }
  }

  /** {@code Key}: the customer code, as {@link io.mlconnector.syspro.KeyFormat} normalised it. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class CustomerKey {
    @XmlElement(name = "Customer")
    private @Nullable String customer;

    /** An empty element. */
    public CustomerKey() {}

    /**
     * Sets {@code Customer}.
     *
     * @param value the value, or null to leave the element out
     * @return this element
     */
    public CustomerKey customer(@Nullable String value) {
      this.customer = value;
      return this;
    }

    /**
     * {@code Customer}, or null.
     *
     * @return the value, or null when the element is absent
     */
    public @Nullable String customer() {
      return customer;
    }
  }
}
