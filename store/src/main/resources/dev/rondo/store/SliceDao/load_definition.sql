SELECT ast FROM flow_definitions WHERE name = :name AND hash = :hash
