SELECT x._id AS Id, x.web.webPageDetails.URL AS Url, x.environment.browserDetails.name AS Browser
FROM xdm_events AS x
ORDER BY x._id NULLS FIRST
