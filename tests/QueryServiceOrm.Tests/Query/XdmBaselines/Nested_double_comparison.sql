SELECT x._id AS Id, x.commerce.`order`.priceTotal AS PriceTotal
FROM xdm_events AS x
WHERE x.commerce.`order`.priceTotal > CAST('250' AS double)
ORDER BY x._id NULLS FIRST
