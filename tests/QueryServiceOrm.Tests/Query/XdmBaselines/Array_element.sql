SELECT to_json(x.productListItems[0])
FROM xdm_events AS x
WHERE CASE
    WHEN x.productListItems IS NOT NULL THEN size(x.productListItems)
END > 0
ORDER BY x._id NULLS FIRST
