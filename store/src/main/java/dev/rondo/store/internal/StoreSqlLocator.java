package dev.rondo.store.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.locator.SqlLocator;

/**
 * jdbi's SqlObjects find their statements here: {@code Dao/name.sql} beside the DAO, read through
 * {@link SqlFiles} so that fragments are included as for the plain-JDBC statements. Not API.
 */
public final class StoreSqlLocator implements SqlLocator {

    private final ConcurrentMap<String, String> cache = new ConcurrentHashMap<>();

    @Override
    public String locate(Class<?> sqlObjectType, Method method, ConfigRegistry config) {
        String name = statementName(method);
        return cache.computeIfAbsent(sqlObjectType.getSimpleName() + "/" + name + ".sql", SqlFiles::read);
    }

    private static String statementName(Method method) {
        for (var annotation : method.getAnnotations()) {
            String value = switch (annotation) {
                case org.jdbi.v3.sqlobject.statement.SqlQuery q -> q.value();
                case org.jdbi.v3.sqlobject.statement.SqlUpdate u -> u.value();
                default -> null;
            };
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return method.getName();
    }
}
