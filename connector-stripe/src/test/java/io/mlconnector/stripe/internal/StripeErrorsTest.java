package io.mlconnector.stripe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class StripeErrorsTest {
  private static final String OP = "POST /v1/invoices";

  @Test
  void eachStripeExceptionLandsWhereACallerCanActOnIt() {
    assertThat(StripeErrors.map(OP, new InvalidRequestException("No such invoice", "id", "req_1", "resource_missing", 404, null)))
        .isInstanceOf(NotFoundException.class);
    assertThat(StripeErrors.map(OP, new InvalidRequestException("Bad param", "amount", "req_1", "parameter_invalid_integer", 400, null)))
        .isInstanceOf(RejectedException.class)
        .hasMessageContaining("(param amount)");
    assertThat(StripeErrors.map(OP, new IdempotencyException("Keys for idempotent requests ...", "req_1", null, 400)))
        .isInstanceOf(ConflictException.class);
    assertThat(StripeErrors.map(OP, new PermissionException("The provided key does not have access", "req_1", null, 403)))
        .isInstanceOf(io.mlconnector.core.error.AuthenticationException.class);
    assertThat(StripeErrors.map(OP, new CardException("Your card was declined.", "req_1", "card_declined", null, "generic_decline", "ch_1", 402, null)))
        .isInstanceOf(RejectedException.class);
    assertThat(StripeErrors.map(OP, new RateLimitException("Too many requests", null, "req_1", "rate_limit", 429, null)))
        .isInstanceOf(RateLimitedException.class);
    assertThat(StripeErrors.map(OP, new RateLimitException("Object locked", null, "req_1", "lock_timeout", 429, null)))
        .isExactlyInstanceOf(TransientException.class);
    assertThat(StripeErrors.map(OP, new ApiException("Conflict", "req_1", null, 409, null))).isInstanceOf(TransientException.class);
    assertThat(StripeErrors.map(OP, new ApiException("Internal", "req_1", null, 503, null))).isInstanceOf(TransientException.class);
    assertThat(StripeErrors.map(OP, new ApiConnectionException("connect failed", new ConnectException("refused"))))
        .isInstanceOf(TransientException.class)
        .satisfies(e -> assertThat(((ConnectorException) e).httpStatus()).isZero());
  }

  @Test
  void theDetailsNameOperationStatusCodeAndRequest() {
    ConnectorException e = StripeErrors.map(OP, new InvalidRequestException("No such customer: 'cus_x'", "customer", "req_abc", "resource_missing", 404, null));

    assertThat(e.system()).isEqualTo("stripe");
    assertThat(e.operation()).isEqualTo(OP);
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.remoteCode()).isEqualTo("resource_missing");
    assertThat(e.requestId()).isEqualTo("req_abc");
    assertThat(e.getMessage()).isEqualTo("stripe POST /v1/invoices failed: HTTP 404, code resource_missing, No such customer: 'cus_x' (param customer) (request req_abc)");
  }

  @Test
  void keyLikeTextIsScrubbedAndTheCauseDropped() {
    AuthenticationException stripe = new AuthenticationException("Invalid API Key provided: sk_live_abcdef123456", "req_k", null, 401);

    ConnectorException e = StripeErrors.map("GET /v1/account", stripe);

    assertThat(e.getMessage()).doesNotContain("sk_live_abcdef123456").contains("<redacted>");
    assertThat(e.getCause()).isNull();
    assertThat(Redaction.scrub("whsec_abc+/= and rk_test_Z9 and sk_test_****1234")).isEqualTo("<redacted> and <redacted> and <redacted>");
  }
}
