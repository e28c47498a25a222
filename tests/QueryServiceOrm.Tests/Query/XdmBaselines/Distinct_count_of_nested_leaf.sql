SELECT CAST(count(*) AS int)
FROM (
    SELECT DISTINCT x.web.webPageDetails.name AS c
    FROM xdm_events AS x
) AS x0
