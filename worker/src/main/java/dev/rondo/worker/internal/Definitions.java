package dev.rondo.worker.internal;

import dev.rondo.core.AstCodec;
import dev.rondo.core.Executable;
import dev.rondo.store.SliceDao;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Linked programs by (name, hash). A definition never changes once deployed, so an entry never goes
 * stale; the cache only grows with the versions this worker has run.
 */
final class Definitions {

    private record Key(String name, String hash) {}

    private final ConcurrentHashMap<Key, Executable> cache = new ConcurrentHashMap<>();

    /** The program, loaded through {@code dao} the first time; empty when no such version is stored. */
    Optional<Executable> get(SliceDao dao, String name, String hash) throws SQLException {
        Key key = new Key(name, hash);
        Executable cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return dao.loadDefinition(name, hash).map(ast -> {
            Executable executable = Executable.of(AstCodec.fromJson(ast));
            cache.putIfAbsent(key, executable);
            return executable;
        });
    }
}
