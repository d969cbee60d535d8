/** Argon2id, PBKDF2 verification, random tokens, the API-token format, the keyring and sealed secrets. Not API. */
package dev.gatehouse.internal.crypto;
