/** The ignore-rules file: format, parser and matcher. */
package dev.concertina.rules;
