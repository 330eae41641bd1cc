package io.mlconnector.testkit.sapb1.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The simulator's settings, filled by the public builder; copied once at start. */
public final class SimConfig {
  public String companyDb = "SBODEMOUS";
  public Map<String, String> users = new LinkedHashMap<>();
  public String version = "1000280";
  public int sessionTimeoutMinutes = 30;
  public int maxSessionsPerUser = 0;
  public @Nullable String routeId = ".node1";
  public int loginFailedStatus = 401;
  public int seatsExhaustedStatus = 401;
  public String seatsExhaustedCode = "100000048";
  public String seatsExhaustedMessage = "No free license seat for this user";
  public int defaultPageSize = 20;
  public String v1DatePattern = "yyyy-MM-dd";
  public String v2DatePattern = "yyyy-MM-dd'T'00:00:00'Z'";
  public boolean v1CountAsString = false;
  public boolean v1EtagInBody = false;
  public boolean nullsPresent = true;
  public boolean paymentTouchesInvoice = true;
  public boolean v2RequiresContentId = true;
  public String localCurrency = "USD";
  public Map<String, Double> rates = new HashMap<>();
  public Map<String, Double> vatRates = new HashMap<>();
  public ZoneId zone = ZoneId.of("UTC");
  public int threads = 64;
  public int capacity = 0;
  public Duration latencyPerExcess = Duration.ofMillis(5);

  /** A deep copy. */
  public SimConfig copy() {
    SimConfig c = new SimConfig();
    c.companyDb = companyDb;
    c.users = new LinkedHashMap<>(users);
    c.version = version;
    c.sessionTimeoutMinutes = sessionTimeoutMinutes;
    c.maxSessionsPerUser = maxSessionsPerUser;
    c.routeId = routeId;
    c.loginFailedStatus = loginFailedStatus;
    c.seatsExhaustedStatus = seatsExhaustedStatus;
    c.seatsExhaustedCode = seatsExhaustedCode;
    c.seatsExhaustedMessage = seatsExhaustedMessage;
    c.defaultPageSize = defaultPageSize;
    c.v1DatePattern = v1DatePattern;
    c.v2DatePattern = v2DatePattern;
    c.v1CountAsString = v1CountAsString;
    c.v1EtagInBody = v1EtagInBody;
    c.nullsPresent = nullsPresent;
    c.paymentTouchesInvoice = paymentTouchesInvoice;
    c.v2RequiresContentId = v2RequiresContentId;
    c.localCurrency = localCurrency;
    c.rates = new HashMap<>(rates);
    c.vatRates = new HashMap<>(vatRates);
    c.zone = zone;
    c.threads = threads;
    c.capacity = capacity;
    c.latencyPerExcess = latencyPerExcess;
    return c;
  }
}
