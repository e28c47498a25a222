SELECT CAST(COALESCE(sum(o.items), 0) AS int)
FROM orders AS o
