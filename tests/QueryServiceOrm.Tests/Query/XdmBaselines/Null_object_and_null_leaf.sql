SELECT x._id
FROM xdm_events AS x
WHERE x.commerce IS NULL OR x.web.webReferrer.URL IS NULL
ORDER BY x._id NULLS FIRST
