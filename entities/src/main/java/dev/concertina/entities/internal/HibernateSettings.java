package dev.concertina.entities.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;

/**
 * The Hibernate settings a read of the entities uses, as the running application would have
 * them, from the lowest layer to the highest:
 * <ol>
 *   <li>for a Spring Boot application, Spring Boot's defaults (snake-case physical naming,
 *       Spring's implicit naming) and its {@code application.properties}/{@code .yml}
 *       ({@code spring.jpa.hibernate.naming.*}, {@code spring.jpa.properties.*});</li>
 *   <li>the persistence unit's {@code <properties>};</li>
 *   <li>the settings Concertina was given ({@code concertina.properties}, then the command line).</li>
 * </ol>
 * A naming strategy that names Spring Boot's class when Spring Boot is not on the entity class
 * path is replaced by the equivalent that is: Hibernate's snake-case strategy, or
 * {@link SpringBootJoinTableNaming}. See docs/entities.md.
 */
public final class HibernateSettings {

    static final String PHYSICAL = AvailableSettings.PHYSICAL_NAMING_STRATEGY;
    static final String IMPLICIT = AvailableSettings.IMPLICIT_NAMING_STRATEGY;
    /** {@code auto} (the default), {@code true} or {@code false}: whether Spring Boot's configuration applies. */
    public static final String SPRING_BOOT = "concertina.spring-boot";

    private static final Set<String> SPRING_IMPLICIT = Set.of(
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy",
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy");
    private static final Set<String> SPRING_PHYSICAL = Set.of(
            "org.springframework.boot.orm.jpa.hibernate.SpringPhysicalNamingStrategy",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
    /** Hibernate's short names for its implicit strategies. */
    private static final Set<String> IMPLICIT_SHORT_NAMES =
            Set.of("default", "jpa", "legacy-jpa", "legacy-hbm", "component-path");

    /** A setting's value and where it came from, for messages. */
    public record Setting(Object value, String where) {}

    private final Map<String, Setting> settings;
    private final boolean springBoot;

    private HibernateSettings(Map<String, Setting> settings, boolean springBoot) {
        this.settings = Collections.unmodifiableMap(settings);
        this.springBoot = springBoot;
    }

    /** The settings that shape the schema, each with its source. */
    public Map<String, Setting> settings() {
        return settings;
    }

    /** True when Spring Boot's configuration and defaults were applied. */
    public boolean springBoot() {
        return springBoot;
    }

    /** The value of {@code key}, when set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key)).map(s -> String.valueOf(s.value()));
    }

    /** The values alone, for Hibernate's registry. */
    Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    /**
     * The settings for entities on {@code classpath} (loaded by {@code loader}), with the unit's
     * {@code unitProperties} (from {@code unitWhere}) and the {@code given} settings.
     *
     * @throws ConcertinaException (CONFIGURATION) naming the setting and its source when a given
     *         key is not a Hibernate, JPA or Spring setting, or a naming strategy class is missing
     */
    static HibernateSettings resolve(
            URLClassLoader loader,
            List<Path> classpath,
            Map<String, String> unitProperties,
            String unitWhere,
            Map<String, String> given) {
        given.keySet().forEach(HibernateSettings::requireKnown);
        Map<String, Setting> out = new LinkedHashMap<>();
        boolean springBoot = false;
        String mode = given.getOrDefault(SPRING_BOOT, "auto").strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("false")) {
            Optional<Map<String, SpringBootConfig.Value>> spring = SpringBootConfig.read(loader, classpath, given);
            if (spring.isPresent() || mode.equals("true")) {
                springBoot = true;
                springLayer(spring.orElse(Map.of()), out);
            }
        }
        unitProperties.forEach((k, v) -> put(out, k, v, unitWhere));
        given.forEach((k, v) -> put(out, k, v, "setting " + k));
        for (String key : List.of(PHYSICAL, IMPLICIT)) {
            Setting s = out.get(key);
            if (s != null && s.value() instanceof String name) {
                out.put(key, new Setting(strategy(key, name.strip(), s.where(), loader), s.where()));
            }
        }
        return new HibernateSettings(out, springBoot);
    }

    /** Spring Boot's defaults, then the application's {@code spring.jpa} settings over them. */
    private static void springLayer(Map<String, SpringBootConfig.Value> spring, Map<String, Setting> out) {
        out.put(PHYSICAL, new Setting(PhysicalNamingStrategySnakeCaseImpl.class.getName(), "Spring Boot's default"));
        out.put(
                IMPLICIT,
                new Setting(
                        "org.springframework.boot.hibernate.SpringImplicitNamingStrategy", "Spring Boot's default"));
        String physical = SpringBootConfig.relaxed("spring.jpa.hibernate.naming.physical-strategy");
        String implicit = SpringBootConfig.relaxed("spring.jpa.hibernate.naming.implicit-strategy");
        spring.forEach((k, v) -> {
            String r = SpringBootConfig.relaxed(k);
            if (r.equals(physical)) {
                out.put(PHYSICAL, new Setting(v.text(), v.where() + ": " + k));
            } else if (r.equals(implicit)) {
                out.put(IMPLICIT, new Setting(v.text(), v.where() + ": " + k));
            }
        });
        // spring.jpa.properties.* go to Hibernate as they are, over the naming.* ones (as in Spring Boot).
        String prefix = "spring.jpa.properties.";
        spring.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                put(out, k.substring(prefix.length()), v.text(), v.where() + ": " + k);
            }
        });
    }

    private static void put(Map<String, Setting> out, String key, String value, String where) {
        if (BootedModel.passesThrough(key)) {
            out.put(key, new Setting(value, where));
        }
    }

    /** The strategy to give Hibernate for {@code name}: itself when loadable, else an equivalent, else an error. */
    private static Object strategy(String key, String name, String where, URLClassLoader loader) {
        if (key.equals(IMPLICIT) && IMPLICIT_SHORT_NAMES.contains(name)) {
            return name;
        }
        try {
            Class.forName(name, false, loader);
            return name;
        } catch (ClassNotFoundException | LinkageError e) {
            if (key.equals(IMPLICIT) && SPRING_IMPLICIT.contains(name)) {
                return new SpringBootJoinTableNaming();
            }
            if (key.equals(PHYSICAL) && SPRING_PHYSICAL.contains(name)) {
                return PhysicalNamingStrategySnakeCaseImpl.class.getName();
            }
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    key + " = " + name + " (" + where
                            + "): no such class on the entity class path; add its jar or folder to the class path");
        }
    }

    /** Refuses a given key that no Hibernate, JPA or Spring Boot application reads, naming the nearest known one. */
    private static void requireKnown(String key) {
        if (key.equals(SPRING_BOOT)
                || key.startsWith("spring.")
                || key.startsWith("jakarta.persistence.")
                || key.startsWith("javax.persistence.")
                || KNOWN.contains(key)) {
            return;
        }
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String k : KNOWN) {
            int d = distance(key, k);
            if (d < best) {
                best = d;
                nearest = k;
            }
        }
        throw new ConcertinaException(
                ErrorCode.CONFIGURATION,
                "Hibernate setting '" + key + "': unknown"
                        + (nearest != null && best <= 4
                                ? " (did you mean '" + nearest + "'?)"
                                : "; expected a hibernate.*, jakarta.persistence.* or spring.* setting"));
    }

    /** Every {@code hibernate.*} key Hibernate declares in {@link AvailableSettings}. */
    private static final Set<String> KNOWN = known();

    private static Set<String> known() {
        Set<String> out = new TreeSet<>();
        for (Field f : AvailableSettings.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    String v = (String) f.get(null);
                    if (v != null && v.startsWith("hibernate.")) out.add(v);
                } catch (IllegalAccessException e) {
                    // public constants of a public interface: never
                }
            }
        }
        return out;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
