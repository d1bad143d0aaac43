package dev.concertina.engine.render;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnDetails;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Dependent;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.IndexDetails;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.Trigger;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.model.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A schema using every element of the model, deliberately given out of order. */
final class SampleSchema {

    private SampleSchema() {}

    static Schema build() {
        Table book = Table.of("book", List.of(
                        Column.of("id", ColumnType.of(TypeKind.BIGINT, "int8"), false).withIdentity(true).withOrigin(Origin.DATABASE)
                                .withDetails(ColumnDetails.NONE.withIdentityGeneration(Optional.of("ALWAYS"))),
                        Column.of("title", ColumnType.sized(TypeKind.VARCHAR, 255, "character varying(255)"), false)
                                .withDefault(Optional.of("'untitled'")).withComment(Optional.of("Shown on the \"cover\"\nand spine")),
                        Column.of("price", ColumnType.decimal(10, 2, "numeric(10,2)"), true).withDefault(Optional.of("0")),
                        Column.of("published", ColumnType.temporal(TypeKind.TIMESTAMP_WITH_TIME_ZONE, 6, "timestamptz"), true),
                        Column.of("state", ColumnType.enumeration(List.of("DRAFT", "it's out"), "enum('DRAFT','it''s out')"), false),
                        Column.of("geom", ColumnType.unsupported("geometry"), true),
                        Column.of("hits", ColumnType.of(TypeKind.INTEGER, "int unsigned").withModifier(ColumnType.UNSIGNED), false)
                                .withDetails(ColumnDetails.NONE.withOnUpdate(Optional.of("current_timestamp"))),
                        Column.of("tags", ColumnType.array(ColumnType.sized(TypeKind.VARCHAR, 30, "varchar(30)"), "character varying(30)[]"), true)
                                .withDetails(ColumnDetails.NONE.withCollation(Optional.of("C"))),
                        Column.of("words", ColumnType.of(TypeKind.INTEGER, "integer"), true)
                                .withDetails(ColumnDetails.NONE.withGenerated(Optional.of("length(title)"), true)
                                        .withIdentityGeneration(Optional.empty())),
                        Column.of("author_id", ColumnType.of(TypeKind.BIGINT, "int8"), true)
                                .withOrigin(Origin.attribute("com.acme.Book", "author"))))
                .withPrimaryKey(Optional.of(new PrimaryKey("", List.of("id"))))
                .withUniques(List.of(new UniqueConstraint("uk_title", List.of("title"), Origin.DATABASE)))
                .withIndexes(List.of(
                        new Index("idx_title_author", List.of("title", "author_id"), false, Origin.DATABASE),
                        new Index("", List.of("author_id"), true, Origin.DATABASE),
                        new Index("ix_live_lower", List.of("lower(title)", "price"), false, Origin.DATABASE,
                                new IndexDetails(List.of("", "DESC NULLS LAST"), Set.of(0), Optional.of("price > 0"), "", List.of("state")))))
                .withForeignKeys(List.of(new ForeignKey("", List.of("author_id"), "author", List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.NO_ACTION, Origin.DATABASE, "DEFERRABLE")))
                .withChecks(List.of(new CheckConstraint("ck_price", "price >= 0", Origin.DATABASE),
                        new CheckConstraint("", "state in ('DRAFT', 'it''s out')", Origin.DATABASE)))
                .withTriggers(List.of(new Trigger("book_audit", "BEFORE", "INSERT,UPDATE")))
                .withComment(Optional.of("Books in print"))
                .withDependents(List.of(new Dependent("view", "book_titles"), new Dependent("trigger", "book_audit")))
                .withOrigin(Origin.entity("com.acme.Book"));
        Table author = Table.of("author", List.of(
                        Column.of("id", ColumnType.of(TypeKind.BIGINT, "int8"), false),
                        Column.of("name", ColumnType.of(TypeKind.CLOB, "text"), true)))
                .withPrimaryKey(Optional.of(new PrimaryKey("pk_author", List.of("id"))))
                .withForeignKeys(List.of(new ForeignKey("fk_self", List.of("id"), "author", List.of("id"),
                        ReferentialAction.SET_NULL, ReferentialAction.RESTRICT, Origin.UNKNOWN)));
        return new Schema(List.of(book, author), List.of(
                new Sequence("z_seq", 1, 1, Origin.DATABASE),
                new Sequence("book_seq", 100, 50, Origin.DATABASE)))
                .withNotes(List.of("not compared: view \"book_titles\"", "not compared: type of column \"book\".\"geom\" (geometry)"));
    }
}
