/**
 * Personal access tokens with scopes: creating (the raw token is returned once), listing,
 * revoking and resolving them.
 */
package dev.gatehouse.apitoken;
