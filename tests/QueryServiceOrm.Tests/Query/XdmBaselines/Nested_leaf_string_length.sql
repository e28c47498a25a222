SELECT x._id AS Id, CAST(length(x.web.webPageDetails.name) AS int) AS L
FROM xdm_events AS x
WHERE CAST(length(x.web.webPageDetails.name) AS int) > 12
ORDER BY x._id NULLS FIRST
