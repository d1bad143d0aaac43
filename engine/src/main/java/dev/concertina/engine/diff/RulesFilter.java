package dev.concertina.engine.diff;

import dev.concertina.rules.Aspect;
import dev.concertina.rules.IgnoreRules;
import dev.concertina.rules.PolicyKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    public boolean followsEntities(Kept.Kind kind) {
        return policyKind(kind).map(rules::followsEntities).orElse(false);
    }

    /** The {@code [policy]} kind deciding a kept kind; equivalents have none (they are never planned). */
    static Optional<PolicyKind> policyKind(Kept.Kind kind) {
        return switch (kind) {
            case INDEX -> Optional.of(PolicyKind.INDEX);
            case UNIQUE -> Optional.of(PolicyKind.UNIQUE);
            case CHECK -> Optional.of(PolicyKind.CHECK);
            case FOREIGN_KEY -> Optional.of(PolicyKind.FK);
            case NOT_NULL -> Optional.of(PolicyKind.NOT_NULL);
            case DEFAULT -> Optional.of(PolicyKind.DEFAULT);
            case TYPE -> Optional.of(PolicyKind.TYPE);
            case TOOL_TABLE -> Optional.of(PolicyKind.TOOL_TABLES);
            case TABLE -> Optional.of(PolicyKind.TABLE);
            case COMMENT -> Optional.of(PolicyKind.COMMENT);
            case KEY_ORDER, PRIMARY_KEY, ORDINAL_TYPE -> Optional.empty();
        };
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
