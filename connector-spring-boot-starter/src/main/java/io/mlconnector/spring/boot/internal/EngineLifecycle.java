package io.mlconnector.spring.boot.internal;

import io.mlconnector.spring.boot.MlcIntegrations;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the integrations' engines once the context is refreshed (after the web server) and stops
 * them first on shutdown: no new run starts, runs in progress finish their records in flight, and
 * what cannot finish within the timeout stays PENDING for the next start's recovery.
 */
public final class EngineLifecycle implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(EngineLifecycle.class);

  private final MlcIntegrations integrations;
  private final boolean autoStart;
  private final Duration timeout;
  private volatile boolean running;

  /** The lifecycle of {@code integrations}. */
  public EngineLifecycle(MlcIntegrations integrations, boolean autoStart, Duration timeout) {
    this.integrations = integrations;
    this.autoStart = autoStart;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    for (MlcIntegrations.Running r : integrations.all()) {
      r.engine().start();
      log.info("integration {} started for tenants {}", r.name(), r.tenants());
    }
    running = true;
  }

  @Override
  public void stop() {
    if (!running) {
      return;
    }
    running = false;
    boolean clean = integrations.shutdown(timeout);
    if (clean) {
      log.info("integrations stopped; every record in flight was finished");
    } else {
      log.warn("integrations did not stop within {}; unfinished writes stay PENDING and are recovered at the next start",
          timeout);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStart;
  }

  /** Starts last and stops first: the web server is up before the engines run and still up while they stop. */
  @Override
  public int getPhase() {
    return DEFAULT_PHASE;
  }
}
