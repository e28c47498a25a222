SELECT DISTINCT to_json(x.environment) AS environment
FROM xdm_events AS x
