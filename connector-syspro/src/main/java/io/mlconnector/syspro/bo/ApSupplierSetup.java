package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  /** Adds one {@code Item}. */
  public ApSupplierSetup addItems(Item value) {
    items.add(Objects.requireNonNull(value, "items"));
    return this;
  }

  /** The {@code Item} elements (live list). */
  public List<Item> items() {
    return items;
  }

  /** One supplier: {@code Key/Supplier} plus the fields to set. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Item {
    @XmlElement(name = "Key")
    private SupplierKey key;

    @XmlElement(name = "SupplierName")
    private String supplierName;

    @XmlElement(name = "SupShortName")
    private String supShortName;

    @XmlElement(name = "Telephone")
    private String telephone;

    @XmlElement(name = "Contact")
    private String contact;

    @XmlElement(name = "Branch")
    private String branch;

    @XmlElement(name = "TermsCode")
    private String termsCode;

    @XmlElement(name = "Currency")
    private String currency;

    @XmlElement(name = "Email")
    private String email;

    @XmlElement(name = "OnHold")
    private String onHold;

    @XmlElement(name = "TaxRegnNum")
    private String taxRegnNum;

    @XmlElement(name = "SupAddr1")
    private String supAddr1;

    @XmlElement(name = "SupAddr2")
    private String supAddr2;

    @XmlElement(name = "SupAddr3")
    private String supAddr3;

    @XmlElement(name = "SupAddr4")
    private String supAddr4;

    @XmlElement(name = "SupAddr5")
    private String supAddr5;

    @XmlElement(name = "SupPostalCode")
    private String supPostalCode;

    /** An empty element. */
    public Item() {}

    /** Sets {@code Key}. */
    public Item key(SupplierKey value) {
      this.key = value;
      return this;
    }

    /** {@code Key}, or null. */
    public SupplierKey key() {
      return key;
    }

    /** Sets {@code SupplierName}. */
    public Item supplierName(String value) {
      this.supplierName = value;
      return this;
    }

    /** {@code SupplierName}, or null. */
    public String supplierName() {
      return supplierName;
    }

    /** Sets {@code SupShortName}. */
    public Item supShortName(String value) {
      this.supShortName = value;
      return this;
    }

    /** {@code SupShortName}, or null. */
    public String supShortName() {
      return supShortName;
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

    /** Sets {@code Branch}. */
    public Item branch(String value) {
      this.branch = value;
      return this;
    }

    /** {@code Branch}, or null. */
    public String branch() {
      return branch;
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

    /** Sets {@code OnHold} ({@code Y}/{@code N}). */
    public Item onHold(boolean value) {
      this.onHold = value ? "Y" : "N";
      return this;
    }

    /** {@code OnHold} ({@code Y}/{@code N}), or null. */
    public String onHold() {
      return onHold;
    }

    /** Sets {@code TaxRegnNum}. */
    public Item taxRegnNum(String value) {
      this.taxRegnNum = value;
      return this;
    }

    /** {@code TaxRegnNum}, or null. */
    public String taxRegnNum() {
      return taxRegnNum;
    }

    /** Sets {@code SupAddr1}. */
    public Item supAddr1(String value) {
      this.supAddr1 = value;
      return this;
    }

    /** {@code SupAddr1}, or null. */
    public String supAddr1() {
      return supAddr1;
    }

    /** Sets {@code SupAddr2}. */
    public Item supAddr2(String value) {
      this.supAddr2 = value;
      return this;
    }

    /** {@code SupAddr2}, or null. */
    public String supAddr2() {
      return supAddr2;
    }

    /** Sets {@code SupAddr3}. */
    public Item supAddr3(String value) {
      this.supAddr3 = value;
      return this;
    }

    /** {@code SupAddr3}, or null. */
    public String supAddr3() {
      return supAddr3;
    }

    /** Sets {@code SupAddr4}. */
    public Item supAddr4(String value) {
      this.supAddr4 = value;
      return this;
    }

    /** {@code SupAddr4}, or null. */
    public String supAddr4() {
      return supAddr4;
    }

    /** Sets {@code SupAddr5}. */
    public Item supAddr5(String value) {
      this.supAddr5 = value;
      return this;
    }

    /** {@code SupAddr5}, or null. */
    public String supAddr5() {
      return supAddr5;
    }

    /** Sets {@code SupPostalCode}. */
    public Item supPostalCode(String value) {
      this.supPostalCode = value;
      return this;
    }

    /** {@code SupPostalCode}, or null. */
    public String supPostalCode() {
      return supPostalCode;
    }
  }

  /** {@code Key}: the supplier code. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class SupplierKey {
    @XmlElement(name = "Supplier")
    private String supplier;

    /** An empty element. */
    public SupplierKey() {}

    /** Sets {@code Supplier}. */
    public SupplierKey supplier(String value) {
      this.supplier = value;
      return this;
    }

    /** {@code Supplier}, or null. */
    public String supplier() {
      return supplier;
    }
  }
}
