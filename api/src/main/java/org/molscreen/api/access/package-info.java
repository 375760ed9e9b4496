/**
 * Who may call the API: users, their roles and their bearer tokens (stored hashed in a tokens file).
 * Nothing here knows about HTTP.
 */
package org.molscreen.api.access;
