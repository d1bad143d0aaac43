/**
 * The {@code concertina} command: picocli commands, configuration, and the only place in
 * Concertina that prints.
 */
package dev.concertina.cli;
