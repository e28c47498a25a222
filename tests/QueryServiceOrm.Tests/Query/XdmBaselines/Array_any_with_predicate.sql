SELECT x._id
FROM xdm_events AS x
WHERE exists(x.productListItems, xdm_e0 -> xdm_e0.quantity >= 4 AND xdm_e0.priceTotal > CAST('50' AS double))
ORDER BY x._id NULLS FIRST
