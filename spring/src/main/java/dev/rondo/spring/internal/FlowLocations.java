package dev.rondo.spring.internal;

import dev.rondo.client.RondoClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Deploys the {@code rondo.flows.locations}: Spring resource locations turned into the paths
 * {@code RondoClient.deploy} reads, whether on disk or inside a jar (through the JDK's zip file system).
 */
public final class FlowLocations {

    private FlowLocations() {}

    /** Deploys every location in one deployment (all or nothing); nothing when there are none. */
    public static void deploy(RondoClient client, List<String> locations, ResourceLoader loader) {
        if (locations.isEmpty()) {
            return;
        }
        List<FileSystem> opened = new ArrayList<>();
        try {
            List<Path> paths = new ArrayList<>();
            for (String location : locations) {
                Path path = path(location, loader.getResource(location), opened);
                if (!Files.isRegularFile(path) && !holdsFlows(path)) {
                    // deploy would do nothing, and the application would start workflows of an older deployment
                    throw new IllegalStateException("rondo.flows.locations: " + location + " holds no .flow file.");
                }
                paths.add(path);
            }
            client.deploy(paths.toArray(Path[]::new));
        } finally {
            for (FileSystem fileSystem : opened) {
                try {
                    fileSystem.close();
                } catch (IOException e) {
                    // a read-only view of a jar: nothing was written that closing could lose
                }
            }
        }
    }

    private static boolean holdsFlows(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.anyMatch(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".flow"));
        } catch (IOException e) {
            throw new UncheckedIOException("rondo.flows.locations: cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Path path(String location, Resource resource, List<FileSystem> opened) {
        if (!resource.exists()) {
            throw new IllegalStateException("rondo.flows.locations: " + location + " does not exist.");
        }
        try {
            if (resource.isFile()) {
                return resource.getFile().toPath();
            }
            URI uri = resource.getURI();
            try {
                return Path.of(uri);
            } catch (FileSystemNotFoundException e) {
                opened.add(FileSystems.newFileSystem(uri, Map.of()));
                return Path.of(uri);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rondo.flows.locations: cannot read " + location + ": " + e.getMessage(), e);
        }
    }
}
