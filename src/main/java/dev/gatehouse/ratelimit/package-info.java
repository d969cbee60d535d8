/**
 * Fixed-window rate limits kept in the database, shared by every node.
 */
package dev.gatehouse.ratelimit;
