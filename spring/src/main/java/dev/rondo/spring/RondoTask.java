package dev.rondo.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the task a bean handles, for the worker that {@link RondoAutoConfiguration} starts.
 *
 * <p>On a method of any bean: the method runs each attempt of the task. It takes the task's input (a
 * record or class Jackson reads the input as, or a {@code JsonNode}) and, optionally, a
 * {@code TaskContext}, in any order; it returns the result (anything Jackson writes, or {@code void} for
 * {@code null}); what it throws fails the attempt, as a handler's exception does.
 *
 * <pre>{@code
 * @Component
 * class Payments {
 *     @RondoTask("chargeCard")
 *     Receipt charge(Charge charge, TaskContext ctx) {
 *         return gateway.charge(charge.cents(), ctx.idempotencyKey());
 *     }
 * }
 * }</pre>
 *
 * <p>On a bean class (or its {@code @Bean} method) that is a {@code TaskHandler} or a
 * {@code TypedTaskHandler}: names its task. Such beans without the annotation handle the task named like
 * the bean.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RondoTask {

    /** The task's name, as the flow's {@code Task.run(name, …)} gives it. */
    String value();
}
