/** Passkeys on webauthn4j: options, ceremonies, challenges and stored credentials. */
package dev.gatehouse.internal.passkey;
