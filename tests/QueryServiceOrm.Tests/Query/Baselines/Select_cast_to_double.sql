SELECT CAST(o.items AS double)
FROM orders AS o
ORDER BY o.id NULLS FIRST
