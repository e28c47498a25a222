SELECT x._id AS Id, coalesce(exists(x.productListItems, xdm_e0 -> coalesce(CASE
    WHEN xdm_e0.quantity > 3 THEN TRUE
    ELSE FALSE
END, FALSE)), FALSE) AS Big, CASE WHEN x.productListItems IS NULL THEN 0 ELSE size(filter(x.productListItems, xdm_e1 -> coalesce(xdm_e1.name LIKE '%Shoe%' AND xdm_e1.name IS NOT NULL, FALSE))) END AS Shoes, CASE
    WHEN x.productListItems IS NOT NULL THEN size(x.productListItems)
END AS N
FROM xdm_events AS x
ORDER BY x._id NULLS FIRST
