/** Example applications. */
package dev.concertina.samples;
