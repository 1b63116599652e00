package dev.rondo.spring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.worker.TaskContext;
import dev.rondo.worker.TaskHandler;
import dev.rondo.worker.TypedTaskHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The handlers of flows/orders/welcome.flow, one of each kind the starter finds among beans. */
@Configuration(proxyBeanMethods = false)
class WelcomeHandlers {

    record Lookup(String id) {}

    record Person(String name, String key) {}

    record Text(String text) {}

    /** A bean with a @RondoTask method that takes a record and the context. */
    static class Directory {
        @RondoTask("lookup")
        Person lookup(Lookup lookup, TaskContext context) {
            return new Person("person " + lookup.id(), context.idempotencyKey());
        }
    }

    /** A TypedTaskHandler class named by @RondoTask. */
    @RondoTask("shout")
    static class Shout implements TypedTaskHandler<Text, String> {
        @Override
        public String handle(Text input, TaskContext context) {
            return input.text().toUpperCase() + "!";
        }
    }

    @Bean
    Directory directory() {
        return new Directory();
    }

    /** A TaskHandler bean: its task is the bean's name. */
    @Bean
    TaskHandler greet() {
        return (JsonNode input, TaskContext context) -> "hello " + input.get("name").asText();
    }

    @Bean
    Shout shouter() {
        return new Shout();
    }
}
