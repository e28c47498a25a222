SELECT x._id AS Id, CASE WHEN x.productListItems IS NULL THEN 0 ELSE size(filter(x.productListItems, xdm_e0 -> coalesce(xdm_e0.name LIKE '%Shoe%' AND xdm_e0.name IS NOT NULL, FALSE))) END AS Shoes
FROM xdm_events AS x
WHERE x.productListItems IS NOT NULL
ORDER BY x._id NULLS FIRST
