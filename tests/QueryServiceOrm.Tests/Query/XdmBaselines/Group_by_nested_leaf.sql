SELECT x0.Key, CAST(count(*) AS int) AS N
FROM (
    SELECT x.environment.browserDetails.name AS Key
    FROM xdm_events AS x
) AS x0
GROUP BY x0.Key
ORDER BY x0.Key NULLS FIRST
