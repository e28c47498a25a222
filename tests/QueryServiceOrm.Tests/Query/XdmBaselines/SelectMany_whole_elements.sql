SELECT to_json(p.value) AS value
FROM xdm_events AS x
JOIN LATERAL (SELECT explode(x.productListItems) AS value) AS p ON TRUE
WHERE p.value.priceTotal > CAST('100' AS double)
