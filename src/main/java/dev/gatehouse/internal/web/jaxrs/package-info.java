/** The filters, security context and exception mappers behind GatehouseFeature. Not API. */
package dev.gatehouse.internal.web.jaxrs;
