/** JPA entities, the programmatic persistence unit, transactions and Liquibase migrations. Not API. */
package dev.gatehouse.internal.persistence;
