SELECT x._id AS Id, CASE
    WHEN x.productListItems IS NOT NULL THEN size(x.productListItems)
END AS N
FROM xdm_events AS x
WHERE CASE
    WHEN x.productListItems IS NOT NULL THEN size(x.productListItems)
END > 1
ORDER BY x._id NULLS FIRST
