-- An execution's log lines after line :after, numbered, for the page and its live stream.
SELECT seq, line, logged_at FROM log_lines WHERE execution_id = :id AND seq > :after ORDER BY seq LIMIT :limit
