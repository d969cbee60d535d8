/** TOTP, recovery codes, the otpauth URI and its QR code behind {@code dev.gatehouse.mfa}. Not API. */
package dev.gatehouse.internal.mfa;
