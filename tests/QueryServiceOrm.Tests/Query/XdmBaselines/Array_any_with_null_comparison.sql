SELECT x._id
FROM xdm_events AS x
WHERE coalesce(exists(x.productListItems, xdm_e0 -> coalesce(xdm_e0.SKU IS NULL, FALSE)), FALSE)
