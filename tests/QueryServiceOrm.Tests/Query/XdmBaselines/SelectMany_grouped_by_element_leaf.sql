SELECT s.Key AS Sku, CAST(count(*) AS int) AS Lines, COALESCE(sum(s.`Inner`.quantity), 0) AS Units, COALESCE(sum(s.`Inner`.priceTotal), 0) AS Revenue
FROM (
    SELECT p.value AS `Inner`, p.value.SKU AS Key
    FROM xdm_events AS x
    JOIN LATERAL (SELECT explode(x.productListItems) AS value) AS p ON TRUE
) AS s
GROUP BY s.Key
ORDER BY s.Key NULLS FIRST
