/** The concertina command. */
package dev.concertina.cli;
