-- A million workflow executions for the dashboard benchmark, as a busy month leaves them: spread over 30
-- days, newest last, 90% completed, 3% failed, 1% cancelled, 4% waiting, 1% queued, 1% running, on three
-- workflows and four queues. Written straight into the tables (no engine): the pages only read them.
INSERT INTO flow_definitions (name, hash, source, ast)
SELECT 'bench/' || w, repeat(substr(md5(w), 1, 16), 4), 'let order = Inputs' || chr(10) || 'await Signal.next("go")' || chr(10), '{}'
FROM unnest(ARRAY['checkout', 'refund', 'report']) AS w;
INSERT INTO flow_heads (name, hash) SELECT name, hash FROM flow_definitions;

INSERT INTO executions (id, kind, name, definition_hash, queue, status, input, result, error,
                        created_at, started_at, finished_at)
SELECT 'x-' || lpad(n::text, 8, '0'), 'workflow', d.name, d.hash,
       (ARRAY['default', 'orders', 'mail', 'reports'])[1 + n % 4],
       s.status, '{"n":' || n || '}',
       CASE WHEN s.status = 'completed' THEN '{"ok":true}' END,
       CASE WHEN s.status IN ('failed', 'cancelled') THEN '{"name":"Error","message":"boom","file":"x.flow","line":2,"column":1}' END,
       t.created, t.created + interval '5 ms',
       CASE WHEN s.status IN ('completed', 'failed', 'cancelled') THEN t.created + interval '2 s' END
FROM generate_series(1, :count) AS n
CROSS JOIN LATERAL (SELECT now() - interval '30 days' + (n::double precision / :count) * interval '30 days' AS created) t
CROSS JOIN LATERAL (SELECT CASE WHEN n % 100 < 90 THEN 'completed' WHEN n % 100 < 93 THEN 'failed'
                                WHEN n % 100 < 94 THEN 'cancelled' WHEN n % 100 < 98 THEN 'waiting'
                                WHEN n % 100 < 99 THEN 'queued' ELSE 'running' END AS status) s
JOIN flow_definitions d ON d.name = 'bench/' || (ARRAY['checkout', 'refund', 'report'])[1 + n % 3];
