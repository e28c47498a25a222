SELECT upper(x.web.webPageDetails.name)
FROM xdm_events AS x
WHERE x.web.webPageDetails.name LIKE '%ü%' OR x.web.webPageDetails.name LIKE 'Cart%'
ORDER BY x._id NULLS FIRST
