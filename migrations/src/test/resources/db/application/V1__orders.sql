-- An application's own migration, run by its own Flyway in the schema Rondo uses too.
CREATE TABLE orders (id text PRIMARY KEY);
