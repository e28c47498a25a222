SELECT x._id AS Id, p.value.SKU AS Sku, x0.person.name.lastName AS LastName
FROM xdm_events AS x
JOIN LATERAL (SELECT explode(x.productListItems) AS value) AS p ON TRUE
INNER JOIN xdm_profiles AS x0 ON substring(x._id, 5) = substring(x0._id, 6)
WHERE p.value.quantity > 4
