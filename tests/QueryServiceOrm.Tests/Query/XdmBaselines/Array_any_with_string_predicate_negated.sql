SELECT x._id
FROM xdm_events AS x
WHERE size(x."productListItems") > 0 AND NOT (exists(x.productListItems, xdm_e0 -> xdm_e0.SKU LIKE 'SKU-0%'))
ORDER BY x._id NULLS FIRST
