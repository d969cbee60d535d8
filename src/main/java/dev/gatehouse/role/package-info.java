/**
 * Roles that grant permission strings with wildcards, the
 * {@link dev.gatehouse.role.Permissions} matcher and the
 * {@link dev.gatehouse.role.RequiresPermission} guard for CDI beans.
 */
package dev.gatehouse.role;
