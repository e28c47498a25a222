SELECT x0.Browser, x0.Tier, CAST(count(*) AS int) AS N
FROM (
    SELECT x.environment.browserDetails.name AS Browser, x._luma.loyalty.tier AS Tier
    FROM xdm_events AS x
) AS x0
GROUP BY x0.Browser, x0.Tier
ORDER BY x0.Browser NULLS FIRST, x0.Tier NULLS FIRST
