SELECT COALESCE(sum(o.amount), 0)
FROM orders AS o
