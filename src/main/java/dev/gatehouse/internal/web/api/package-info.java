/** The JSON API served by GatehouseFilter. Not API. */
package dev.gatehouse.internal.web.api;
