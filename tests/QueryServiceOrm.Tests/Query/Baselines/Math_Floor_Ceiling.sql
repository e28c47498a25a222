SELECT floor(o.amount) AS F, ceiling(o.amount) AS C
FROM orders AS o
ORDER BY o.id NULLS FIRST
