SELECT hash FROM flow_heads WHERE name = :name
