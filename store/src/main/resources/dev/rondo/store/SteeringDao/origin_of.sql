-- Where a fork came from (null columns for an execution that is no fork).
SELECT forked_from, forked_at_step FROM executions WHERE id = :id AND kind = 'workflow'
