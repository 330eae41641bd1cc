package io.mlconnector.spring.boot.internal;

import io.mlconnector.spring.boot.SettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a start-up stopped by bad {@code mlc.*} settings as Boot reports its own: what is wrong, what to do. */
public final class SettingFailureAnalyzer extends AbstractFailureAnalyzer<SettingException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SettingException cause) {
    return new FailureAnalysis("ml-connector is not configured correctly:\n  " + cause.getMessage().replace("\n", "\n  "),
        "Correct " + String.join(", ", cause.properties())
            + " (see the starter's README for each system's keys; secrets may come from the environment).",
        cause);
  }
}
