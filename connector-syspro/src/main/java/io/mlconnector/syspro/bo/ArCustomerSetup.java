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

  /** Adds one {@code Item}. */
  public ArCustomerSetup addItems(Item value) {
    items.add(Objects.requireNonNull(value, "items"));
    return this;
  }

  /** The {@code Item} elements (live list). */
  public List<Item> items() {
    return items;
  }

  /** One customer: {@code Key/Customer} plus the fields to set. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Item {
    @XmlElement(name = "Key")
    private CustomerKey key;

    @XmlElement(name = "Name")
    private String name;

    @XmlElement(name = "ShortName")
    private String shortName;

    @XmlElement(name = "Salesperson")
    private String salesperson;

    @XmlElement(name = "Branch")
    private String branch;

    @XmlElement(name = "Area")
    private String area;

    @XmlElement(name = "TermsCode")
    private String termsCode;

    @XmlElement(name = "CreditStatus")
    private String creditStatus;

    @XmlElement(name = "CreditLimit")
    private BigDecimal creditLimit;

    @XmlElement(name = "CustomerClass")
    private String customerClass;

    @XmlElement(name = "TaxStatus")
    private String taxStatus;

    @XmlElement(name = "Telephone")
    private String telephone;

    @XmlElement(name = "Contact")
    private String contact;

    @XmlElement(name = "Fax")
    private String fax;

    @XmlElement(name = "Currency")
    private String currency;

    @XmlElement(name = "Email")
    private String email;

    @XmlElement(name = "CustomerOnHold")
    private String customerOnHold;

    @XmlElement(name = "DateCustAdded")
    private String dateCustAdded;

    @XmlElement(name = "SoldToAddr1")
    private String soldToAddr1;

    @XmlElement(name = "SoldToAddr2")
    private String soldToAddr2;

    @XmlElement(name = "SoldToAddr3")
    private String soldToAddr3;

    @XmlElement(name = "SoldToAddr4")
    private String soldToAddr4;

    @XmlElement(name = "SoldToAddr5")
    private String soldToAddr5;

    @XmlElement(name = "SoldPostalCode")
    private String soldPostalCode;

    @XmlElement(name = "ShipToAddr1")
    private String shipToAddr1;

    @XmlElement(name = "ShipToAddr2")
    private String shipToAddr2;

    @XmlElement(name = "ShipToAddr3")
    private String shipToAddr3;

    @XmlElement(name = "ShipToAddr4")
    private String shipToAddr4;

    @XmlElement(name = "ShipToAddr5")
    private String shipToAddr5;

    @XmlElement(name = "ShipPostalCode")
    private String shipPostalCode;

    /** An empty element. */
    public Item() {}

    /** Sets {@code Key}. */
    public Item key(CustomerKey value) {
      this.key = value;
      return this;
    }

    /** {@code Key}, or null. */
    public CustomerKey key() {
      return key;
    }

    /** Sets {@code Name}. */
    public Item name(String value) {
      this.name = value;
      return this;
    }

    /** {@code Name}, or null. */
    public String name() {
      return name;
    }

    /** Sets {@code ShortName}. */
    public Item shortName(String value) {
      this.shortName = value;
      return this;
    }

    /** {@code ShortName}, or null. */
    public String shortName() {
      return shortName;
    }

    /** Sets {@code Salesperson}. */
    public Item salesperson(String value) {
      this.salesperson = value;
      return this;
    }

    /** {@code Salesperson}, or null. */
    public String salesperson() {
      return salesperson;
    }

    /** Sets {@code Branch}. */
    public Item branch(String value) {
      this.branch = value;
      return this;
    }

    /** {@code Branch}, or null. */
    public String branch() {
      return branch;
    }

    /** Sets {@code Area}. */
    public Item area(String value) {
      this.area = value;
      return this;
    }

    /** {@code Area}, or null. */
    public String area() {
      return area;
    }

    /** Sets {@code TermsCode}. */
    public Item termsCode(String value) {
      this.termsCode = value;
      return this;
    }

    /** {@code TermsCode}, or null. */
    public String termsCode() {
      return termsCode;
    }

    /** Sets {@code CreditStatus}. */
    public Item creditStatus(String value) {
      this.creditStatus = value;
      return this;
    }

    /** {@code CreditStatus}, or null. */
    public String creditStatus() {
      return creditStatus;
    }

    /** Sets {@code CreditLimit}. */
    public Item creditLimit(BigDecimal value) {
      this.creditLimit = value;
      return this;
    }

    /** {@code CreditLimit}, or null. */
    public BigDecimal creditLimit() {
      return creditLimit;
    }

    /** Sets {@code CustomerClass}. */
    public Item customerClass(String value) {
      this.customerClass = value;
      return this;
    }

    /** {@code CustomerClass}, or null. */
    public String customerClass() {
      return customerClass;
    }

    /** Sets {@code TaxStatus}. */
    public Item taxStatus(String value) {
      this.taxStatus = value;
      return this;
    }

    /** {@code TaxStatus}, or null. */
    public String taxStatus() {
      return taxStatus;
    }

    /** Sets {@code Telephone}. */
    public Item telephone(String value) {
      this.telephone = value;
      return this;
    }

    /** {@code Telephone}, or null. */
    public String telephone() {
      return telephone;
    }

    /** Sets {@code Contact}. */
    public Item contact(String value) {
      this.contact = value;
      return this;
    }

    /** {@code Contact}, or null. */
    public String contact() {
      return contact;
    }

    /** Sets {@code Fax}. */
    public Item fax(String value) {
      this.fax = value;
      return this;
    }

    /** {@code Fax}, or null. */
    public String fax() {
      return fax;
    }

    /** Sets {@code Currency}. */
    public Item currency(String value) {
      this.currency = value;
      return this;
    }

    /** {@code Currency}, or null. */
    public String currency() {
      return currency;
    }

    /** Sets {@code Email}. */
    public Item email(String value) {
      this.email = value;
      return this;
    }

    /** {@code Email}, or null. */
    public String email() {
      return email;
    }

    /** Sets {@code CustomerOnHold} ({@code Y}/{@code N}). */
    public Item customerOnHold(boolean value) {
      this.customerOnHold = value ? "Y" : "N";
      return this;
    }

    /** {@code CustomerOnHold} ({@code Y}/{@code N}), or null. */
    public String customerOnHold() {
      return customerOnHold;
    }

    /** Sets {@code DateCustAdded} (written CCYY-MM-DD; null leaves it out). */
    public Item dateCustAdded(LocalDate value) {
      this.dateCustAdded = value == null ? null : value.toString();
      return this;
    }

    /** {@code DateCustAdded} as written, or null. */
    public String dateCustAdded() {
      return dateCustAdded;
    }

    /** Sets {@code SoldToAddr1}. */
    public Item soldToAddr1(String value) {
      this.soldToAddr1 = value;
      return this;
    }

    /** {@code SoldToAddr1}, or null. */
    public String soldToAddr1() {
      return soldToAddr1;
    }

    /** Sets {@code SoldToAddr2}. */
    public Item soldToAddr2(String value) {
      this.soldToAddr2 = value;
      return this;
    }

    /** {@code SoldToAddr2}, or null. */
    public String soldToAddr2() {
      return soldToAddr2;
    }

    /** Sets {@code SoldToAddr3}. */
    public Item soldToAddr3(String value) {
      this.soldToAddr3 = value;
      return this;
    }

    /** {@code SoldToAddr3}, or null. */
    public String soldToAddr3() {
      return soldToAddr3;
    }

    /** Sets {@code SoldToAddr4}. */
    public Item soldToAddr4(String value) {
      this.soldToAddr4 = value;
      return this;
    }

    /** {@code SoldToAddr4}, or null. */
    public String soldToAddr4() {
      return soldToAddr4;
    }

    /** Sets {@code SoldToAddr5}. */
    public Item soldToAddr5(String value) {
      this.soldToAddr5 = value;
      return this;
    }

    /** {@code SoldToAddr5}, or null. */
    public String soldToAddr5() {
      return soldToAddr5;
    }

    /** Sets {@code SoldPostalCode}. */
    public Item soldPostalCode(String value) {
      this.soldPostalCode = value;
      return this;
    }

    /** {@code SoldPostalCode}, or null. */
    public String soldPostalCode() {
      return soldPostalCode;
    }

    /** Sets {@code ShipToAddr1}. */
    public Item shipToAddr1(String value) {
      this.shipToAddr1 = value;
      return this;
    }

    /** {@code ShipToAddr1}, or null. */
    public String shipToAddr1() {
      return shipToAddr1;
    }

    /** Sets {@code ShipToAddr2}. */
    public Item shipToAddr2(String value) {
      this.shipToAddr2 = value;
      return this;
    }

    /** {@code ShipToAddr2}, or null. */
    public String shipToAddr2() {
      return shipToAddr2;
    }

    /** Sets {@code ShipToAddr3}. */
    public Item shipToAddr3(String value) {
      this.shipToAddr3 = value;
      return this;
    }

    /** {@code ShipToAddr3}, or null. */
    public String shipToAddr3() {
      return shipToAddr3;
    }

    /** Sets {@code ShipToAddr4}. */
    public Item shipToAddr4(String value) {
      this.shipToAddr4 = value;
      return this;
    }

    /** {@code ShipToAddr4}, or null. */
    public String shipToAddr4() {
      return shipToAddr4;
    }

    /** Sets {@code ShipToAddr5}. */
    public Item shipToAddr5(String value) {
      this.shipToAddr5 = value;
      return this;
    }

    /** {@code ShipToAddr5}, or null. */
    public String shipToAddr5() {
      return shipToAddr5;
    }

    /** Sets {@code ShipPostalCode}. */
    public Item shipPostalCode(String value) {
      this.shipPostalCode = value;
      return this;
    }

    /** {@code ShipPostalCode}, or null. */
    public String shipPostalCode() {
      return shipPostalCode;
    }
  }

  /** {@code Key}: the customer code, as {@link io.mlconnector.syspro.KeyFormat} normalised it. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class CustomerKey {
    @XmlElement(name = "Customer")
    private String customer;

    /** An empty element. */
    public CustomerKey() {}

    /** Sets {@code Customer}. */
    public CustomerKey customer(String value) {
      this.customer = value;
      return this;
    }

    /** {@code Customer}, or null. */
    public String customer() {
      return customer;
    }
  }
}
