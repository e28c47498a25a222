SELECT x0._id
FROM xdm_events AS x
INNER JOIN xdm_events AS x0 ON x.environment.browserDetails.name = x0.environment.browserDetails.name
WHERE x._id = 'evt-00000003'
ORDER BY x0._id NULLS FIRST
LIMIT 5
