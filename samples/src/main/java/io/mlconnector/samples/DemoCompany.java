package io.mlconnector.samples;

import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.ArInvoiceLine;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Seeds a realistic company into the SYSPRO simulator: customers across eight currencies and AR
 * invoices of two to four taxed lines each (every customer with a tax registration number), generated from a seed (the same seed, the same
 * company).
 */
public final class DemoCompany {
  private static final String[][] CUSTOMERS = {
    {"C1000", "Northwind Traders", "USD", "ap@northwind.test", "0", "91-1234567"},
    {"C1001", "Café Zürich AG", "CHF", "kreditoren@cafe-zuerich.test", "8.1", "CHE-116.281.710 MWST"},
    {"C1002", "Müller Maschinenbau GmbH", "EUR", "rechnung@mueller-mb.test", "19", "DE811234567"},
    {"C1003", "Brighton Tea Company", "GBP", "accounts@brightontea.test", "20", "GB123456789"},
    {"C1004", "Sakura Trading KK", "JPY", "keiri@sakura-trading.test", "10", "T1234567890123"},
    {"C1005", "Maple Leaf Supplies", "CAD", "payables@mapleleaf.test", "5", "123456789RT0001"},
    {"C1006", "Outback Outfitters", "AUD", "accounts@outback.test", "10", "51 824 753 556"},
    {"C1007", "Fjord Fisheries AS", "NOK", "faktura@fjordfisk.test", "25", "NO923456789MVA"},
  };
  private static final String[][] ADDRESSES = {
    {"1200 Harbor Blvd", "Seattle WA", "98101"},
    {"Bahnhofstrasse 12", "Zürich", "8001"},
    {"Industriestraße 7", "Stuttgart", "70565"},
    {"14 Marine Parade", "Brighton", "BN2 1TL"},
    {"2-3-1 Marunouchi", "Chiyoda-ku, Tokyo", "100-0005"},
    {"88 Queen St W", "Toronto ON", "M5H 2N2"},
    {"21 George St", "Sydney NSW", "2000"},
    {"Bryggen 4", "Bergen", "5003"},
  };
  private static final String SETUP_PARAMETERS =
      "<SetupArCustomer><Parameters><IgnoreWarnings>N</IgnoreWarnings>"
          + "<ApplyIfEntireDocumentValid>Y</ApplyIfEntireDocumentValid><ValidateOnly>N</ValidateOnly></Parameters>"
          + "</SetupArCustomer>";
  private static final String[][] ITEMS = {
    {"A100", "Espresso machine service", "180.00"},
    {"A200", "Grinder burr set", "42.50"},
    {"B300", "Arabica beans 1 kg", "18.90"},
    {"B310", "Decaf beans 1 kg", "21.40"},
    {"C400", "Milk frother", "64.00"},
    {"D500", "Barista training (day)", "450.00"},
    {"E600", "Water filter cartridge", "12.75"},
  };

  private DemoCompany() {}

  /** How many customers {@link #seed} can create at most with distinct names. */
  public static int customerCount() {
    return CUSTOMERS.length;
  }

  /** The customer codes used for {@code customers} customers. */
  public static List<String> customerCodes(int customers) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      out.add(code(i));
    }
    return out;
  }

  /** The tax registration number of customer {@code i} (made unique beyond the named ones). */
  private static String taxId(int i, String base) {
    return i < CUSTOMERS.length ? base : base + "-" + (i / CUSTOMERS.length + 1);
  }

  private static String code(int i) {
    return i < CUSTOMERS.length ? CUSTOMERS[i][0] : String.format("C%04d", 1000 + i);
  }

  /**
   * Adds {@code customers} customers and {@code invoices} invoices spread over them, numbered
   * from {@code 100001}; returns the invoices.
   */
  public static List<ArInvoice> seed(SysproSimulator sim, int customers, int invoices, long seed) {
    Objects.requireNonNull(sim, "sim");
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be at least 1, was " + customers);
    }
    if (invoices < 0) {
      throw new IllegalArgumentException("invoices must not be negative, was " + invoices);
    }
    for (int i = 0; i < customers; i++) {
      String[] c = CUSTOMERS[i % CUSTOMERS.length];
      String name = i < CUSTOMERS.length ? c[1] : c[1] + " " + (i / CUSTOMERS.length + 1);
      sim.addCustomer(
          Customer.of(code(i), name).withCurrency(c[2]).withEmail(c[3]).withTaxId(taxId(i, c[5])));
    }
    Random random = new Random(seed);
    LocalDate today = LocalDate.ofInstant(sim.now(), java.time.ZoneOffset.UTC);
    List<ArInvoice> out = new ArrayList<>();
    for (int n = 0; n < invoices; n++) {
      int ci = n % customers;
      String[] c = CUSTOMERS[ci % CUSTOMERS.length];
      out.add(invoice(code(ci), c[2], new BigDecimal(c[4]), String.valueOf(100001 + n), today, random));
    }
    for (ArInvoice inv : out) {
      sim.addArInvoice(inv);
    }
    return out;
  }

  /**
   * Gives the first {@code customers} customers their sold-to address the way an ERP user would:
   * an ARSSCS update through e.net (the simulator's seeding API has no address fields).
   */
  public static void addAddresses(io.mlconnector.syspro.SysproClient syspro, int customers) {
    Objects.requireNonNull(syspro, "syspro");
    StringBuilder xml = new StringBuilder("<SetupArCustomer>");
    for (int i = 0; i < customers; i++) {
      String[] a = ADDRESSES[i % ADDRESSES.length];
      xml.append("<Item><Key><Customer>").append(code(i)).append("</Customer></Key>")
          .append("<SoldToAddr1>").append(a[0]).append("</SoldToAddr1>")
          .append("<SoldToAddr2>").append(a[1]).append("</SoldToAddr2>")
          .append("<SoldPostalCode>").append(a[2]).append("</SoldPostalCode></Item>");
    }
    xml.append("</SetupArCustomer>");
    syspro.setup(io.mlconnector.syspro.SetupMethod.UPDATE, "ARSSCS", SETUP_PARAMETERS, xml.toString());
  }

  /**
   * A demo customer, the same for every ERP the demo simulates.
   *
   * @param code the customer code
   * @param name the name
   * @param currency the ISO currency code
   * @param email the billing email
   * @param taxRate the sales tax rate in percent
   * @param taxId the tax registration number
   * @param street the street line
   * @param city the city line
   * @param postalCode the postal code
   */
  public record DemoCustomer(String code, String name, String currency, String email, BigDecimal taxRate,
      String taxId, String street, String city, String postalCode) {}

  /**
   * A demo invoice line.
   *
   * @param line the line number, from 1
   * @param item the item code
   * @param description the description
   * @param quantity the quantity
   * @param net the net amount
   * @param tax the tax amount
   */
  public record DemoLine(int line, String item, String description, BigDecimal quantity, BigDecimal net,
      BigDecimal tax) {}

  /**
   * A demo invoice, the same for every ERP the demo simulates.
   *
   * @param customer the customer code
   * @param number the invoice number (from {@code 100001})
   * @param currency the ISO currency code
   * @param date the invoice date
   * @param total net plus tax
   * @param tax the tax
   * @param lines two to four lines
   */
  public record DemoInvoice(String customer, String number, String currency, LocalDate date, BigDecimal total,
      BigDecimal tax, List<DemoLine> lines) {}

  /** The first {@code customers} demo customers (for an ERP simulator other than SYSPRO's). */
  public static List<DemoCustomer> customers(int customers) {
    List<DemoCustomer> out = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      String[] c = CUSTOMERS[i % CUSTOMERS.length];
      String[] a = ADDRESSES[i % ADDRESSES.length];
      String name = i < CUSTOMERS.length ? c[1] : c[1] + " " + (i / CUSTOMERS.length + 1);
      out.add(new DemoCustomer(code(i), name, c[2], c[3], new BigDecimal(c[4]), taxId(i, c[5]), a[0], a[1], a[2]));
    }
    return out;
  }

  /**
   * {@code invoices} demo invoices spread over {@code customers} customers, dated {@code today}:
   * the same invoices {@link #seed} adds to SYSPRO for the same seed.
   */
  public static List<DemoInvoice> invoices(int customers, int invoices, long seed, LocalDate today) {
    Random random = new Random(seed);
    List<DemoInvoice> out = new ArrayList<>();
    for (int n = 0; n < invoices; n++) {
      int ci = n % customers;
      String[] c = CUSTOMERS[ci % CUSTOMERS.length];
      ArInvoice inv = invoice(code(ci), c[2], new BigDecimal(c[4]), String.valueOf(100001 + n), today, random);
      List<DemoLine> lines = new ArrayList<>();
      for (ArInvoiceLine l : inv.lines()) {
        lines.add(new DemoLine(l.line(), l.stockCode(), l.description(), l.quantity(), l.netValue(), l.taxValue()));
      }
      out.add(new DemoInvoice(inv.customer(), inv.invoice(), c[2], inv.invoiceDate(), inv.value(), inv.tax(), lines));
    }
    return out;
  }

  /** One generated invoice (not added). */
  static ArInvoice invoice(String customer, String currency, BigDecimal taxRate, String number, LocalDate date, Random random) {
    int scale = "JPY".equals(currency) ? 0 : 2;
    BigDecimal factor = "JPY".equals(currency) ? new BigDecimal("150") : BigDecimal.ONE;
    int count = 2 + random.nextInt(3);
    List<ArInvoiceLine> lines = new ArrayList<>();
    BigDecimal value = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    for (int l = 1; l <= count; l++) {
      String[] item = ITEMS[random.nextInt(ITEMS.length)];
      BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(12));
      BigDecimal net = new BigDecimal(item[2]).multiply(factor).multiply(qty).setScale(scale, RoundingMode.HALF_UP);
      BigDecimal lineTax = net.multiply(taxRate).movePointLeft(2).setScale(scale, RoundingMode.HALF_UP);
      lines.add(new ArInvoiceLine(l, item[0], item[1], qty, net, lineTax));
      value = value.add(net).add(lineTax);
      tax = tax.add(lineTax);
    }
    return ArInvoice.of(customer, number, date, value).withTax(tax).withLines(lines)
        .withCustomerPoNumber("PO-" + number);
  }
}
