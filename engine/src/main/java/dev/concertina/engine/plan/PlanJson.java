package dev.concertina.engine.plan;

import dev.concertina.engine.diff.Kept;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import java.util.EnumSet;
import java.util.List;

/**
 * The plan as JSON, in the stable shape documented in {@code docs/diff-json.md}: an object with a
 * {@code changes} array (one item per change and phase; a split change appears once in each
 * phase), {@code possibleRenames} and {@code warnings}. Written by hand: no JSON library.
 */
public final class PlanJson {

    /** Bumped only when a field changes meaning or disappears; new fields do not bump it. */
    public static final int FORMAT_VERSION = 1;

    private PlanJson() {}

    public static String render(Plan plan) {
        return render(plan, RenderOptions.ALL);
    }

    public static String render(Plan plan, RenderOptions options) {
        StringBuilder s = new StringBuilder();
        s.append("{\n");
        s.append("  \"format\": ").append(FORMAT_VERSION).append(",\n");
        s.append("  \"empty\": ").append(plan.isEmpty()).append(",\n");
        s.append("  \"decided\": ").append(plan.possibleRenames().isEmpty()).append(",\n");
        s.append("  \"dialect\": ")
                .append(str(options.dialect().map(Dialect::label).orElse("all")))
                .append(",\n");
        s.append("  \"changes\": [");
        boolean first = true;
        for (Branch phase : options.shown()) {
            for (PlannedChange p : plan.changes(phase)) {
                s.append(first ? "\n" : ",\n");
                first = false;
                change(s, p, phase, options);
            }
        }
        s.append(first ? "],\n" : "\n  ],\n");
        s.append("  \"possibleRenames\": [");
        first = true;
        for (PossibleRename r : plan.possibleRenames()) {
            s.append(first ? "\n" : ",\n");
            first = false;
            s.append("    {\"kind\": ")
                    .append(str(r.kind().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(", \"table\": ")
                    .append(str(r.table()))
                    .append(", \"from\": ")
                    .append(str(r.from()))
                    .append(", \"to\": ")
                    .append(str(r.to()))
                    .append(", \"confirm\": ")
                    .append(str("--rename " + r.renameSpec()))
                    .append(", \"deny\": ")
                    .append(str("--no-rename " + r.noRenameSpec()))
                    .append('}');
        }
        s.append(first ? "],\n" : "\n  ],\n");
        s.append("  \"kept\": [");
        first = true;
        for (Kept k : plan.kept()) {
            s.append(first ? "\n" : ",\n");
            first = false;
            s.append("    {\"kind\": ")
                    .append(str(k.kind().label()))
                    .append(", \"table\": ")
                    .append(str(k.table()))
                    .append(", \"name\": ")
                    .append(str(k.name()))
                    .append(", \"detail\": ")
                    .append(str(k.detail()))
                    .append(", \"reason\": ")
                    .append(str(k.reason()))
                    .append('}');
        }
        s.append(first ? "],\n" : "\n  ],\n");
        s.append("  \"warnings\": ").append(strings(plan.warnings())).append('\n');
        s.append("}\n");
        return s.toString();
    }

    private static void change(StringBuilder s, PlannedChange p, Branch phase, RenderOptions options) {
        List<Hazard> hazards = options.hazards(p, phase);
        s.append("    {\n");
        s.append("      \"kind\": ").append(str(p.change().kind())).append(",\n");
        s.append("      \"table\": ").append(str(p.change().table())).append(",\n");
        s.append("      \"name\": ").append(str(p.change().name())).append(",\n");
        s.append("      \"phase\": ").append(str(phase.label())).append(",\n");
        s.append("      \"split\": ").append(p.split()).append(",\n");
        s.append("      \"description\": ").append(str(p.change().describe())).append(",\n");
        s.append("      \"why\": ").append(str(p.why())).append(",\n");
        s.append("      \"hazards\": ")
                .append(strings(
                        hazards.stream().map(h -> h.code().name()).distinct().toList()))
                .append(",\n");
        s.append("      \"hazardDetails\": [");
        for (int i = 0; i < hazards.size(); i++) {
            Hazard h = hazards.get(i);
            s.append(i == 0 ? "" : ", ")
                    .append("{\"code\": ")
                    .append(str(h.code().name()))
                    .append(", \"dialects\": ")
                    .append(strings(EnumSet.copyOf(h.dialects()).stream()
                            .map(Dialect::label)
                            .toList()))
                    .append(", \"detail\": ")
                    .append(str(h.detail()))
                    .append('}');
        }
        s.append("],\n");
        s.append("      \"steps\": [");
        List<Step> steps = p.steps(phase);
        for (int i = 0; i < steps.size(); i++) {
            s.append(i == 0 ? "" : ", ")
                    .append("{\"kind\": ")
                    .append(str(steps.get(i).kind()))
                    .append(", \"description\": ")
                    .append(str(steps.get(i).describe()))
                    .append('}');
        }
        s.append("]\n");
        s.append("    }");
    }

    private static String strings(List<String> values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(str(values.get(i)));
        }
        return s.append(']').toString();
    }

    /** A JSON string literal (RFC 8259 escaping). */
    static String str(String v) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"':
                    s.append("\\\"");
                    break;
                case '\\':
                    s.append("\\\\");
                    break;
                case '\n':
                    s.append("\\n");
                    break;
                case '\r':
                    s.append("\\r");
                    break;
                case '\t':
                    s.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
            }
        }
        return s.append('"').toString();
    }
}
