package io.mlconnector.core.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records transport events as short strings. */
final class RecordingListener implements TransportListener {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void callStart(CallInfo call) {
    events.add("start " + call.operation());
  }

  @Override
  public void retryScheduled(CallInfo call, int attempt, Duration delay, String reason) {
    events.add("retry " + attempt + " after " + delay + " because " + reason);
  }

  @Override
  public void rateLimitWait(CredentialKey key, Duration waited) {
    events.add("wait " + key + " " + waited);
  }

  @Override
  public void rateLimited(CredentialKey key, Duration pause, double newPermitsPerSecond) {
    events.add("rate-limited " + key + " pause " + pause + " rate " + newPermitsPerSecond);
  }

  @Override
  public void sessionRefreshed(CredentialKey key, boolean proactive) {
    events.add("session " + key + (proactive ? " proactive" : " reactive"));
  }

  @Override
  public void callEnd(CallInfo call, int status, int attempts, Duration elapsed) {
    events.add("end " + call.operation() + " " + status + " after " + attempts);
  }

  @Override
  public void callFailed(CallInfo call, Exception failure, Duration elapsed) {
    events.add("failed " + call.operation() + " " + failure.getClass().getSimpleName());
  }

  List<String> startingWith(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix)).toList();
  }
}
