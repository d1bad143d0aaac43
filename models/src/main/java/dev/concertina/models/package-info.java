/** Entity models to the neutral schema model. */
package dev.concertina.models;
