/**
 * JPA entities, one repository per table (each takes the caller's transaction), the programmatic
 * persistence unit, transactions, pools and Liquibase migrations. Not API.
 */
package dev.gatehouse.internal.persistence;
