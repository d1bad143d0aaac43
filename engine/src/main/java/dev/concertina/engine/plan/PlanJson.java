package dev.concertina.engine.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concertina.engine.diff.Kept;
import dev.concertina.engine.render.JsonText;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The plan as JSON, in the stable shape documented in {@code docs/diff-json.md}: an object with a
 * {@code changes} array (one item per change and phase; a split change appears once in each
 * phase), {@code possibleRenames}, {@code kept} and {@code warnings}. Jackson writes it
 * ({@link JsonText}, two levels broken over lines).
 */
public final class PlanJson {

    /** Bumped only when a field changes meaning or disappears; new fields do not bump it. */
    public static final int FORMAT_VERSION = 1;

    private PlanJson() {}

    public static String render(Plan plan) {
        return render(plan, RenderOptions.ALL);
    }

    public static String render(Plan plan, RenderOptions options) {
        ObjectNode root = JsonText.object();
        root.put("format", FORMAT_VERSION);
        root.put("empty", plan.isEmpty());
        root.put("decided", plan.possibleRenames().isEmpty());
        root.put("dialect", options.dialect().map(Dialect::label).orElse("all"));
        ArrayNode changes = root.putArray("changes");
        for (Branch phase : options.shown()) {
            for (PlannedChange p : plan.changes(phase)) change(changes.addObject(), p, phase, options);
        }
        ArrayNode renames = root.putArray("possibleRenames");
        for (PossibleRename r : plan.possibleRenames()) {
            renames.addObject()
                    .put("kind", r.kind().name().toLowerCase(Locale.ROOT))
                    .put("table", r.table())
                    .put("from", r.from())
                    .put("to", r.to())
                    .put("confirm", "--rename " + r.renameSpec())
                    .put("deny", "--no-rename " + r.noRenameSpec());
        }
        ArrayNode kept = root.putArray("kept");
        for (Kept k : plan.kept()) {
            kept.addObject()
                    .put("kind", k.kind().label())
                    .put("table", k.table())
                    .put("name", k.name())
                    .put("detail", k.detail())
                    .put("reason", k.reason());
        }
        strings(root.putArray("warnings"), plan.warnings());
        return JsonText.write(root, JsonText.Layout.TWO_LEVELS);
    }

    private static void change(ObjectNode j, PlannedChange p, Branch phase, RenderOptions options) {
        List<Hazard> hazards = options.hazards(p, phase);
        j.put("kind", p.change().kind());
        j.put("table", p.change().table());
        j.put("name", p.change().name());
        j.put("phase", phase.label());
        j.put("split", p.split());
        j.put("description", ChangeWords.describe(p.change()));
        j.put("why", p.why());
        strings(
                j.putArray("hazards"),
                hazards.stream().map(h -> h.code().name()).distinct().toList());
        ArrayNode details = j.putArray("hazardDetails");
        for (Hazard h : hazards) {
            ObjectNode d = details.addObject().put("code", h.code().name());
            strings(
                    d.putArray("dialects"),
                    EnumSet.copyOf(h.dialects()).stream().map(Dialect::label).toList());
            d.put("detail", h.detail());
        }
        ArrayNode steps = j.putArray("steps");
        for (Step s : p.steps(phase))
            steps.addObject().put("kind", s.kind()).put("description", ChangeWords.describe(s));
    }

    private static void strings(ArrayNode a, Collection<String> values) {
        values.forEach(a::add);
    }
}
