/** Plans to Java migration classes. */
package dev.concertina.codegen;
