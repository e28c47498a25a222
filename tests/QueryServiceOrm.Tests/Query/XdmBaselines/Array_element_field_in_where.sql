SELECT x._id AS Id, x.productListItems[0].SKU AS Sku
FROM xdm_events AS x
WHERE CASE
    WHEN x.productListItems IS NOT NULL THEN size(x.productListItems)
END > 1 AND x.productListItems[1].quantity > 3
ORDER BY x._id NULLS FIRST
