SELECT x._id
FROM xdm_events AS x
WHERE EXISTS (
    SELECT 1
    FROM xdm_events AS x0
    WHERE (x0.environment.browserDetails.name = x.environment.browserDetails.name OR (x0.environment.browserDetails.name IS NULL AND x.environment.browserDetails.name IS NULL)) AND x0.commerce.`order`.priceTotal > CAST('450' AS double))
ORDER BY x._id NULLS FIRST
