package dev.concertina.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The validated revisions of both branches: each branch is one line from its root to its head,
 * and each contract revision may require an expand revision.
 */
public final class MigrationGraph {

    private final Map<String, ResolvedMigration> byId;
    private final Map<Branch, List<ResolvedMigration>> chains;

    private MigrationGraph(Map<String, ResolvedMigration> byId, Map<Branch, List<ResolvedMigration>> chains) {
        this.byId = byId;
        this.chains = chains;
    }

    /**
     * Validates and orders the migrations.
     *
     * @throws ConcertinaException (INVALID_GRAPH) with a one-line message naming the revisions and
     *         the fix: a duplicate id, a reserved id, a missing parent, a parent in the other branch,
     *         a cycle, two roots, two heads, a bad {@code requires}, a milestone used twice in a branch
     */
    public static MigrationGraph of(List<ResolvedMigration> migrations) {
        Map<String, ResolvedMigration> byId = new TreeMap<>();
        for (ResolvedMigration m : migrations) {
            if (m.id().isEmpty()) {
                throw invalid("class " + m.source() + " declares an empty revision id");
            }
            String lower = m.id().toLowerCase(Locale.ROOT);
            if (lower.equals("base")
                    || lower.equals("head")
                    || m.id().startsWith("+")
                    || m.id().startsWith("-")
                    || m.id().contains("@")) {
                throw invalid("revision id \"" + m.id() + "\" (" + m.source()
                        + ") is reserved or malformed: base, head, +N, -N and '@' are revision arguments");
            }
            ResolvedMigration before = byId.put(m.id(), m);
            if (before != null) {
                throw invalid("revision id \"" + m.id() + "\" is declared twice, by " + before.source() + " and by "
                        + m.source() + ": give one of them a new id");
            }
        }
        for (ResolvedMigration m : byId.values()) {
            if (m.parent().isPresent()) {
                ResolvedMigration p = byId.get(m.parent().get());
                if (p == null) {
                    throw invalid("revision \"" + m.id() + "\" (" + m.branch().label() + ") names parent \""
                            + m.parent().get()
                            + "\", which no migration declares: fix the parent or restore the missing revision");
                }
                if (p.branch() != m.branch()) {
                    throw invalid("revision \"" + m.id() + "\" (" + m.branch().label() + ") names parent \"" + p.id()
                            + "\" of the " + p.branch().label() + " branch: a parent must be in the same branch");
                }
            }
            if (m.requires().isPresent()) {
                if (m.branch() != Branch.CONTRACT) {
                    throw invalid("expand revision \"" + m.id() + "\" declares requires = \""
                            + m.requires().get() + "\": only contract revisions require an expand revision");
                }
                ResolvedMigration r = byId.get(m.requires().get());
                if (r == null) {
                    throw invalid("contract revision \"" + m.id() + "\" requires expand revision \""
                            + m.requires().get() + "\", which no migration declares");
                }
                if (r.branch() != Branch.EXPAND) {
                    throw invalid("contract revision \"" + m.id() + "\" requires \"" + r.id()
                            + "\", which is a contract revision: requires must name an expand revision");
                }
            }
        }
        Map<Branch, List<ResolvedMigration>> chains = new EnumMap<>(Branch.class);
        for (Branch b : Branch.values()) {
            chains.put(b, chain(b, byId));
        }
        return new MigrationGraph(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(chains));
    }

    private static List<ResolvedMigration> chain(Branch branch, Map<String, ResolvedMigration> byId) {
        List<ResolvedMigration> members =
                byId.values().stream().filter(m -> m.branch() == branch).toList();
        if (members.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> children = new TreeMap<>();
        for (ResolvedMigration m : members) {
            m.parent()
                    .ifPresent(p ->
                            children.computeIfAbsent(p, k -> new ArrayList<>()).add(m.id()));
        }
        // Cycles first: a revision whose parent chain returns to itself never reaches a root.
        Set<String> reachesRoot = new HashSet<>();
        for (ResolvedMigration m : members) {
            List<String> path = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            ResolvedMigration cur = m;
            while (true) {
                if (reachesRoot.contains(cur.id())) {
                    break;
                }
                if (!seen.add(cur.id())) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(cur.id()), path.size()));
                    cycle.add(cur.id());
                    throw invalid("revisions "
                            + cycle.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" -> "))
                            + " form a cycle in the " + branch.label()
                            + " branch (each names the next as its parent): one of them must have an earlier parent");
                }
                path.add(cur.id());
                if (cur.parent().isEmpty()) {
                    break;
                }
                cur = byId.get(cur.parent().get());
            }
            reachesRoot.addAll(path);
        }
        List<String> roots = members.stream()
                .filter(m -> m.parent().isEmpty())
                .map(ResolvedMigration::id)
                .toList();
        if (roots.size() > 1) {
            throw invalid("the " + branch.label() + " branch has " + roots.size() + " roots, " + quotedList(roots)
                    + ", none of which has a parent: make one the parent of the other (set the parent of \""
                    + roots.get(1) + "\" to the last revision after \"" + roots.get(0) + "\")");
        }
        List<String> heads = members.stream()
                .map(ResolvedMigration::id)
                .filter(id -> !children.containsKey(id))
                .toList();
        if (heads.size() > 1) {
            String h1 = heads.get(0);
            String h2 = heads.get(1);
            List<String> path1 = pathFromRoot(h1, byId);
            List<String> path2 = pathFromRoot(h2, byId);
            int i = 0;
            while (i < path1.size() && i < path2.size() && path1.get(i).equals(path2.get(i))) {
                i++;
            }
            String fork = path1.get(i - 1);
            String first2 = path2.get(i);
            throw invalid("the " + branch.label() + " branch has " + heads.size() + " heads, " + quotedList(heads)
                    + ", diverging after \"" + fork
                    + "\" (two changes were added in parallel): make one the parent of the other (set the parent of \""
                    + first2 + "\" to \"" + h1 + "\")");
        }
        List<ResolvedMigration> ordered = new ArrayList<>();
        String cur = roots.get(0);
        while (cur != null) {
            ordered.add(byId.get(cur));
            List<String> next = children.get(cur);
            cur = next == null ? null : next.get(0);
        }
        Map<String, String> milestones = new HashMap<>();
        for (ResolvedMigration m : ordered) {
            if (m.milestone().isPresent()) {
                String other = milestones.put(m.milestone().get(), m.id());
                if (other != null) {
                    throw invalid(
                            "milestone \"" + m.milestone().get() + "\" is on two " + branch.label() + " revisions, \""
                                    + other + "\" and \"" + m.id() + "\": a milestone marks one point per branch");
                }
            }
        }
        return List.copyOf(ordered);
    }

    private static List<String> pathFromRoot(String id, Map<String, ResolvedMigration> byId) {
        List<String> path = new ArrayList<>();
        ResolvedMigration cur = byId.get(id);
        while (cur != null) {
            path.add(0, cur.id());
            cur = cur.parent().map(byId::get).orElse(null);
        }
        return path;
    }

    private static String quotedList(List<String> ids) {
        List<String> q = ids.stream().map(s -> "\"" + s + "\"").toList();
        if (q.size() == 2) {
            return q.get(0) + " and " + q.get(1);
        }
        return String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.get(q.size() - 1);
    }

    private static ConcertinaException invalid(String message) {
        return new ConcertinaException(ErrorCode.INVALID_GRAPH, message);
    }

    /** The revisions of a branch from its root to its head. */
    public List<ResolvedMigration> chain(Branch branch) {
        return chains.get(branch);
    }

    /** Every revision, expand chain then contract chain. */
    public List<ResolvedMigration> all() {
        List<ResolvedMigration> all = new ArrayList<>(chains.get(Branch.EXPAND));
        all.addAll(chains.get(Branch.CONTRACT));
        return List.copyOf(all);
    }

    /** The last revision of a branch; empty when the branch has none. */
    public Optional<ResolvedMigration> head(Branch branch) {
        List<ResolvedMigration> c = chains.get(branch);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(c.size() - 1));
    }

    /** The revision with exactly this id. */
    public Optional<ResolvedMigration> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Position of a revision in its branch's chain (0 = root). */
    public int position(ResolvedMigration m) {
        return chains.get(m.branch()).indexOf(byId.get(m.id()));
    }

    /**
     * One revision from an id, a unique id prefix, or a milestone that marks a single revision.
     *
     * @throws ConcertinaException (UNKNOWN_REVISION) when nothing matches, a prefix is ambiguous,
     *         or the argument names a point rather than one revision ({@code base}, {@code head}, a
     *         milestone on both branches)
     */
    public ResolvedMigration resolve(String spec) {
        Target t = target(spec);
        if (t instanceof Target.Revisions r && r.revisions().size() == 1) {
            return r.revisions().get(0);
        }
        if (t instanceof Target.Revisions r) {
            throw new ConcertinaException(
                    ErrorCode.UNKNOWN_REVISION,
                    "milestone \"" + spec.trim() + "\" marks "
                            + r.revisions().size() + " revisions ("
                            + r.revisions().stream()
                                    .map(ResolvedMigration::toString)
                                    .collect(Collectors.joining(", "))
                            + "), not one: name the revision");
        }
        throw new ConcertinaException(
                ErrorCode.UNKNOWN_REVISION,
                "\"" + spec.trim() + "\" names a point in the history, not one revision: name a revision id");
    }

    /**
     * What a revision argument points at: {@code base}, {@code head}, {@code expand@head},
     * {@code contract@base}, {@code +N}, {@code -N}, an exact id, a milestone, or a unique id prefix
     * (tried in that order).
     *
     * @throws ConcertinaException (UNKNOWN_REVISION) naming the argument when nothing or more than one revision matches
     */
    public Target target(String spec) {
        String s = spec.trim();
        if (s.isEmpty()) {
            throw new ConcertinaException(
                    ErrorCode.UNKNOWN_REVISION,
                    "empty revision argument: give a revision id, prefix, milestone, base, head, +N or -N");
        }
        String lower = s.toLowerCase(Locale.ROOT);
        Optional<Branch> branch = Optional.empty();
        String point = lower;
        int at = lower.indexOf('@');
        if (at > 0) {
            String b = lower.substring(0, at);
            point = lower.substring(at + 1);
            if (!b.equals("expand") && !b.equals("contract") || !point.equals("head") && !point.equals("base")) {
                throw new ConcertinaException(
                        ErrorCode.UNKNOWN_REVISION,
                        "unknown revision \"" + s
                                + "\": expected expand@head, expand@base, contract@head or contract@base");
            }
            branch = Optional.of(Branch.fromLabel(b));
        }
        if (point.equals("base")) {
            return new Target.Base(branch);
        }
        if (point.equals("head") || point.equals("heads")) {
            return new Target.Head(branch);
        }
        if ((s.startsWith("+") || s.startsWith("-"))
                && s.length() > 1
                && s.substring(1).chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(s.substring(1));
                return new Target.Relative(s.startsWith("-") ? -n : n);
            } catch (NumberFormatException e) {
                throw new ConcertinaException(ErrorCode.UNKNOWN_REVISION, "step count \"" + s + "\" is too large");
            }
        }
        ResolvedMigration exact = byId.get(s);
        if (exact != null) {
            return new Target.Revisions(List.of(exact));
        }
        List<ResolvedMigration> marked = all().stream()
                .filter(m -> m.milestone().filter(s::equals).isPresent())
                .toList();
        if (!marked.isEmpty()) {
            return new Target.Revisions(marked);
        }
        List<ResolvedMigration> prefixed =
                all().stream().filter(m -> m.id().startsWith(s)).toList();
        if (prefixed.size() == 1) {
            return new Target.Revisions(prefixed);
        }
        if (prefixed.size() > 1) {
            throw new ConcertinaException(
                    ErrorCode.UNKNOWN_REVISION,
                    "revision prefix \"" + s + "\" is ambiguous: it matches "
                            + prefixed.stream()
                                    .map(m -> m.id() + " (" + m.branch().label() + ")")
                                    .collect(Collectors.joining(", ")));
        }
        Map<String, String> heads = new LinkedHashMap<>();
        for (Branch b : Branch.values()) {
            heads.put(b.label(), head(b).map(ResolvedMigration::id).orElse("none"));
        }
        throw new ConcertinaException(
                ErrorCode.UNKNOWN_REVISION,
                "unknown revision \"" + s + "\": no revision id, unique prefix or milestone matches (heads: expand "
                        + heads.get("expand") + ", contract " + heads.get("contract") + ")");
    }
}
