-- Point the name at the new version; redeploying the current version updates nothing (0 rows),
-- which is how deploy reports "unchanged".
INSERT INTO flow_heads (name, hash)
VALUES (:name, :hash)
ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, updated_at = now()
WHERE flow_heads.hash <> excluded.hash
