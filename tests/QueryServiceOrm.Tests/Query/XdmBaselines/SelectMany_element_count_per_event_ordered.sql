SELECT x._id AS Id, COALESCE(sum(p.value.quantity), 0) AS Units
FROM xdm_events AS x
JOIN LATERAL (SELECT explode(x.productListItems) AS value) AS p ON TRUE
GROUP BY x._id
ORDER BY COALESCE(sum(p.value.quantity), 0) DESC NULLS LAST, x._id NULLS FIRST
LIMIT 15
