SELECT o.id
FROM orders AS o
WHERE o.amount >= 400.25
ORDER BY o.id NULLS FIRST
