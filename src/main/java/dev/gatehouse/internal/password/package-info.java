/**
 * Password rules: length, normalisation (NFKC), common and breached passwords. Not API.
 */
package dev.gatehouse.internal.password;
