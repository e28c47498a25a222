SELECT x._id AS "Id", size(x."productListItems") AS "N"
FROM xdm_events AS x
WHERE size(x."productListItems") > 1
ORDER BY x._id NULLS FIRST
