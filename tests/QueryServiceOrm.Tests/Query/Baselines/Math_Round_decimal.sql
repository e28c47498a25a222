SELECT round(o.amount / 3, 2)
FROM orders AS o
ORDER BY o.id NULLS FIRST
