package dev.concertina.entities.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the class files in classpath entries (directories and jars) that carry a JPA mapping
 * annotation, without loading every class: a class file names the annotations it carries in its
 * constant pool, so a byte search for their descriptors is a safe pre-filter. Only candidates are
 * loaded (uninitialised) and checked for the annotation itself.
 */
public final class ClasspathScanner {

    /** Class-level JPA annotations that make a class part of the model. */
    static final List<String> DESCRIPTORS = List.of(
            "Ljakarta/persistence/Entity;",
            "Ljakarta/persistence/Embeddable;",
            "Ljakarta/persistence/MappedSuperclass;",
            "Ljakarta/persistence/Converter;");

    private ClasspathScanner() {}

    /**
     * Binary names of candidate classes under {@code packages} (and their subpackages) in
     * {@code entries}, sorted; an empty package list means every package.
     */
    public static List<String> candidates(List<Path> entries, List<String> packages) {
        TreeSet<String> out = new TreeSet<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                scanDirectory(entry, packages, out);
            } else if (Files.isRegularFile(entry)) {
                scanJar(entry, packages, out);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Binary names of classes under {@code packages} annotated with the pre-Jakarta
     * {@code javax.persistence.Entity}, which Hibernate 7 ignores: worth a hint when no entity is found.
     */
    public static List<String> javaxEntities(List<Path> entries, List<String> packages) {
        TreeSet<String> out = new TreeSet<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                scanDirectory(entry, packages, out, JAVAX);
            } else if (Files.isRegularFile(entry)) {
                scanJar(entry, packages, out, JAVAX);
            }
        }
        return List.copyOf(out);
    }

    private static final List<String> JAVAX = List.of("Ljavax/persistence/Entity;");

    /**
     * Binary names of the classes in the directory entries of {@code entries} whose class file
     * mentions {@code descriptor} (jars are left out: an application's dependencies are large).
     */
    static List<String> directoriesMentioning(List<Path> entries, String descriptor) {
        TreeSet<String> out = new TreeSet<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                scanDirectory(entry, List.of(), out, List.of(descriptor));
            }
        }
        return List.copyOf(out);
    }

    private static void scanDirectory(Path root, List<String> packages, TreeSet<String> out) {
        scanDirectory(root, packages, out, DESCRIPTORS);
    }

    private static void scanJar(Path jar, List<String> packages, TreeSet<String> out) {
        scanJar(jar, packages, out, DESCRIPTORS);
    }

    private static void scanDirectory(Path root, List<String> packages, TreeSet<String> out, List<String> descriptors) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String resource = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), "/");
                String name = className(resource);
                if (name != null && inPackages(name, packages) && mentions(Files.readAllBytes(file), descriptors)) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath directory " + root + ": " + e.getMessage(), e);
        }
    }

    private static void scanJar(Path jar, List<String> packages, TreeSet<String> out, List<String> descriptors) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                String name = e.isDirectory() ? null : className(e.getName());
                if (name != null && inPackages(name, packages)) {
                    try (InputStream in = file.getInputStream(e)) {
                        if (mentions(in.readAllBytes(), descriptors)) {
                            out.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath jar " + jar + ": " + e.getMessage(), e);
        }
    }

    private static String className(String resource) {
        if (!resource.endsWith(".class")
                || resource.startsWith("META-INF/")
                || resource.endsWith("module-info.class")
                || resource.endsWith("package-info.class")) {
            return null;
        }
        return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
    }

    static boolean inPackages(String className, List<String> packages) {
        if (packages.isEmpty()) {
            return true;
        }
        for (String p : packages) {
            if (p.isEmpty() || className.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    static boolean mentionsMappingAnnotation(byte[] classFile) {
        return mentions(classFile, DESCRIPTORS);
    }

    private static boolean mentions(byte[] classFile, List<String> descriptors) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        for (String d : descriptors) {
            if (text.contains(d)) {
                return true;
            }
        }
        return false;
    }

    /** The classpath entries as they are, for messages. */
    public static String describe(List<Path> entries) {
        List<String> s = new ArrayList<>();
        for (Path p : entries) {
            s.add(p.toString());
        }
        return String.join(java.io.File.pathSeparator, s);
    }
}
