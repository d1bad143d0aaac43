package dev.concertina.bench.scale;

import dev.concertina.engine.model.Schema;
import dev.concertina.runtime.Dialect;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * Runs one stage in a loop so a profiler can watch it (bench/scale/profile.sh starts this JVM with
 * Java Flight Recorder and summarises the samples). Arguments:
 * {@code live|entity|floor|pipeline dialect n iterations [seed]}. The corpus and its database must
 * exist (run the benchmark once first).
 */
public final class Profile {

    private Profile() {}

    public static void main(String[] args) throws Exception {
        String stage = args[0];
        Dialect d = Dialect.fromLabel(args[1]);
        int n = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 7;
        Workspace w = Workspace.prepare(Path.of("bench/scale/target/scale").toAbsolutePath(), n, seed);
        BenchDb db = BenchDb.of(d, w);
        db.ensure(w, false, System.out);
        try (Connection c = db.connect()) {
            String version = Pipeline.version(c);
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                switch (stage) {
                    case "live" -> Pipeline.live(c, d, db.schema);
                    case "entity" -> Pipeline.entities(d, version, w.v2Classes());
                    case "floor" -> Floors.read(c, d, db.schema);
                    case "pipeline" -> {
                        Schema live = Pipeline.live(c, d, db.schema);
                        Pipeline.codegen(Pipeline.plan(live, Pipeline.entities(d, version, w.v2Classes())), d);
                    }
                    default -> throw new IllegalArgumentException(stage);
                }
                System.out.printf("%s %s n=%d run %d: %.0f ms%n", stage, d.label(), n, i, (System.nanoTime() - t0) / 1e6);
            }
        }
    }
}
