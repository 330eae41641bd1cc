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
 * GENTJL posting ({@code PostGlJournal}): journals whose {@code EntryAmount}s sum to zero (debits
 * positive, credits negative: SYSPRO's sign convention is unconfirmed, see the README).
 */
@XmlRootElement(name = "PostGlJournal")
@XmlAccessorType(XmlAccessType.FIELD)
public final class GlJournalPost implements BusinessObjectDocument {
  @XmlElement(name = "Item")
  private List<Item> items = new ArrayList<>();

  /** An empty element. */
  public GlJournalPost() {}

  @Override
  public String businessObject() {
    return "GENTJL";
  }

  /** Adds one {@code Item}. */
  public GlJournalPost addItems(Item value) {
    items.add(Objects.requireNonNull(value, "items"));
    return this;
  }

  /** The {@code Item} elements (live list). */
  public List<Item> items() {
    return items;
  }

  /** {@code Item}: one journal. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Item {
    @XmlElement(name = "JournalType")
    private String journalType;

    @XmlElement(name = "JournalNumber")
    private String journalNumber;

    @XmlElement(name = "PostJournal")
    private String postJournal;

    @XmlElement(name = "JournalDate")
    private String journalDate;

    @XmlElement(name = "JournalReference")
    private String journalReference;

    @XmlElement(name = "Notation")
    private String notation;

    @XmlElement(name = "PostingPeriod")
    private String postingPeriod;

    @XmlElement(name = "PostingYear")
    private String postingYear;

    @XmlElement(name = "SourceCode")
    private String sourceCode;

    @XmlElement(name = "Currency")
    private String currency;

    @XmlElement(name = "JournalDetails")
    private List<JournalDetail> journalDetails = new ArrayList<>();

    /** An empty element. */
    public Item() {}

    /** Sets {@code JournalType}. */
    public Item journalType(String value) {
      this.journalType = value;
      return this;
    }

    /** {@code JournalType}, or null. */
    public String journalType() {
      return journalType;
    }

    /** Sets {@code JournalNumber}. */
    public Item journalNumber(String value) {
      this.journalNumber = value;
      return this;
    }

    /** {@code JournalNumber}, or null. */
    public String journalNumber() {
      return journalNumber;
    }

    /** Sets {@code PostJournal} ({@code Y}/{@code N}). */
    public Item postJournal(boolean value) {
      this.postJournal = value ? "Y" : "N";
      return this;
    }

    /** {@code PostJournal} ({@code Y}/{@code N}), or null. */
    public String postJournal() {
      return postJournal;
    }

    /** Sets {@code JournalDate} (written CCYY-MM-DD; null leaves it out). */
    public Item journalDate(LocalDate value) {
      this.journalDate = value == null ? null : value.toString();
      return this;
    }

    /** {@code JournalDate} as written, or null. */
    public String journalDate() {
      return journalDate;
    }

    /** Sets {@code JournalReference}. */
    public Item journalReference(String value) {
      this.journalReference = value;
      return this;
    }

    /** {@code JournalReference}, or null. */
    public String journalReference() {
      return journalReference;
    }

    /** Sets {@code Notation}. */
    public Item notation(String value) {
      this.notation = value;
      return this;
    }

    /** {@code Notation}, or null. */
    public String notation() {
      return notation;
    }

    /** Sets {@code PostingPeriod}. */
    public Item postingPeriod(String value) {
      this.postingPeriod = value;
      return this;
    }

    /** {@code PostingPeriod}, or null. */
    public String postingPeriod() {
      return postingPeriod;
    }

    /** Sets {@code PostingYear}. */
    public Item postingYear(String value) {
      this.postingYear = value;
      return this;
    }

    /** {@code PostingYear}, or null. */
    public String postingYear() {
      return postingYear;
    }

    /** Sets {@code SourceCode}. */
    public Item sourceCode(String value) {
      this.sourceCode = value;
      return this;
    }

    /** {@code SourceCode}, or null. */
    public String sourceCode() {
      return sourceCode;
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

    /** Adds one {@code JournalDetails}. */
    public Item addJournalDetails(JournalDetail value) {
      journalDetails.add(Objects.requireNonNull(value, "journalDetails"));
      return this;
    }

    /** The {@code JournalDetails} elements (live list). */
    public List<JournalDetail> journalDetails() {
      return journalDetails;
    }
  }

  /** {@code JournalDetails}: one entry. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class JournalDetail {
    @XmlElement(name = "LedgerCode")
    private String ledgerCode;

    @XmlElement(name = "Reference")
    private String reference;

    @XmlElement(name = "EntryAmount")
    private BigDecimal entryAmount;

    @XmlElement(name = "Comment")
    private String comment;

    /** An empty element. */
    public JournalDetail() {}

    /** Sets {@code LedgerCode}. */
    public JournalDetail ledgerCode(String value) {
      this.ledgerCode = value;
      return this;
    }

    /** {@code LedgerCode}, or null. */
    public String ledgerCode() {
      return ledgerCode;
    }

    /** Sets {@code Reference}. */
    public JournalDetail reference(String value) {
      this.reference = value;
      return this;
    }

    /** {@code Reference}, or null. */
    public String reference() {
      return reference;
    }

    /** Sets {@code EntryAmount}. */
    public JournalDetail entryAmount(BigDecimal value) {
      this.entryAmount = value;
      return this;
    }

    /** {@code EntryAmount}, or null. */
    public BigDecimal entryAmount() {
      return entryAmount;
    }

    /** Sets {@code Comment}. */
    public JournalDetail comment(String value) {
      this.comment = value;
      return this;
    }

    /** {@code Comment}, or null. */
    public String comment() {
      return comment;
    }
  }
}
