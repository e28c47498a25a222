SELECT x._id AS Id, p.value.SKU AS Sku, p.value.quantity AS Quantity
FROM xdm_events AS x
JOIN LATERAL (SELECT explode(x.productListItems) AS value) AS p ON TRUE
