-- An execution's print/console.log lines after line :after (0: from the first), in order.
SELECT line FROM log_lines WHERE execution_id = :id AND seq > :after ORDER BY seq
