/** Embedded Jetty 12 (ee10) integration: GatehouseJettyAuthenticator. */
package dev.gatehouse.web.jetty;
