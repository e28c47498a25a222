SELECT x._id AS "Id", size(filter(x.productListItems, xdm_e0 -> xdm_e0.name LIKE '%Shoe%')) AS "Shoes"
FROM xdm_events AS x
WHERE to_json(x."productListItems") IS NOT NULL
ORDER BY x._id NULLS FIRST
