SELECT x0._id
FROM xdmq_events AS x
INNER JOIN xdmq_events AS x0 ON x.environment.browserDetails.name = x0.environment.browserDetails.name
WHERE x._id = 'evt-00000003'
ORDER BY x0._id NULLS FIRST
LIMIT 5
