SELECT x._id AS Id, to_json(transform(x.productListItems, xdm_e0 -> xdm_e0.SKU)) AS Skus
FROM xdm_events AS x
WHERE x.productListItems IS NOT NULL
ORDER BY x._id NULLS FIRST
