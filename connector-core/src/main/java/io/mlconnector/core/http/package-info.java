/**
 * The HTTP transport every connector uses, on OkHttp.
 *
 * <p>One {@link io.mlconnector.core.http.HttpTransport} per process owns the connection pool, the
 * dispatcher, the {@linkplain io.mlconnector.core.http.RateBudgetRegistry rate budgets} and the
 * sessions. Each tenant of each system gets a {@link io.mlconnector.core.http.TenantClient}
 * derived from it ({@code OkHttpClient.newBuilder()}, so pools are shared) with its own {@link
 * io.mlconnector.core.http.TenantConfig}: base URL, timeouts, proxy, TLS verification (on unless
 * explicitly turned off, which is logged at WARN), retry policy, rate budget, session
 * authenticator, redaction and error decoding.
 *
 * <p>Each call passes through, outermost first:
 *
 * <ol>
 *   <li><b>retry</b> ({@link io.mlconnector.core.http.RetryPolicy}): I/O failures and 429 / 502 /
 *       503 / 504 (500 optional, plus a per-system {@link io.mlconnector.core.http.RetryClassifier})
 *       are retried with full-jitter exponential backoff or the answer's {@code Retry-After}, within
 *       a maximum number of attempts and a maximum total time, and only for requests safe to
 *       repeat: reads, PUT upserts and deletes, requests carrying an idempotency key (every attempt
 *       carries the same key), and requests marked repeatable with {@link
 *       io.mlconnector.core.http.RequestOptions}. A plain POST is never repeated: when it fails
 *       without an answer, or with a 5xx, the caller gets an {@link
 *       io.mlconnector.core.error.OutcomeUnknownException} ("may have landed");
 *   <li><b>session</b> ({@link io.mlconnector.core.http.SessionAuthenticator}): one login at a time
 *       per credential, shared by the callers waiting for it; renewal ahead of expiry; on an
 *       expired-session answer one refresh and one repeat;
 *   <li><b>call slots</b> ({@link io.mlconnector.core.http.TenantConfig.Builder#maxConcurrentCalls(int)},
 *       optional): at most N calls in flight per credential, for remotes that serve one call per
 *       session at a time;
 *   <li><b>rate budget</b> ({@link io.mlconnector.core.http.RateBudget}): one permit per attempt
 *       from the budget of the (system, credential) pair, shared by every client of that
 *       credential; a 429 halves the rate and pauses the whole budget for its {@code Retry-After};
 *       the rate then recovers step by step up to its ceiling;
 *   <li><b>logging</b> ({@link io.mlconnector.core.http.HttpLogLevel}): DEBUG only, on logger
 *       {@code io.mlconnector.core.http.wire}, with secrets masked by the {@link
 *       io.mlconnector.core.http.Redactor}.
 * </ol>
 *
 * <p>{@link io.mlconnector.core.http.TenantClient#execute(okhttp3.Request,
 * io.mlconnector.core.http.ResponseHandler)} maps a non-2xx answer to the {@link
 * io.mlconnector.core.error.ConnectorException} subclass for its status (see {@link
 * io.mlconnector.core.http.ErrorMapper}). A {@link io.mlconnector.core.http.TransportListener}
 * receives call, retry, rate-limit and session events. Every wait goes through an injectable
 * {@link io.mlconnector.core.http.Sleeper} and {@link java.time.Clock}, so tests never wait.
 */
@NullMarked
package io.mlconnector.core.http;

import org.jspecify.annotations.NullMarked;
