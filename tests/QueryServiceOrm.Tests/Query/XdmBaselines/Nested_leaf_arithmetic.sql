SELECT x.commerce.`order`.priceTotal * CAST('2' AS double)
FROM xdm_events AS x
WHERE x.commerce.`order` IS NOT NULL
ORDER BY x._id NULLS FIRST
