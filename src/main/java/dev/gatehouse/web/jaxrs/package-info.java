/**
 * Jakarta REST (JAX-RS 3.1) integration: {@link dev.gatehouse.web.jaxrs.GatehouseFeature} enforces
 * {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll},
 * {@link dev.gatehouse.role.RequiresPermission}, {@link dev.gatehouse.session.RequiresSession} and
 * {@link dev.gatehouse.session.RequiresRecentAuth} on resource classes and methods, answers {@code @Context SecurityContext} from the Gatehouse caller,
 * and maps Gatehouse's exceptions to its JSON error shape.
 */
package dev.gatehouse.web.jaxrs;
