/**
 * The code docs/CONTAINERS.md shows, compiled: each class is what a user writes in one place
 * (servlet, CDI bean, Jakarta REST resource, Enterprise Bean). Vetoed so that no CDI container
 * of the test suite picks these classes up.
 */
@Vetoed
package dev.gatehouse.docs.containers;

import jakarta.enterprise.inject.Vetoed;
