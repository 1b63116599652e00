package dev.rondo.testing;

import dev.rondo.testing.internal.QuietLogs;
import dev.rondo.testing.internal.Schemas;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The JUnit 5 extension behind {@link RondoDatabase}: creates and migrates a schema before a test class,
 * injects it, and drops it after the class. Usable directly with
 * {@code @ExtendWith(RondoDatabaseExtension.class)}.
 */
public final class RondoDatabaseExtension
        implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RondoDatabaseExtension.class);

    static {
        QuietLogs.apply(); // before the server starts and the schema is migrated
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        inject(context.getRequiredTestClass(), null, create(context));
    }

    /** The class's schema, created on first use (before the instance with {@code PER_CLASS} lifecycle). */
    private static DatabaseSchema create(ExtensionContext classContext) {
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(classContext.getRequiredTestClass(), type -> {
            String schema = Schemas.createMigrated(type.getSimpleName());
            return new DatabaseSchema(schema, Schemas.url(schema));
        }, DatabaseSchema.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        DatabaseSchema database = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), DatabaseSchema.class);
        if (database != null) {
            Schemas.drop(database.schema());
        }
    }

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
        DatabaseSchema existing = find(context);
        inject(instance.getClass(), instance, existing != null ? existing : create(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == DatabaseSchema.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DatabaseSchema database = schema(context);
        return parameter.getParameter().getType() == DataSource.class ? database.dataSource() : database;
    }

    /** The schema of the innermost test class that has one (a {@code @Nested} class may use its outer class's). */
    private static DatabaseSchema schema(ExtensionContext context) {
        DatabaseSchema found = find(context);
        if (found == null) {
            throw new ExtensionConfigurationException("No Rondo test schema: mark the test class @RondoDatabase.");
        }
        return found;
    }

    private static DatabaseSchema find(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestClass().isPresent()) {
                DatabaseSchema found = c.getStore(NAMESPACE).get(c.getTestClass().get(), DatabaseSchema.class);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Sets the fields marked {@code @RondoDatabase}: the static ones when {@code instance} is null. */
    private static void inject(Class<?> type, Object instance, DatabaseSchema database) throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!field.isAnnotationPresent(RondoDatabase.class)
                        || Modifier.isStatic(field.getModifiers()) != (instance == null)) {
                    continue;
                }
                field.setAccessible(true);
                field.set(instance, valueFor(field, database));
            }
        }
    }

    private static Object valueFor(Field field, DatabaseSchema database) {
        Class<?> type = field.getType();
        if (type == DataSource.class) {
            return database.dataSource();
        }
        if (type == DatabaseSchema.class) {
            return database;
        }
        if (type == String.class) {
            return database.url();
        }
        throw new ExtensionConfigurationException("Field " + field.getDeclaringClass().getSimpleName() + "." + field.getName()
                + " is marked @RondoDatabase but is a " + type.getSimpleName()
                + "; use DataSource, DatabaseSchema or String (the JDBC URL).");
    }
}
