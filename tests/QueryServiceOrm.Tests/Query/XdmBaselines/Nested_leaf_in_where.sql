SELECT x._id
FROM xdm_events AS x
WHERE x.web.webPageDetails.name = 'Home'
ORDER BY x._id NULLS FIRST
