/**
 * Single-use links behind {@code dev.gatehouse.token}. Not API.
 */
package dev.gatehouse.internal.token;
