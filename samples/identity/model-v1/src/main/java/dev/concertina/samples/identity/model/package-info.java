/**
 * Entities of the identity sample, version 1: domains own projects, users, groups and roles;
 * roles are granted to users or groups on projects or domains (assignments); users log in with
 * passwords or credentials; the service catalog lists services and their endpoints per region.
 *
 * <p>The same package exists in {@code model-v2} and {@code model-v3}: each module is the whole
 * application model at one release. See {@code samples/identity/README.md} for what changes.
 */
package dev.concertina.samples.identity.model;
