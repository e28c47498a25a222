SELECT o.items + 1
FROM orders AS o
ORDER BY o.id NULLS FIRST
