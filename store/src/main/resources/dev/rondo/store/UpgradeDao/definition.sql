-- An older version's compiled AST, to map its checkpoints from (one read per version, not per execution).
SELECT ast FROM flow_definitions WHERE name = :name AND hash = :hash
