/** The training model of the start-up archive; see {@link dev.concertina.cli.Training}. */
package dev.concertina.cli.training;
