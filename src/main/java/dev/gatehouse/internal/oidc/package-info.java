/** OpenID Connect sign-in: provider discovery and the protocol (Nimbus OAuth 2.0 SDK), flows, the service. */
package dev.gatehouse.internal.oidc;
