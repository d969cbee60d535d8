/**
 * Passkeys (WebAuthn Level 3): register them, list, rename and delete them, and the options a browser
 * needs for {@code navigator.credentials.create} and {@code navigator.credentials.get}
 * ({@link dev.gatehouse.passkey.PasskeyService}). Signing in with one is
 * {@link dev.gatehouse.account.AuthService#signInWithPasskey}; re-authenticating with one is
 * {@link dev.gatehouse.account.AuthService#reauthenticate} with {@link dev.gatehouse.mfa.Factor#PASSKEY}.
 * See {@code docs/PASSKEYS.md}.
 */
package dev.gatehouse.passkey;
