/**
 * Server-side cookie sessions: resolving, listing ("your devices"), revoking, the cookie
 * itself, and the {@link dev.gatehouse.session.RequiresSession} guard for CDI beans.
 */
package dev.gatehouse.session;
