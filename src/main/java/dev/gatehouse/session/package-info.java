/**
 * Server-side cookie sessions: resolving, listing ("your devices"), revoking, the cookie
 * itself, and the {@link dev.gatehouse.session.RequiresSession} and
 * {@link dev.gatehouse.session.RequiresRecentAuth} guards for CDI beans and Jakarta REST resources.
 */
package dev.gatehouse.session;
