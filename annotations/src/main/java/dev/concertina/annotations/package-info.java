/** Annotations applications put on their entities; no dependencies, read only by autogenerate. */
package dev.concertina.annotations;
