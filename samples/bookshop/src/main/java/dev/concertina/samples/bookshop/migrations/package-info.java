/**
 * The bookshop's migrations, written by hand against the runtime API: the {@code expand} branch
 * only adds (old and new application versions both run against it), the {@code contract} branch
 * removes what the previous release needed once it is gone.
 *
 * <pre>
 * expand:   1f3a5c create author, book ── 4b7d9e add book.isbn [2026.1] ── a6e0b4 create review
 * contract:                              8c2e6a drop book.legacy_code (requires 4b7d9e) [2026.1]
 *                                          └── d9f1c3 check review.stars 1..5 (requires a6e0b4)
 * </pre>
 */
package dev.concertina.samples.bookshop.migrations;
