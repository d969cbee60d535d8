/**
 * Sessions behind {@code dev.gatehouse.session}, and the per-node resolve cache. Not API.
 */
package dev.gatehouse.internal.session;
