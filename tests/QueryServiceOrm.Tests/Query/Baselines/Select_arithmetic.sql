SELECT o.id AS Id, o.amount * 2 + 1 AS Doubled
FROM orders AS o
ORDER BY o.id NULLS FIRST
