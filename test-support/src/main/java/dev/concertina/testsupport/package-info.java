/**
 * JUnit 5 assertions an application puts in its own test suite: Keystone's models-vs-migrations
 * sync test as a library ({@link dev.concertina.testsupport.ConcertinaAssertions}).
 */
package dev.concertina.testsupport;
