/**
 * What the HTTP API does, as plain services: libraries, jobs, models, depictions, the cluster's state.
 * They take a {@link org.molscreen.api.access.Caller}, check what it may see, and call the cluster; they
 * know nothing about HTTP (the handlers in {@code org.molscreen.api.http} map their refusals to statuses).
 */
package org.molscreen.api.service;
