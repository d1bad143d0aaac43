package dev.concertina.runtime.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.Revision;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the classes carrying {@link Revision} under a package, in directories and jars. */
public final class ClassScanner {

    private ClassScanner() {}

    public static List<Class<?>> scan(ClassLoader loader, String packageName) {
        String pkg = packageName.trim();
        String path = pkg.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        boolean packageSeen = false;
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                packageSeen = true;
                switch (url.getProtocol()) {
                    case "file" -> scanDirectory(url, pkg, names);
                    case "jar" -> scanJar(url, path, names);
                    default ->
                        throw new ConcertinaException(
                                ErrorCode.CONFIGURATION,
                                "cannot list migrations of package " + pkg + " at " + url
                                        + ": only directories and jars are supported");
                }
            }
            // Jars written without directory entries do not answer getResources(package): read them directly.
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")) {
                        packageSeen |= scanJarFile(
                                Paths.get(URLDecoder.decode(url.getPath(), StandardCharsets.UTF_8)), path, names);
                    }
                }
            }
        } catch (IOException e) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "cannot read migrations package " + pkg + ": " + e.getMessage(), e);
        }
        if (!packageSeen) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    "migrations package " + pkg
                            + " is not on the class path: check the package name and the migrations class path");
        }
        List<Class<?>> found = new ArrayList<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, "cannot load migration class " + name + ": " + e, e);
            }
            if (type.isAnnotationPresent(Revision.class)) {
                found.add(type);
            }
        }
        return found;
    }

    private static void scanDirectory(URL url, String pkg, TreeSet<String> names) throws IOException {
        Path dir;
        try {
            dir = Paths.get(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            dir = Paths.get(URLDecoder.decode(url.getPath(), StandardCharsets.UTF_8));
        }
        Path root = dir;
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> isTopLevelClass(p.getFileName().toString())).forEach(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                names.add(pkg + "."
                        + rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
            });
        }
    }

    private static void scanJar(URL url, String path, TreeSet<String> names) throws IOException {
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new IOException("not a jar: " + url);
        }
        // Our own handle on the file: the cached one is shared with the class loader.
        jarConnection.setUseCaches(false);
        try (JarFile jar = jarConnection.getJarFile()) {
            String prefix = path + "/";
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                String file = entry.substring(entry.lastIndexOf('/') + 1);
                if (entry.startsWith(prefix) && isTopLevelClass(file)) {
                    names.add(entry.substring(0, entry.length() - ".class".length())
                            .replace('/', '.'));
                }
            }
        }
    }

    private static boolean scanJarFile(Path file, String path, TreeSet<String> names) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        boolean seen = false;
        try (JarFile jar = new JarFile(file.toFile())) {
            String prefix = path + "/";
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(prefix)) {
                    seen = true;
                    String fileName = entry.substring(entry.lastIndexOf('/') + 1);
                    if (isTopLevelClass(fileName)) {
                        names.add(entry.substring(0, entry.length() - ".class".length())
                                .replace('/', '.'));
                    }
                }
            }
        }
        return seen;
    }

    private static boolean isTopLevelClass(String fileName) {
        return fileName.endsWith(".class")
                && !fileName.contains("$")
                && !fileName.equals("package-info.class")
                && !fileName.equals("module-info.class");
    }
}
