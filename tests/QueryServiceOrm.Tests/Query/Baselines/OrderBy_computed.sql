SELECT o.id
FROM orders AS o
ORDER BY o.amount % 7 NULLS FIRST, o.id NULLS FIRST
