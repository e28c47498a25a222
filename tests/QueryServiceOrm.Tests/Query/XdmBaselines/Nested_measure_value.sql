SELECT x._id
FROM xdm_events AS x
WHERE x.web.webPageDetails.pageViews.value = CAST('1' AS double)
ORDER BY x._id NULLS FIRST
