/**
 * The Vert.x HTTP API, {@code /api/v1}: routes come from the OpenAPI document (which validates requests);
 * handlers are thin, run blocking work (Ignite, CDK, DL4J) on worker threads and call the plain services
 * of {@code org.molscreen.api.service}.
 */
package org.molscreen.api.http;
