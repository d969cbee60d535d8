/**
 * Single-use, purpose-scoped links (password reset, email verification): issuing and
 * redeeming them, and the values that carry a raw link token to the application exactly once.
 */
package dev.gatehouse.token;
