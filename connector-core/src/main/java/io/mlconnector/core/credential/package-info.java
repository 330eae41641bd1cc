/**
 * Credentials kept encrypted at rest: {@link io.mlconnector.core.credential.CredentialStore}
 * (AES-256-GCM, tenant and system bound as associated data, key id in every envelope for
 * rotation), the {@link io.mlconnector.core.credential.KeyProvider} SPI with environment and PKCS12
 * providers, the {@link io.mlconnector.core.credential.CredentialStorage} SPI with in-memory and
 * directory storage, and {@link io.mlconnector.core.credential.Secret}, a value whose {@code
 * toString} is redacted.
 */
@NullMarked
package io.mlconnector.core.credential;

import org.jspecify.annotations.NullMarked;
