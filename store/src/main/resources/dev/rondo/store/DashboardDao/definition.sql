-- One deployed version with its source.
SELECT name, hash, deployed_at, source FROM flow_definitions WHERE name = :name AND hash = :hash
