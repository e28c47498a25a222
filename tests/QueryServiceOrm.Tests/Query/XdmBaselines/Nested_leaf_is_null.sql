SELECT x._id
FROM xdm_events AS x
WHERE x.commerce.`order`.purchaseID IS NULL AND x.commerce IS NOT NULL
ORDER BY x._id NULLS FIRST
