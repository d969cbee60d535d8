/** Argon2id, PBKDF2 verification, random tokens and the API-token format. Not API. */
package dev.gatehouse.internal.crypto;
