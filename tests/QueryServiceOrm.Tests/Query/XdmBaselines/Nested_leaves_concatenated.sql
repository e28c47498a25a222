SELECT COALESCE(x.environment.browserDetails.name, '') || ' ' || COALESCE(x.environment.browserDetails.version, '')
FROM xdm_events AS x
ORDER BY x._id NULLS FIRST
