/** The services behind the public interfaces, and the per-node resolve cache. Not API. */
package dev.gatehouse.internal.service;
