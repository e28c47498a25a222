SELECT x._id AS Id, x.commerce.`order`.currencyCode AS CurrencyCode, p.value.name AS Name, p.value.priceTotal * CAST(p.value.quantity AS double) AS Total
FROM xdm_events AS x
JOIN LATERAL (SELECT explode(x.productListItems) AS value) AS p ON TRUE
WHERE x.eventType = 'commerce.purchases' AND p.value.quantity >= 3 AND p.value.name LIKE '%e%'
