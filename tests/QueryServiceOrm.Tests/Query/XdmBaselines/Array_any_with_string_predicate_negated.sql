SELECT x._id
FROM xdm_events AS x
WHERE CASE
    WHEN x.productListItems IS NOT NULL THEN size(x.productListItems)
END > 0 AND NOT (coalesce(exists(x.productListItems, xdm_e0 -> coalesce(xdm_e0.SKU LIKE 'SKU-00%' AND xdm_e0.SKU IS NOT NULL, FALSE)), FALSE))
ORDER BY x._id NULLS FIRST
