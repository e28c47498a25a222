SELECT x._id AS Id, to_json(transform(x.productListItems, xdm_e0 -> xdm_e0.quantity * 10)) AS Quantities
FROM xdm_events AS x
ORDER BY x._id NULLS FIRST
