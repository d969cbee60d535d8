/** Email, username, password and role-name rules. Not API. */
package dev.gatehouse.internal.policy;
