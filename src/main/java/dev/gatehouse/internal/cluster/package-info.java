/**
 * Several nodes on one database: how a change committed on one node reaches the resolve caches of the
 * others before {@code resolveCacheSeconds} runs out ({@code cacheInvalidation}: PostgreSQL's
 * {@code LISTEN/NOTIFY}, or a change table every node polls). Not API.
 */
package dev.gatehouse.internal.cluster;
