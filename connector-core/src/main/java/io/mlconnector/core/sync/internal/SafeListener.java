package io.mlconnector.core.sync.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.PlannedWrite;
import io.mlconnector.core.sync.RunInfo;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.SyncListener;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the host's listener, logging and ignoring a RuntimeException it throws. */
public final class SafeListener implements SyncListener {
  private static final Logger log = LoggerFactory.getLogger(SafeListener.class);
  private final SyncListener delegate;

  public SafeListener(SyncListener delegate) {
    this.delegate = delegate;
  }

  private void call(String hook, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("listener hook {} failed; ignored", hook, e);
    }
  }

  @Override
  public void runStarted(RunInfo run) {
    call("runStarted", () -> delegate.runStarted(run));
  }

  @Override
  public void runFinished(RunReport report) {
    call("runFinished", () -> delegate.runFinished(report));
  }

  @Override
  public void leaseAcquired(String tenant, String flow, String node) {
    call("leaseAcquired", () -> delegate.leaseAcquired(tenant, flow, node));
  }

  @Override
  public void leaseDenied(String tenant, String flow, String node) {
    call("leaseDenied", () -> delegate.leaseDenied(tenant, flow, node));
  }

  @Override
  public void leaseLost(String tenant, String flow, String node) {
    call("leaseLost", () -> delegate.leaseLost(tenant, flow, node));
  }

  @Override
  public void leaseReleased(String tenant, String flow, String node) {
    call("leaseReleased", () -> delegate.leaseReleased(tenant, flow, node));
  }

  @Override
  public void recordRead(RunInfo run, ExternalRef source, String version) {
    call("recordRead", () -> delegate.recordRead(run, source, version));
  }

  @Override
  public void recordMapped(RunInfo run, ExternalRef source, Object mapped) {
    call("recordMapped", () -> delegate.recordMapped(run, source, mapped));
  }

  @Override
  public void recordDeferred(
      RunInfo run, ExternalRef source, ExternalRef dependency, String reason, Instant retryAt) {
    call("recordDeferred", () -> delegate.recordDeferred(run, source, dependency, reason, retryAt));
  }

  @Override
  public void recordWritten(RunInfo run, ExternalRef source, ExternalRef target, String action) {
    call("recordWritten", () -> delegate.recordWritten(run, source, target, action));
  }

  @Override
  public void recordSkipped(RunInfo run, ExternalRef source, String reason) {
    call("recordSkipped", () -> delegate.recordSkipped(run, source, reason));
  }

  @Override
  public void recordFailed(RunInfo run, ExternalRef source, RuntimeException error, Instant retryAt) {
    call("recordFailed", () -> delegate.recordFailed(run, source, error, retryAt));
  }

  @Override
  public void recordParked(RunInfo run, ExternalRef source, String reason) {
    call("recordParked", () -> delegate.recordParked(run, source, reason));
  }

  @Override
  public void wouldWrite(RunInfo run, PlannedWrite write) {
    call("wouldWrite", () -> delegate.wouldWrite(run, write));
  }

  @Override
  public void cursorAdvanced(RunInfo run, String stream, String checkpoint) {
    call("cursorAdvanced", () -> delegate.cursorAdvanced(run, stream, checkpoint));
  }

  @Override
  public void webhookReceived(String tenant, String flow, String eventId, boolean duplicate) {
    call("webhookReceived", () -> delegate.webhookReceived(tenant, flow, eventId, duplicate));
  }

  @Override
  public void webhookRejected(String tenant, String flow, int status, String reason) {
    call("webhookRejected", () -> delegate.webhookRejected(tenant, flow, status, reason));
  }

  @Override
  public void fileArchived(RunInfo run, String fileName) {
    call("fileArchived", () -> delegate.fileArchived(run, fileName));
  }
}
