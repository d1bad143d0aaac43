package dev.concertina.entities.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A columnDefinition's type, default and NOT NULL reach the database; the reader must see them. */
class ColumnDefinitionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "varchar(17)                              | varchar(17)              | -           | false",
            "varchar(30) default 'box' not null       | varchar(30)              | 'box'       | true",
            "numeric(10, 2) NOT NULL DEFAULT 0.00     | numeric(10, 2)           | 0.00        | true",
            "timestamp(6) with time zone default now()| timestamp(6) with time zone | now()    | false",
            "varchar (12) default 'a b' null          | varchar(12)              | 'a b'       | false",
            "char(2) default null                     | char(2)                  | -           | false",
            "enum('A','B C') default 'A'              | enum('A','B C')          | 'A'         | false",
            "text collate \"C\" not null              | text                     | -           | true",
    })
    void splitsTypeDefaultAndNullability(String definition, String type, String defaultValue, boolean notNull) {
        ColumnDefinition d = ColumnDefinition.split(definition);
        assertEquals(type, d.type());
        assertEquals(defaultValue.equals("-") ? Optional.empty() : Optional.of(defaultValue), d.defaultValue());
        assertEquals(notNull, d.notNull());
    }
}
