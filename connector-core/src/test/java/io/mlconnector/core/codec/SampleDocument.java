package io.mlconnector.core.codec;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A SYSPRO-like business-object document used by the XML tests. */
@XmlRootElement(name = "ArCustomer")
@XmlAccessorType(XmlAccessType.FIELD)
public class SampleDocument {
  @XmlAttribute(name = "Language")
  public String language;

  @XmlElement(name = "Customer")
  public String customer;

  @XmlElement(name = "Name")
  public String name;

  @XmlElement(name = "Balance")
  public BigDecimal balance;

  @XmlElement(name = "Line")
  public List<Line> lines = new ArrayList<>();

  /** One line of the sample document. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Line {
    @XmlElement(name = "Description")
    public String description;

    @XmlElement(name = "Amount")
    public BigDecimal amount;

    public Line() {}

    Line(String description, String amount) {
      this.description = description;
      this.amount = new BigDecimal(amount);
    }
  }
}
