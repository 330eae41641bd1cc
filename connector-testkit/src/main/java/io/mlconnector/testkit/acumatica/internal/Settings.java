package io.mlconnector.testkit.acumatica.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The simulator's settings (copied from the builder; mutable only where documented). */
public final class Settings {
  public String site = "AcumaticaERP";
  public String tenant = "MyTenant";
  public String buildVersion = "24.211.0012";
  public List<String> versions = new ArrayList<>(List.of("22.200.001", "23.200.001", "24.200.001"));
  public ZoneId zone = ZoneOffset.UTC;
  public Map<String, String> users = new LinkedHashMap<>();
  public Map<String, String> oauthClients = new LinkedHashMap<>();
  public int badCredentialsStatus = 500;
  public int loginLimitStatus = 429;
  public int bareEntityPostStatus = 405;
  public Duration cookieIdleTimeout = Duration.ofMinutes(20);
  public Duration accessTokenLifetime = Duration.ofSeconds(3600);
  public Duration refreshChain = Duration.ofDays(30);
  public volatile int maxApiUsers = Integer.MAX_VALUE;
  public volatile int maxConcurrentRequests = Integer.MAX_VALUE;
  public volatile int requestsPerMinute = 0;
  public volatile boolean declineOverRate = false;
  public int maxQueued = 20;
  public Duration maxQueueWait = Duration.ofMinutes(10);
  public volatile int actionPolls = 1;
  public volatile Duration actionDuration = Duration.ofSeconds(5);
  public volatile boolean sessionBlockedByAction = true;
  public String statusOnHold = "On Hold";
  public String statusBalanced = "Balanced";
  public String statusOpen = "Open";
  public String statusClosed = "Closed";
  public String statusPosted = "Posted";
  public String statusVoided = "Voided";
  public boolean offsetInResponses = false;
  public boolean rejectUnknownFields = false;
  public Set<String> acceptedInvoiceDocTypes = new LinkedHashSet<>(List.of("Invoice", "INV"));
  public Set<String> forbiddenEntities = new LinkedHashSet<>();
  public int threads = 16;

  /** A copy. */
  public Settings copy() {
    Settings s = new Settings();
    s.site = site;
    s.tenant = tenant;
    s.buildVersion = buildVersion;
    s.versions = new ArrayList<>(versions);
    s.zone = zone;
    s.users = new LinkedHashMap<>(users);
    s.oauthClients = new LinkedHashMap<>(oauthClients);
    s.badCredentialsStatus = badCredentialsStatus;
    s.loginLimitStatus = loginLimitStatus;
    s.bareEntityPostStatus = bareEntityPostStatus;
    s.cookieIdleTimeout = cookieIdleTimeout;
    s.accessTokenLifetime = accessTokenLifetime;
    s.refreshChain = refreshChain;
    s.maxApiUsers = maxApiUsers;
    s.maxConcurrentRequests = maxConcurrentRequests;
    s.requestsPerMinute = requestsPerMinute;
    s.declineOverRate = declineOverRate;
    s.maxQueued = maxQueued;
    s.maxQueueWait = maxQueueWait;
    s.actionPolls = actionPolls;
    s.actionDuration = actionDuration;
    s.sessionBlockedByAction = sessionBlockedByAction;
    s.statusOnHold = statusOnHold;
    s.statusBalanced = statusBalanced;
    s.statusOpen = statusOpen;
    s.statusClosed = statusClosed;
    s.statusPosted = statusPosted;
    s.statusVoided = statusVoided;
    s.offsetInResponses = offsetInResponses;
    s.rejectUnknownFields = rejectUnknownFields;
    s.acceptedInvoiceDocTypes = new LinkedHashSet<>(acceptedInvoiceDocTypes);
    s.forbiddenEntities = new LinkedHashSet<>(forbiddenEntities);
    s.threads = threads;
    return s;
  }
}
