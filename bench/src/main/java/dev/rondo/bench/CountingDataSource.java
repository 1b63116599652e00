package dev.rondo.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A data source that counts the statements its users execute (each execute*, a batch as one), on the
 * client side: the idle benchmark's count of statements where the server has no pg_stat_statements.
 * Driver-level round trips (a pool's liveness check, the BEGIN and COMMIT of a transaction) are not counted.
 */
final class CountingDataSource {

    private final AtomicLong executed = new AtomicLong();
    private final DataSource counted;

    CountingDataSource(DataSource target) {
        this.counted = proxy(DataSource.class, target, (method, result) ->
                method.getName().equals("getConnection") ? connection((Connection) result) : result);
    }

    DataSource dataSource() {
        return counted;
    }

    long executed() {
        return executed.get();
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, result) -> switch (method.getName()) {
            case "createStatement" -> statement(Statement.class, (Statement) result);
            case "prepareStatement" -> statement(PreparedStatement.class, (PreparedStatement) result);
            case "prepareCall" -> statement(CallableStatement.class, (CallableStatement) result);
            default -> result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S target) {
        return proxy(type, target, (method, result) -> {
            if (method.getName().startsWith("execute")) {
                executed.incrementAndGet();
            }
            return result;
        });
    }

    private interface After {
        Object apply(Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
