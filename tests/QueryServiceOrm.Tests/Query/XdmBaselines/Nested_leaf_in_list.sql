SELECT x._id
FROM xdm_events AS x
WHERE x.environment.browserDetails.name IN ('Chrome', 'Safari')
ORDER BY x._id NULLS FIRST
