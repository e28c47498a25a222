SELECT x._id
FROM xdm_events AS x
WHERE coalesce(exists(x.productListItems, xdm_e0 -> coalesce(CASE
    WHEN xdm_e0.quantity >= 4 THEN TRUE
    ELSE FALSE
END AND CASE
    WHEN xdm_e0.priceTotal > CAST('50' AS double) THEN TRUE
    ELSE FALSE
END, FALSE)), FALSE)
ORDER BY x._id NULLS FIRST
