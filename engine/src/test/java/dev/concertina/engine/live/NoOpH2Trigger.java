package dev.concertina.engine.live;

import java.sql.Connection;
import org.h2.api.Trigger;

/** A user trigger for the H2 fixture schema: does nothing. */
public class NoOpH2Trigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
        // nothing: the fixture only needs a trigger to exist
    }
}
