/**
 * Second factors: TOTP authenticator apps and single-use recovery codes
 * ({@link dev.gatehouse.mfa.MfaService}), and what a sign-in that needs one returns
 * ({@link dev.gatehouse.mfa.MfaChallenge}). See {@code docs/ACCOUNT-SECURITY.md}.
 */
package dev.gatehouse.mfa;
