SELECT x0.Key, max(x0.commerce.`order`.priceTotal) AS Max, COALESCE(sum(x0._luma.loyalty.points), 0) AS Points
FROM (
    SELECT x.commerce, x._luma, x.environment.browserDetails.name AS Key
    FROM xdm_events AS x
) AS x0
GROUP BY x0.Key
ORDER BY x0.Key NULLS FIRST
