SELECT o.id
FROM orders AS o
WHERE o.items = 3
ORDER BY o.id NULLS FIRST
