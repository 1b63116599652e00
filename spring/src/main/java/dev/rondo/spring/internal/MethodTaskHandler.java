package dev.rondo.spring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.worker.TaskContext;
import dev.rondo.worker.Worker;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers a {@code @RondoTask} method of a bean as a task handler: the method's input parameter decides
 * whether the worker hands it a {@code JsonNode} or a value Jackson read (so an input that does not fit
 * fails the task at once, as a {@code TypedTaskHandler}'s does), and its exception fails the attempt as
 * if the method were the handler.
 */
final class MethodTaskHandler {

    private final Object bean;
    private final Method method;
    private final int inputIndex;   // -1: the method takes no input
    private final int contextIndex; // -1: the method takes no TaskContext

    private MethodTaskHandler(Object bean, Method method, int inputIndex, int contextIndex) {
        this.bean = bean;
        this.method = method;
        this.inputIndex = inputIndex;
        this.contextIndex = contextIndex;
    }

    /** Adds the handler of {@code task} to {@code builder}; throws when the method's parameters do not fit. */
    static void register(Worker.Builder builder, String task, Object bean, Method declared, String beanName) {
        Method method = AopUtils.selectInvocableMethod(declared, bean.getClass());
        ReflectionUtils.makeAccessible(method);
        int input = -1;
        int context = -1;
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getType() == TaskContext.class && context < 0) {
                context = i;
            } else if (input < 0) {
                input = i;
            } else {
                throw new IllegalStateException("@RondoTask(\"" + task + "\") method " + describe(declared, beanName)
                        + " takes more than the task's input and a TaskContext; give it at most those two parameters.");
            }
        }
        MethodTaskHandler handler = new MethodTaskHandler(bean, method, input, context);
        if (input < 0 || parameters[input].getType() == JsonNode.class) {
            builder.task(task, handler::call);
        } else {
            @SuppressWarnings("unchecked")
            Class<Object> type = (Class<Object>) parameters[input].getType();
            builder.task(task, type, handler::call);
        }
    }

    static String describe(Method method, String beanName) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + " (bean '" + beanName + "')";
    }

    private Object call(Object input, TaskContext context) throws Exception {
        Object[] arguments = new Object[method.getParameterCount()];
        if (inputIndex >= 0) {
            arguments[inputIndex] = input;
        }
        if (contextIndex >= 0) {
            arguments[contextIndex] = context;
        }
        try {
            return method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            // the handler's own exception, so that TaskFailure.permanent and retries work as for any handler
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
