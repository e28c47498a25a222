SELECT x._id
FROM xdm_events AS x
WHERE x.productListItems IS NULL OR size(x.productListItems) = 0
ORDER BY x._id NULLS FIRST
