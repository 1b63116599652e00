-- Whether a workflow execution has this id (the search box).
SELECT EXISTS (SELECT 1 FROM executions WHERE id = :id AND kind = 'workflow')
