SELECT to_json(x.productListItems[0])
FROM xdm_events AS x
WHERE size(x."productListItems") > 0
ORDER BY x._id NULLS FIRST
