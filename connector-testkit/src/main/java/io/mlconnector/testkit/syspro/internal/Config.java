package io.mlconnector.testkit.syspro.internal;

import io.mlconnector.testkit.syspro.BodyForm;
import io.mlconnector.testkit.syspro.BusyPolicy;
import io.mlconnector.testkit.syspro.ODataDateFormat;
import io.mlconnector.testkit.syspro.ODataPaging;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SecondLogonPolicy;
import io.mlconnector.testkit.syspro.SessionIdStyle;
import io.mlconnector.testkit.syspro.SysproMessage;
import io.mlconnector.testkit.syspro.SysproTable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The simulator's settings, filled by the public builder and not changed once the simulator runs.
 */
public final class Config {
  public String companyId = "EDU1";
  public String companyPassword = "";
  public String companyName = "Outdoor Café Company";
  public String localCurrency = "USD";
  public final Map<String, Operator> operators = new LinkedHashMap<>();
  public int licenceSeats = 10;
  public Duration idleTimeout = Duration.ofMinutes(20);
  public SecondLogonPolicy secondLogon = SecondLogonPolicy.EVICT_OLDEST;
  public BusyPolicy busyPolicy = BusyPolicy.SERIALISE;
  public BodyForm bodyForm = BodyForm.RAW;
  public SessionIdStyle sessionIdStyle = SessionIdStyle.SYSPRO_7;
  public long seed = 42;
  public final Map<SysproMessage, String> messages = new EnumMap<>(SysproMessage.class);
  public final Set<String> ignoreUnknownElements = new HashSet<>();
  public boolean numericCustomerKeys;
  public int numericKeyWidth = 15;
  public boolean padNumericKeys = true;
  public boolean strictParameterNames = true;
  public boolean acceptFormPostLd;
  public boolean checkApDistribution = true;
  public String sysproVersion = "8.0.0.30";
  public String boVersion = "8.0.030";
  public String restPath = "/SYSPROWCFService/Rest";
  public String odataPath = "/SYSPRO8Odata/SYSPROOData";
  public final Map<SysproTable, String> entitySets = new EnumMap<>(SysproTable.class);
  public ODataPaging odataPaging = ODataPaging.CAP_ONLY;
  public int odataMaxPageSize = 5000;
  public ODataDateFormat odataDateFormat = ODataDateFormat.DATE_TIME_OFFSET;
  public boolean odataExposeTimeStamp = true;
  public int threads = 16;

  public Config() {
    for (SysproTable t : SysproTable.values()) {
      entitySets.put(t, t.sqlName());
    }
  }

  /** The text of an e.net exception, formatted. */
  public String message(SysproMessage m, Object... args) {
    return String.format(messages.getOrDefault(m, m.defaultText()), args);
  }

  /** A copy, so the builder can be reused. */
  public Config copy() {
    Config c = new Config();
    c.companyId = companyId;
    c.companyPassword = companyPassword;
    c.companyName = companyName;
    c.localCurrency = localCurrency;
    c.operators.putAll(operators);
    c.licenceSeats = licenceSeats;
    c.idleTimeout = idleTimeout;
    c.secondLogon = secondLogon;
    c.busyPolicy = busyPolicy;
    c.bodyForm = bodyForm;
    c.sessionIdStyle = sessionIdStyle;
    c.seed = seed;
    c.messages.putAll(messages);
    c.ignoreUnknownElements.addAll(ignoreUnknownElements);
    c.numericCustomerKeys = numericCustomerKeys;
    c.numericKeyWidth = numericKeyWidth;
    c.padNumericKeys = padNumericKeys;
    c.strictParameterNames = strictParameterNames;
    c.acceptFormPostLd = acceptFormPostLd;
    c.checkApDistribution = checkApDistribution;
    c.sysproVersion = sysproVersion;
    c.boVersion = boVersion;
    c.restPath = restPath;
    c.odataPath = odataPath;
    c.entitySets.putAll(entitySets);
    c.odataPaging = odataPaging;
    c.odataMaxPageSize = odataMaxPageSize;
    c.odataDateFormat = odataDateFormat;
    c.odataExposeTimeStamp = odataExposeTimeStamp;
    c.threads = threads;
    return c;
  }

  /** Checks a builder argument. */
  public static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Checks a builder argument. */
  public static String path(String value, String name) {
    nonBlank(value, name);
    if (!value.startsWith("/") || value.endsWith("/")) {
      throw new IllegalArgumentException(
          name + " must start with '/' and not end with '/', was " + value);
    }
    return value;
  }

  /** Checks a builder argument. */
  public static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
    return value;
  }
}
