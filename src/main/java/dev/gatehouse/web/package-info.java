/**
 * Container integration: the Jakarta Security mechanism and identity store, the servlet filter
 * that serves the JSON API (and authenticates on plain Servlet containers), and programmatic
 * guards. See {@code dev.gatehouse.web.jetty} for embedded Jetty 12.
 */
package dev.gatehouse.web;
