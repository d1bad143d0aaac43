package dev.concertina.runtime.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.Revision;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
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
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                switch (url.getProtocol()) {
                    case "file" -> scanDirectory(url, pkg, names);
                    case "jar" -> scanJar(url, path, names);
                    default -> throw new ConcertinaException(ErrorCode.CONFIGURATION,
                            "cannot list migrations of package " + pkg + " at " + url + ": only directories and jars are supported");
                }
            }
        } catch (IOException e) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, "cannot read migrations package " + pkg + ": " + e.getMessage(), e);
        }
        List<Class<?>> found = new ArrayList<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ConcertinaException(ErrorCode.CONFIGURATION, "cannot load migration class " + name + ": " + e, e);
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
                names.add(pkg + "." + rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
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
                    names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
    }

    private static boolean isTopLevelClass(String fileName) {
        return fileName.endsWith(".class") && !fileName.contains("$") && !fileName.equals("package-info.class")
                && !fileName.equals("module-info.class");
    }
}
