/**
 * API tokens behind {@code dev.gatehouse.apitoken}, and their wire format. Not API.
 */
package dev.gatehouse.internal.apitoken;
