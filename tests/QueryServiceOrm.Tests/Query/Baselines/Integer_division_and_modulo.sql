SELECT o.id DIV 7 AS D, o.id % 7 AS M
FROM orders AS o
ORDER BY o.id NULLS FIRST
