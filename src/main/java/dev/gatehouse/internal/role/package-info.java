/**
 * Roles and grants behind {@code dev.gatehouse.role}, and role-name rules. Not API.
 */
package dev.gatehouse.internal.role;
