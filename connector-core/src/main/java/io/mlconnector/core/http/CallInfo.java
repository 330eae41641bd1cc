package io.mlconnector.core.http;

/**
 * Identifies one logical call for {@link TransportListener} events. Carries no URL query, header
 * or body, so it never holds a secret.
 *
 * @param key the credential the call runs under
 * @param tenant the tenant
 * @param operation the operation name ({@code "GET /v1/customers"} by default)
 * @param method the HTTP method
 */
public record CallInfo(CredentialKey key, String tenant, String operation, String method) {}
