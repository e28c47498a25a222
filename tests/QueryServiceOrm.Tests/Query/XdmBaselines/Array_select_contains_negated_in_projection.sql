SELECT x._id AS Id, NOT (coalesce(exists(x.productListItems, xdm_e0 -> coalesce(xdm_e0.quantity = 5 AND xdm_e0.quantity IS NOT NULL, FALSE)), FALSE)) AS NoFives
FROM xdm_events AS x
ORDER BY x._id NULLS FIRST
