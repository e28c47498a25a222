SELECT x._id
FROM xdm_events AS x
WHERE coalesce(exists(x.productListItems, xdm_e0 -> coalesce(xdm_e0.name = 'Proteus Fleece, "Classic"' AND xdm_e0.name IS NOT NULL, FALSE)), FALSE)
ORDER BY x._id NULLS FIRST
