/**
 * The live reader: one schema of a running database into the neutral model.
 *
 * <p>Entry point: {@link dev.concertina.engine.live.LiveSchemaReader#read(java.sql.Connection,
 * dev.concertina.runtime.Dialect, String)}. SchemaCrawler 16.27.1 does the crawl, fed by one
 * catalog query per kind of object per dialect ({@code src/main/resources/dev/concertina/engine/live/<dialect>/}),
 * each reading the session's current schema; the dialect differences (system-generated names,
 * foreign-key indexes, referential actions, what SchemaCrawler cannot read) are in one package-private
 * class per dialect. Speed: {@code bench/live-read/RESULTS.md}.
 */
package dev.concertina.engine.live;
