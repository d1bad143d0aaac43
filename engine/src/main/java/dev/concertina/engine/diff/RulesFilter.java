package dev.concertina.engine.diff;

import dev.concertina.rules.Aspect;
import dev.concertina.rules.IgnoreRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules file ({@link IgnoreRules}, module {@code ignore-rules}) as the differ's
 * {@link IgnoreFilter}. Asking marks rules used, so after a diff {@link IgnoreRules#unused()}
 * lists the stale ones.
 */
public final class RulesFilter implements IgnoreFilter {

    private final IgnoreRules rules;

    private RulesFilter(IgnoreRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public static IgnoreFilter of(IgnoreRules rules) {
        return new RulesFilter(rules);
    }

    @Override
    public boolean ignores(ObjectKind kind, String table, String name, List<String> columns) {
        return rules.ignores(dev.concertina.rules.ObjectKind.valueOf(kind.name()), table, name, columns);
    }

    @Override
    public Set<ColumnAspect> ignoredAspects(String table, String column) {
        Set<ColumnAspect> out = EnumSet.noneOf(ColumnAspect.class);
        for (Aspect a : rules.ignoredAspects(table, column)) {
            out.add(ColumnAspect.valueOf(a.name()));
        }
        return out;
    }
}
