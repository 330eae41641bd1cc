package io.mlconnector.spring.boot.internal;

import io.mlconnector.core.sync.WebhookIntake;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.spring.boot.MlcIntegrations;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST ${mlc.webhooks.path:/webhooks}/{system}/{tenant}}: hands the delivery, its headers
 * and its raw body to the webhook intake of each integration whose collector is {@code system} and
 * that serves {@code tenant} (one signature check, one group-committed row per flow that handles the
 * event's type); answers 200 only when each one stored it durably (a duplicate too), the first
 * refusal otherwise. An unknown tenant is answered like a bad signature (401), so tenant names
 * cannot be probed. It sits behind whatever security the application configures for that path.
 */
@RestController
public class WebhookController {
  /** What an unknown tenant and a bad signature are both answered. */
  static final WebhookResponse REFUSED = new WebhookResponse(401, "signature verification failed");
  private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

  private final MlcIntegrations integrations;
  private final int maxBodyBytes;

  /** The handler over {@code integrations}, refusing bodies larger than {@code maxBodyBytes}. */
  public WebhookController(MlcIntegrations integrations, int maxBodyBytes) {
    this.integrations = integrations;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Receives one delivery. */
  @PostMapping("${mlc.webhooks.path:/webhooks}/{system}/{tenant}")
  public ResponseEntity<String> receive(@PathVariable("system") String system, @PathVariable("tenant") String tenant,
      HttpServletRequest request) {
    List<WebhookIntake> intakes = new ArrayList<>();
    boolean systemKnown = false;
    for (MlcIntegrations.Running r : integrations.all()) {
      if (r.receivables().isPresent() && r.secondSystem().equals(system)) {
        systemKnown = true;
        if (r.tenants().contains(tenant)) {
          r.receivables().ifPresent(i -> intakes.add(i.webhookIntake()));
        }
      }
    }
    if (!systemKnown) {
      return answer(new WebhookResponse(404, "not found"));
    }
    if (request.getContentLengthLong() > maxBodyBytes) {
      return answer(new WebhookResponse(413, "body too large"));
    }
    byte[] body;
    try {
      body = read(request.getInputStream());
    } catch (IOException e) {
      return answer(new WebhookResponse(400, "body not read"));
    }
    if (body == null) {
      return answer(new WebhookResponse(413, "body too large"));
    }
    if (intakes.isEmpty()) {
      log.debug("webhook delivery for {} tenant {} refused: no integration serves it", system, tenant);
      return answer(REFUSED);
    }
    Map<String, List<String>> headers = headers(request);
    WebhookResponse answer = null;
    try {
      for (WebhookIntake intake : intakes) {
        WebhookResponse r = intake.handle(tenant, headers, body);
        if (answer == null || (answer.accepted() && !r.accepted())) {
          answer = r;
        }
      }
    } catch (RuntimeException e) {
      log.error("webhook delivery for {} tenant {} not stored", system, tenant, e);
      return answer(new WebhookResponse(503, "not stored; retry later"));
    }
    if (answer.status() == 401 || answer.status() == 404) {
      log.debug("webhook delivery for {} tenant {} refused: {} {}", system, tenant, answer.status(), answer.body());
      return answer(REFUSED);
    }
    return answer(answer);
  }

  private byte @Nullable [] read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(maxBodyBytes + 1);
    return bytes.length > maxBodyBytes ? null : bytes;
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      out.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .addAll(Collections.list(request.getHeaders(name)));
    }
    return out;
  }

  private static ResponseEntity<String> answer(WebhookResponse r) {
    return ResponseEntity.status(r.status()).contentType(MediaType.TEXT_PLAIN).body(r.body());
  }
}
