package dev.concertina.bench.scale;

import dev.concertina.engine.model.Schema;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanJson;
import dev.concertina.runtime.Dialect;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;

/**
 * The scale benchmark (issue 7). For each N and dialect: builds the corpus and its database,
 * measures in process (warm, several runs) the catalog floor, the live read, the entity read,
 * diff + plan (+ JSON) and codegen, scores the plan against the planted drift, then measures whole
 * processes (JVM start included, peak RSS from {@code /usr/bin/time}): the pipeline proxy, and the
 * cli's {@code diff}, {@code revision --autogenerate} and drift {@code check} where the cli has them.
 * Once per run: {@code java -version} and {@code concertina version} on H2.
 *
 * <p>Arguments: {@code --n 100,500,2000 --dialects postgres,mariadb,h2 --runs 5 --warmup 2
 * --proc-runs 5 --seed 7 --work DIR --jar PATH --commands FILE --fresh --out FILE}.
 */
public final class Bench {

    private final Map<String, String> opts;
    private final PrintStream out = System.out;
    private final StringBuilder report = new StringBuilder();
    private final List<String> tsv = new ArrayList<>();
    private final Path jar;
    private final Path work;
    private final Properties commands = new Properties();

    private Bench(Map<String, String> opts) throws IOException {
        this.opts = opts;
        this.jar = Path.of(opts.getOrDefault("jar", "cli/target/concertina.jar")).toAbsolutePath();
        this.work = Path.of(opts.getOrDefault("work", "bench/scale/target/scale")).toAbsolutePath();
        Path cmds = Path.of(opts.getOrDefault("commands", "bench/scale/cli-commands.properties"));
        if (Files.exists(cmds)) {
            try (var r = Files.newBufferedReader(cmds)) {
                commands.load(r);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i].replaceFirst("^--", "");
            if (a.equals("fresh")) opts.put(a, "true");
            else opts.put(a, args[++i]);
        }
        new Bench(opts).run();
    }

    private int intOpt(String k, int d) {
        return Integer.parseInt(opts.getOrDefault(k, String.valueOf(d)));
    }

    private void run() throws Exception {
        List<Integer> ns = new ArrayList<>();
        for (String s : opts.getOrDefault("n", "100,500,2000").split(",")) ns.add(Integer.parseInt(s.trim()));
        List<Dialect> dialects = new ArrayList<>();
        for (String s : opts.getOrDefault("dialects", "postgres,mariadb,h2").split(",")) dialects.add(Dialect.fromLabel(s.trim()));
        long seed = Long.parseLong(opts.getOrDefault("seed", "7"));
        int runs = intOpt("runs", 5);
        int warmup = intOpt("warmup", 2);
        int procRuns = intOpt("proc-runs", 5);

        line("# Scale benchmark run " + Instant.now());
        line("");
        line("- load average at start: " + load());
        line("- N = " + ns + ", dialects = " + dialects + ", in-process runs = " + runs + " after " + warmup
                + " warm-up, whole-process runs = " + procRuns + ", seed = " + seed);
        line("- harness JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", args " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        line("");

        Map<String, Stats> global = new LinkedHashMap<>();
        global.put("java -version", proc(List.of(javaBin(), "-version"), procRuns, null).stats);
        Path empty = work.resolve("empty-migrations");
        Files.createDirectories(empty.resolve("bench/migrations"));
        ProcResult version = proc(cli("version --url jdbc:h2:mem:scale --migrations-classpath " + empty + " --migrations-package bench.migrations"), procRuns, null);
        global.put("concertina version (H2 in memory)", version.stats);
        if (!cli("version").equals(plainCli("version"))) {
            global.put("java -jar concertina.jar version (H2 in memory, no launcher)", proc(plainCli("version --url jdbc:h2:mem:scale --migrations-classpath "
                    + empty + " --migrations-package bench.migrations"), procRuns, null).stats);
        }
        line("## Process floors");
        line("");
        line("| command | wall median (min–max) | CPU median | peak RSS |");
        line("|---|---|---|---|");
        for (var e : global.entrySet()) {
            line("| `" + e.getKey() + "` | " + e.getValue().format() + " | " + e.getValue().cpuMedian() + " | " + mib(e.getValue().maxRssKib()) + " |");
        }
        if (version.exit != 0) line("\n`concertina version` exited " + version.exit + ": " + version.firstError);
        line("");
        tsv.add("n\tdialect\tmeasure\tmedian_s\tmin_s\tmax_s\trss_kib\tcpu_median_s");
        global.forEach((k, v) -> tsv.add("0\t-\t" + k + "\t" + v.median() + "\t" + v.min() + "\t" + v.max() + "\t" + v.maxRssKib() + "\t" + v.cpuMedianSeconds()));

        for (int n : ns) {
            Workspace w = Workspace.prepare(work, n, seed);
            line("## N = " + n + " tables (v2: " + w.corpus.v2.size() + " tables, " + w.corpus.expected.size() + " planted changes)");
            line("");
            line("load average: " + load());
            line("");
            for (Dialect d : dialects) {
                try {
                    measure(w, d, runs, warmup, procRuns);
                } catch (Exception e) {
                    line("**" + d.label() + ": failed: " + e + "**");
                    e.printStackTrace(out);
                }
                flush(); // a long run interrupted later still leaves what it measured
            }
        }
        line("load average at end: " + load());
        out.println("\nwritten: " + flush());
    }

    private Path flush() throws IOException {
        Path outFile = Path.of(opts.getOrDefault("out", work.resolve("results.md").toString()));
        Files.createDirectories(outFile.toAbsolutePath().getParent());
        Files.writeString(outFile, report.toString(), StandardCharsets.UTF_8);
        Files.write(Path.of(outFile.toString().replaceFirst("\\.md$", "") + ".tsv"), tsv, StandardCharsets.UTF_8);
        return outFile;
    }

    private void measure(Workspace w, Dialect d, int runs, int warmup, int procRuns) throws Exception {
        BenchDb db = BenchDb.of(d, w);
        db.ensure(w, opts.containsKey("fresh"), out);
        int n = w.corpus.n;
        Map<String, Stats> m = new LinkedHashMap<>();
        for (String k : List.of("catalog floor", "live read", "entity read", "diff + plan + JSON", "codegen")) m.put(k, new Stats());
        Score score;
        String codegenNote = "";
        String dbVersion;
        try (Connection c = db.connect()) {
            dbVersion = c.getMetaData().getDatabaseProductVersion();
            String version = Pipeline.version(c);
            String json = null;
            for (int i = 0; i < warmup + runs; i++) {
                boolean rec = i >= warmup;
                long t0 = System.nanoTime(), c0 = cpuNanos();
                Floors.read(c, d, db.schema);
                long t1 = System.nanoTime(), c1 = cpuNanos();
                Schema live = Pipeline.live(c, d, db.schema);
                long t2 = System.nanoTime(), c2 = cpuNanos();
                Schema models = Pipeline.entities(d, version, w.v2Classes());
                long t3 = System.nanoTime(), c3 = cpuNanos();
                Plan plan = Pipeline.plan(live, models);
                json = PlanJson.render(plan);
                long t4 = System.nanoTime(), c4 = cpuNanos();
                try {
                    Pipeline.codegen(plan, d);
                } catch (RuntimeException e) {
                    codegenNote = "codegen failed: " + e.getMessage();
                }
                long t5 = System.nanoTime(), c5 = cpuNanos();
                if (rec) {
                    sample(m.get("catalog floor"), t0, t1, c0, c1);
                    sample(m.get("live read"), t1, t2, c1, c2);
                    sample(m.get("entity read"), t2, t3, c2, c3);
                    sample(m.get("diff + plan + JSON"), t3, t4, c3, c4);
                    if (codegenNote.isEmpty()) sample(m.get("codegen"), t4, t5, c4, c5);
                }
            }
            score = Score.of(json, w.corpus.expected);
            Files.writeString(w.dir.resolve("plan-" + d.label() + ".json"), json, StandardCharsets.UTF_8);
        }

        // Whole processes, with the harness's own connection closed (H2 file databases allow one process).
        Map<String, ProcResult> procs = new LinkedHashMap<>();
        String cp = System.getProperty("java.class.path");
        procs.put("pipeline proxy: live ∥ entity read + diff + plan + JSON (fresh JVM)",
                proc(List.of(javaBin(), "-cp", cp, Pipeline.class.getName(), d.label(), db.url, db.user, db.schema,
                        w.v2Classes().toString()), procRuns, w.corpus.expected));
        for (String key : List.of("diff", "revision", "check")) {
            String template = commands.getProperty(key);
            String probe = commands.getProperty(key + ".probe");
            String label = commands.getProperty(key + ".label", "concertina " + key);
            if (template == null || !available(probe)) {
                procs.put(label, ProcResult.unavailable("not available in this cli (probe `" + probe + "` failed)"));
                continue;
            }
            Path scratch = Files.createTempDirectory(w.dir, "out-");
            String cmd = template.replace("{url}", db.url).replace("{user}", db.user).replace("{schema}", db.schema)
                    .replace("{models}", w.v2Classes().toString()).replace("{modelPackage}", Corpus.PACKAGE)
                    .replace("{migrations}", w.migrations().toString()).replace("{out}", scratch.toString() + "/{run}")
                    .replace("{dialect}", d.label());
            Set<Integer> ok = new HashSet<>();
            for (String e : commands.getProperty(key + ".exits", "0").split(",")) ok.add(Integer.parseInt(e.trim()));
            procs.put(label, proc(cli(cmd), procRuns, key.equals("diff") ? w.corpus.expected : null, ok));
        }

        String tag = d.label() + " " + dbVersion.split("[ -]")[0];
        line("### " + tag + ", N = " + n);
        line("");
        line("| measure (in process, warm) | wall median (min–max) | CPU median | wall ratio to floor |");
        line("|---|---|---|---|");
        double floor = m.get("catalog floor").median();
        for (var e : m.entrySet()) {
            String ratio = e.getKey().equals("live read") ? String.format(Locale.ROOT, "%.1f× catalog floor", e.getValue().median() / floor) : "";
            line("| " + e.getKey() + " | " + e.getValue().format() + " | " + e.getValue().cpuMedian() + " | " + ratio + " |");
            if (!e.getValue().isEmpty()) {
                tsv.add(n + "\t" + d.label() + "\t" + e.getKey() + "\t" + e.getValue().median() + "\t" + e.getValue().min() + "\t"
                        + e.getValue().max() + "\t0\t" + e.getValue().cpuMedianSeconds());
            }
        }
        if (!codegenNote.isEmpty()) line("\n" + codegenNote + "\n");
        line("");
        line("| whole process (JVM start included) | wall median (min–max) | CPU median | peak RSS | exit | plan score |");
        line("|---|---|---|---|---|---|");
        for (var e : procs.entrySet()) {
            ProcResult p = e.getValue();
            if (p.note != null) {
                line("| " + e.getKey() + " | " + p.note + " | | | | |");
                continue;
            }
            line("| " + e.getKey() + " | " + p.stats.format() + " | " + p.stats.cpuMedian() + " | " + mib(p.stats.maxRssKib()) + " | " + p.exit + " | "
                    + (p.score == null ? "" : p.score.summary()) + " |");
            tsv.add(n + "\t" + d.label() + "\t" + e.getKey() + "\t" + p.stats.median() + "\t" + p.stats.min() + "\t"
                    + p.stats.max() + "\t" + p.stats.maxRssKib() + "\t" + p.stats.cpuMedianSeconds());
            if (p.firstError != null) line("\n> " + e.getKey() + " exited " + p.exit + ": " + p.firstError + "\n");
        }
        line("");
        line("Correctness (in-process PlanJson vs planted drift): **" + score.summary() + "**, "
                + score.possibleRenames() + " possible renames, " + score.warnings() + " warnings");
        if (!score.perfect()) line("\n```\n" + score.details(8) + "```");
        tsv.add(n + "\t" + d.label() + "\tscore\t" + score.found() + "\t" + score.expected() + "\t" + score.extra().size() + "\t0\t0");
        line("load average: " + load());
        line("");
    }

    private static void sample(Stats s, long t0, long t1, long c0, long c1) {
        s.add((t1 - t0) / 1e9);
        s.addCpu((c1 - c0) / 1e9);
    }

    /** CPU time of this whole JVM (all threads, GC and JIT included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    // ------------------------------------------------------------------ processes

    private record ProcResult(Stats stats, int exit, String firstError, Score score, String note) {
        static ProcResult unavailable(String why) {
            return new ProcResult(new Stats(), -1, null, null, why);
        }
    }

    /**
     * The cli as users run it: the {@code concertina} launcher next to the jar (C1 only, AppCDS
     * archive) when the build wrote one and {@code --launcher} is not {@code none}, else {@code java -jar}.
     */
    private List<String> cli(String args) {
        String launcher = opts.getOrDefault("launcher", jar.resolveSibling("concertina").toString());
        boolean useLauncher = !launcher.equals("none") && Files.isExecutable(Path.of(launcher));
        return useLauncher ? command(List.of(launcher), args) : plainCli(args);
    }

    private List<String> plainCli(String args) {
        return command(List.of(javaBin(), "-jar", jar.toString()), args);
    }

    private static List<String> command(List<String> head, String args) {
        List<String> cmd = new ArrayList<>(head);
        for (String a : args.trim().split("\\s+")) cmd.add(a);
        return cmd;
    }

    /** A probe: cli arguments whose exit code 0 and output containing every text after a "|" mean "available". */
    private boolean available(String probe) throws IOException, InterruptedException {
        if (probe == null) return false;
        String[] parts = probe.split("\\|");
        Process p = new ProcessBuilder(cli(parts[0])).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        if (p.exitValue() != 0) return false;
        for (int i = 1; i < parts.length; i++) if (!text.contains(parts[i].trim())) return false;
        return true;
    }

    private ProcResult proc(List<String> cmd, int runs, List<Corpus.Expected> scoreAgainst) throws IOException, InterruptedException {
        return proc(cmd, runs, scoreAgainst, Set.of(0));
    }

    /** {@code ok}: the exit codes that mean the command did its work ({@code diff} exits 6 when there are differences). */
    private ProcResult proc(List<String> cmd, int runs, List<Corpus.Expected> scoreAgainst, Set<Integer> ok) throws IOException, InterruptedException {
        Stats s = new Stats();
        int exit = 0;
        String firstError = null;
        String stdout = "";
        Path tmp = Files.createTempDirectory("scale-proc");
        for (int i = 0; i < runs; i++) {
            Path rss = tmp.resolve("rss");
            Path o = tmp.resolve("out");
            Path e = tmp.resolve("err");
            List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rss.toString()));
            // {run}: a fresh folder per run, so revision never finds the previous run's uncompiled sources.
            for (String a : cmd) full.add(a.replace("{run}", "run" + i));
            ProcessBuilder pb = new ProcessBuilder(full).redirectOutput(o.toFile()).redirectError(e.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().put("CONCERTINA_PASSWORD", "");
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                // /usr/bin/time's child (the JVM measured) would outlive it: end the whole tree.
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new ProcResult(s, -1, "timed out after 600 s", null, "timed out after 600 s");
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            exit = p.exitValue();
            long kib = 0;
            for (String l : Files.readAllLines(rss)) {
                String[] f = l.trim().split(" ");
                if (f.length == 3 && f[0].matches("\\d+")) {
                    kib = Long.parseLong(f[0]);
                    s.addCpu(Double.parseDouble(f[1]) + Double.parseDouble(f[2]));
                }
            }
            s.add(secs, kib);
            stdout = Files.readString(o);
            if (!ok.contains(exit)) {
                List<String> err = Files.readAllLines(e).stream().filter(l -> !l.isBlank() && !l.startsWith("Command exited")).toList();
                firstError = err.isEmpty() ? "(no message)" : err.get(0);
            }
        }
        Workspace.deleteTree(tmp);
        Score score = scoreAgainst == null || !ok.contains(exit) ? null : Score.of(stdout, scoreAgainst);
        if (score != null && !score.perfect()) {
            out.println("  process score: " + score.summary() + "\n" + score.details(5));
        }
        return new ProcResult(s, exit, firstError, score, null);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String mib(long kib) {
        return kib == 0 ? "" : String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " "
                    + Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[1] + " "
                    + Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void line(String s) {
        out.println(s);
        report.append(s).append('\n');
    }
}
