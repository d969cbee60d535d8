/** HTTP plumbing behind the mechanism, the filter and the JSON API. Not API. */
package dev.gatehouse.internal.web;
