SELECT x._id
FROM xdm_events AS x
ORDER BY x.commerce.`order`.priceTotal DESC NULLS LAST, x._id NULLS FIRST
LIMIT 5 OFFSET 2
