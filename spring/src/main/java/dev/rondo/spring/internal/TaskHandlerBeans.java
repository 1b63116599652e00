package dev.rondo.spring.internal;

import dev.rondo.spring.RondoTask;
import dev.rondo.worker.TaskHandler;
import dev.rondo.worker.TypedTaskHandler;
import dev.rondo.worker.Worker;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds the task handlers among an application's beans and registers them on a worker builder:
 * {@code @RondoTask} methods, {@code TaskHandler} beans and {@code TypedTaskHandler} beans (named by their
 * {@code @RondoTask}, else by the bean's name). A task found twice is an error naming both beans, found
 * when the context starts rather than when a worker first claims the task.
 */
public final class TaskHandlerBeans {

    private final ConfigurableListableBeanFactory beans;
    private final Worker.Builder builder;
    /** Task name → where its handler was found, for the message when another one turns up. */
    private final Map<String, String> found = new LinkedHashMap<>();

    private TaskHandlerBeans(ConfigurableListableBeanFactory beans, Worker.Builder builder) {
        this.beans = beans;
        this.builder = builder;
    }

    /** Registers every handler {@code beans} hold on {@code builder}; returns the task names, in the order found. */
    public static Iterable<String> register(ConfigurableListableBeanFactory beans, Worker.Builder builder) {
        TaskHandlerBeans registry = new TaskHandlerBeans(beans, builder);
        registry.handlerBeans();
        registry.typedHandlerBeans();
        registry.annotatedMethods();
        return registry.found.keySet();
    }

    private void handlerBeans() {
        for (String name : beans.getBeanNamesForType(TaskHandler.class)) {
            String task = taskName(name);
            claim(task, "TaskHandler bean '" + name + "'");
            builder.task(task, beans.getBean(name, TaskHandler.class));
        }
    }

    private void typedHandlerBeans() {
        for (String name : beans.getBeanNamesForType(TypedTaskHandler.class)) {
            String task = taskName(name);
            claim(task, "TypedTaskHandler bean '" + name + "'");
            @SuppressWarnings("unchecked")
            TypedTaskHandler<Object, Object> handler = beans.getBean(name, TypedTaskHandler.class);
            builder.task(task, inputType(name, handler), handler);
        }
    }

    private void annotatedMethods() {
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type == null) {
                continue;
            }
            Map<Method, RondoTask> methods = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
                    (MethodIntrospector.MetadataLookup<RondoTask>) TaskHandlerBeans::handlerMethod);
            if (methods.isEmpty()) {
                continue;
            }
            Object bean = beans.getBean(name);
            methods.forEach((method, annotation) -> {
                claim(annotation.value(), "@RondoTask method " + MethodTaskHandler.describe(method, name));
                MethodTaskHandler.register(builder, annotation.value(), bean, method, name);
            });
        }
    }

    /** A method's @RondoTask, unless it is a @Bean method, whose annotation names the task of the bean it makes. */
    private static RondoTask handlerMethod(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, Bean.class) ? null
                : AnnotatedElementUtils.findMergedAnnotation(method, RondoTask.class);
    }

    private String taskName(String beanName) {
        RondoTask annotation = beans.findAnnotationOnBean(beanName, RondoTask.class);
        return annotation != null ? annotation.value() : beanName;
    }

    /** The input type of a TypedTaskHandler bean: from its bean definition (a @Bean method's return type) or its class. */
    @SuppressWarnings("unchecked")
    private Class<Object> inputType(String name, TypedTaskHandler<?, ?> handler) {
        Class<?> type = beans.containsBeanDefinition(name)
                ? beans.getMergedBeanDefinition(name).getResolvableType().as(TypedTaskHandler.class).getGeneric(0).resolve()
                : null;
        if (type == null) {
            type = ResolvableType.forClass(ClassUtils.getUserClass(handler)).as(TypedTaskHandler.class).getGeneric(0).resolve();
        }
        if (type == null) {
            throw new IllegalStateException("Cannot tell the input type of TypedTaskHandler bean '" + name + "': declare its"
                    + " @Bean method as returning TypedTaskHandler<Input, Output>, or implement the interface in a class.");
        }
        return (Class<Object>) type;
    }

    private void claim(String task, String where) {
        if (task == null || task.isBlank()) {
            throw new IllegalStateException("The " + where + " names no task; give @RondoTask a task name.");
        }
        String earlier = found.putIfAbsent(task, where);
        if (earlier != null) {
            throw new IllegalStateException("Task '" + task + "' has two handlers: the " + earlier + " and the " + where
                    + "; a worker runs one handler per task.");
        }
    }
}
